import { Construct } from "constructs";
import { ConstructInputError } from "../private/errors";
import { isUnresolved } from "../private/tokens";
import { parseIamArn } from "../iam/arn";
import { validateRoleArn } from "../iam/role-options";
import { TrustConditions, serviceTrust, trustPolicy } from "../iam/trust-policy";
import { WorkloadAccess, WorkloadAccessProps } from "./workload-access";

/** Props for {@link EcsTaskAccess}. */
export interface EcsTaskAccessProps extends WorkloadAccessProps {
  /**
   * Adds the confused-deputy conditions to the trust policy:
   * `aws:SourceAccount` equal to the stack's account and `aws:SourceArn`
   * like `arn:PARTITION:ecs:REGION:ACCOUNT:*`, so ECS assumes the role only
   * for tasks of this account and region.
   *
   * @default true
   */
  readonly confusedDeputyProtection?: boolean;
  /**
   * The task execution role, which ECS itself uses to pull images and write
   * logs. Given only so that it can be checked and passed on; it must be a
   * different role from the task role.
   *
   * @default - none
   */
  readonly executionRoleArn?: string;
}

/**
 * The task role of an ECS or Fargate task, trusted by
 * `ecs-tasks.amazonaws.com`, and its Atlas user.
 *
 * The task role is the identity the application's code runs as, so it is
 * the one Atlas must know. The task execution role belongs to the ECS agent
 * and never reaches the application. Pass {@link EcsTaskAccess.roleArn} as
 * the task definition's `task_role_arn`.
 */
export class EcsTaskAccess extends WorkloadAccess {
  /** The execution role ARN that was given, for the task definition. */
  public readonly executionRoleArn?: string;

  public constructor(scope: Construct, id: string, props: EcsTaskAccessProps) {
    super(scope, id, props, {
      description: `ECS task role with MONGODB-AWS access to Atlas (${id})`,
      trust: ({ scope: self, roleName, environment }) => {
        if (props.executionRoleArn !== undefined) {
          rejectExecutionRoleAsTaskRole(self, props.executionRoleArn, roleName, environment.accountId);
        }
        if (!(props.confusedDeputyProtection ?? true)) {
          return trustPolicy(serviceTrust("ecs-tasks.amazonaws.com"));
        }
        const { partition, region, accountId } = environment;
        const conditions: TrustConditions = {
          ArnLike: { "aws:SourceArn": `arn:${partition}:ecs:${region}:${accountId}:*` },
          StringEquals: { "aws:SourceAccount": accountId },
        };
        return trustPolicy(serviceTrust("ecs-tasks.amazonaws.com", conditions));
      },
    });
    this.executionRoleArn = props.executionRoleArn;
  }
}

function rejectExecutionRoleAsTaskRole(scope: Construct, executionRoleArn: string, taskRoleName: string, accountId: string): void {
  validateRoleArn(scope, executionRoleArn, "executionRoleArn");
  if (isUnresolved(executionRoleArn)) {
    return;
  }
  const parsed = parseIamArn(executionRoleArn);
  const sameAccount = isUnresolved(accountId) || parsed?.accountId === accountId;
  // IAM role names are case-insensitive: TaskRole and taskrole are one role.
  if (parsed !== undefined && parsed.name.toLowerCase() === taskRoleName.toLowerCase() && sameAccount) {
    throw new ConstructInputError(scope, {
      field: "executionRoleArn",
      received: executionRoleArn,
      problem: `is the task role ${taskRoleName} itself`,
      fix: "Use separate roles: the execution role lets ECS pull images and write logs, the task role is the identity Atlas knows. Give the ARN of the existing execution role, or omit executionRoleArn.",
    });
  }
}
