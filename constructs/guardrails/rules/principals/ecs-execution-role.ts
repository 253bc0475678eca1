import { Rule, RuleContext, SynthResource } from "../../model";
import { atlasUsers, usernameIdentity } from "../../lib/atlas";
import { pathAndName } from "../../lib/arn";
import { findingOf } from "../../lib/finding";
import { resolveBlock, wholeReference } from "../../lib/refs";
import { literalValue } from "../../lib/tokens";
import { asList, show } from "../../lib/values";

const EXEC_POLICY = /^arn:[^:]+:iam::aws:policy\/service-role\/AmazonECSTaskExecutionRolePolicy$/;

function isExecPolicy(ctx: RuleContext, value: unknown): boolean {
  const literal = literalValue(value);
  if (literal !== undefined) return EXEC_POLICY.test(literal);
  const ref = wholeReference(value);
  if (!ref || ref.type !== "aws_iam_policy" || !ref.data) return false;
  const policy = resolveBlock(ctx, ref);
  if (!policy) return false;
  return literalValue(policy.config.name) === "AmazonECSTaskExecutionRolePolicy" || EXEC_POLICY.test(literalValue(policy.config.arn) ?? "");
}

/** Finds the role a `role`, `role_name` or `*_role_arn` value points to, by reference or by literal name. */
function roleOf(value: unknown, roles: SynthResource[]): SynthResource | undefined {
  const ref = wholeReference(value);
  if (ref && !ref.data && ref.type === "aws_iam_role") return roles.find((r) => r.name === ref.name);
  const literal = literalValue(value);
  if (literal === undefined) return undefined;
  const name = literal.startsWith("arn:") ? pathAndName(literal.split(":").slice(5).join(":")).name : literal;
  return roles.find((r) => literalValue(r.config.name) === name);
}

/** Roles that act as ECS task execution roles and are never a task role. */
function executionOnlyRoles(ctx: RuleContext): Set<SynthResource> {
  const roles = ctx.resources.filter((r) => r.type === "aws_iam_role");
  const exec = new Set<SynthResource>();
  const task = new Set<SynthResource>();
  const add = (set: Set<SynthResource>, r: SynthResource | undefined) => r && set.add(r);
  for (const r of ctx.resources) {
    if (r.type === "aws_iam_role_policy_attachment" && isExecPolicy(ctx, r.config.policy_arn)) {
      add(exec, roleOf(r.config.role, roles));
    }
    if (r.type === "aws_iam_role_policy_attachments_exclusive" && asList(r.config.policy_arns).some((p) => isExecPolicy(ctx, p))) {
      add(exec, roleOf(r.config.role_name, roles));
    }
    if (r.type === "aws_iam_role" && asList(r.config.managed_policy_arns).some((p) => isExecPolicy(ctx, p))) exec.add(r);
    if (r.type === "aws_ecs_task_definition") {
      add(exec, roleOf(r.config.execution_role_arn, roles));
      add(task, roleOf(r.config.task_role_arn, roles));
    }
  }
  return new Set([...exec].filter((r) => !task.has(r)));
}

/** Atlas users keyed on an ECS task execution role. */
export const principalEcsExecutionRole: Rule = {
  id: "PRINCIPAL-ECS-EXECUTION-ROLE",
  severity: "error",
  description:
    "An Atlas username is the ARN of an ECS task execution role (AmazonECSTaskExecutionRolePolicy attached, or execution_role_arn of a task definition) that is no task's task_role_arn.",
  reason:
    "ECS uses the execution role only to pull images and write logs; application code in the container gets the task role's credentials, so a database user keyed on the execution role never matches.",
  fix: "Key the database user on the task definition's task_role_arn role, and keep the execution role for ECS itself.",
  check(ctx) {
    const execOnly = executionOnlyRoles(ctx);
    if (execOnly.size === 0) return [];
    return atlasUsers(ctx).flatMap((user) => {
      const id = usernameIdentity(ctx, user.config.username);
      if (id.kind !== "role") return [];
      const role =
        id.block && id.ref?.type === "aws_iam_role"
          ? id.block
          : id.parts
            ? [...execOnly].find((r) => literalValue(r.config.name) === pathAndName(id.parts!.resource).name)
            : undefined;
      if (!role || !execOnly.has(role)) return [];
      return [
        findingOf(principalEcsExecutionRole, user, {
          field: "username",
          received: show(user.config.username),
          message: `${role.address} is an ECS task execution role; containers run with the task role, so this user never matches`,
        }),
      ];
    });
  },
};
