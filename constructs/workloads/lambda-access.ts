import { Construct } from "constructs";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { ConstructInputError } from "../private/errors";
import { serviceTrust, trustPolicy } from "../iam/trust-policy";
import { WorkloadAccess, WorkloadAccessProps } from "./workload-access";

/** Props for {@link LambdaAccess}. */
export interface LambdaAccessProps extends WorkloadAccessProps {
  /**
   * Attaches `AWSLambdaBasicExecutionRole`, which lets the function write its logs.
   *
   * @default true
   */
  readonly basicExecution?: boolean;
  /**
   * Attaches `AWSLambdaVPCAccessExecutionRole`, which a function in a VPC
   * needs to create its network interfaces. Needed when the cluster is
   * reached over a private endpoint or peering.
   *
   * @default false
   */
  readonly vpcAccess?: boolean;
  /**
   * Name of the environment variable that carries the connection string.
   * With several clusters, each gets `NAME_CLUSTER`, the cluster name in
   * upper case with hyphens as underscores.
   *
   * @default "MONGODB_URI"
   */
  readonly environmentVariable?: string;
}

const ENVIRONMENT_VARIABLE_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The execution role of a Lambda function, trusted by `lambda.amazonaws.com`,
 * and its Atlas user.
 *
 * Pass {@link LambdaAccess.roleArn} as the function's `role` and
 * {@link LambdaAccess.environment} as its environment variables. The driver
 * reads the function's credentials from the variables Lambda sets.
 */
export class LambdaAccess extends WorkloadAccess {
  /** Environment variables for the function: the connection strings. */
  public readonly environment: Record<string, string>;

  public constructor(scope: Construct, id: string, props: LambdaAccessProps) {
    const variable = props.environmentVariable ?? "MONGODB_URI";
    super(scope, id, props, {
      description: `Lambda execution role with MONGODB-AWS access to Atlas (${id})`,
      trust: ({ scope: self }) => {
        if (!ENVIRONMENT_VARIABLE_PATTERN.test(variable)) {
          throw new ConstructInputError(self, {
            field: "environmentVariable",
            received: variable,
            problem: "must start with a letter and contain only letters, digits and underscores",
            fix: "Use a name such as MONGODB_URI.",
          });
        }
        return trustPolicy(serviceTrust("lambda.amazonaws.com"));
      },
    });

    const partition = this.awsEnvironment.partition;
    if (props.basicExecution ?? true) {
      new IamRolePolicyAttachment(this, "BasicExecution", {
        role: this.role.name,
        policyArn: `arn:${partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole`,
      });
    }
    if (props.vpcAccess ?? false) {
      new IamRolePolicyAttachment(this, "VpcAccess", {
        role: this.role.name,
        policyArn: `arn:${partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole`,
      });
    }
    this.environment = environmentVariables(variable, this.connectionStrings);
  }
}

function environmentVariables(variable: string, connectionStrings: Record<string, string>): Record<string, string> {
  const clusters = Object.keys(connectionStrings);
  if (clusters.length === 1) {
    return { [variable]: connectionStrings[clusters[0]] };
  }
  return Object.fromEntries(
    clusters.map((cluster) => [`${variable}_${cluster.toUpperCase().replace(/-/g, "_")}`, connectionStrings[cluster]]),
  );
}
