import { Construct } from "constructs";
import { dependable } from "cdktf";
import { ConstructInputError } from "../private/errors";
import { isUnresolved } from "../private/tokens";
import { AwsEnvironment } from "../iam/aws-environment";
import { Partition } from "../iam/partition";
import { TrustStatement, trustPolicy } from "../iam/trust-policy";
import { WorkloadAccess, WorkloadAccessProps } from "../workloads/workload-access";
import { defaultSamlAudience, validateSamlAudiences } from "./saml-audience";
import { ISamlProvider, parseSamlProviderArn, validateSamlProviderArn } from "./saml-provider";

/** Props for {@link SamlAccess}. */
export interface SamlAccessProps extends WorkloadAccessProps {
  /** The SAML provider whose users may assume the role: a {@link SamlProvider} or {@link SamlProvider.fromArn}. */
  readonly provider: ISamlProvider;
  /**
   * The sign-in endpoints accepted as `SAML:aud`: the partition's endpoint
   * or regional ones such as `https://eu-west-1.signin.aws.amazon.com/saml`.
   *
   * @default - the partition's endpoint, for example `https://signin.aws.amazon.com/saml`
   */
  readonly audiences?: readonly string[];
  /**
   * Also allows `sts:TagSession`, which the identity provider needs when its
   * assertion carries session tags (`PrincipalTag` attributes).
   *
   * @default false
   */
  readonly sessionTags?: boolean;
}

/**
 * A role for people who sign in through the company's SAML identity
 * provider, and its Atlas user.
 *
 * The trust policy lets the provider's users call `sts:AssumeRoleWithSAML`
 * when the assertion's audience is an AWS sign-in endpoint. The Atlas user
 * is keyed on the role, so every person who assumes it shares one Atlas
 * user, and Atlas logs show the role, not the person. Give each group of
 * people with different needs its own role.
 */
export class SamlAccess extends WorkloadAccess {
  /** The ARN of the trusted provider. */
  public readonly samlProviderArn: string;
  /** The accepted audiences, in the order given. */
  public readonly audiences: readonly string[];

  public constructor(scope: Construct, id: string, props: SamlAccessProps) {
    let audiences: string[] = [];
    super(scope, id, props, {
      description: `Role for SAML sign-in with MONGODB-AWS access to Atlas (${id})`,
      trust: ({ scope: self, environment }) => {
        const providerArn = props.provider.samlProviderArn;
        const partition = checkProvider(self, providerArn, environment);
        audiences = resolveAudiences(self, props.audiences, partition, environment);
        const tagSession = props.sessionTags ?? false;
        const statement: TrustStatement = {
          Effect: "Allow",
          Principal: { Federated: providerArn },
          Action: tagSession ? ["sts:AssumeRoleWithSAML", "sts:TagSession"] : "sts:AssumeRoleWithSAML",
          Condition: { StringEquals: { "SAML:aud": audiences.length === 1 ? audiences[0] : audiences } },
        };
        return trustPolicy(statement);
      },
    });
    this.samlProviderArn = props.provider.samlProviderArn;
    this.audiences = audiences;
    if (props.provider.dependable !== undefined) {
      // The trust policy names the provider by a literal ARN when it can, which gives Terraform no implicit ordering.
      this.role.dependsOn = [...(this.role.dependsOn ?? []), dependable(props.provider.dependable)];
    }
  }

  /**
   * The value of the identity provider's
   * `https://aws.amazon.com/SAML/Attributes/Role` attribute that offers this
   * role: the role ARN and the provider ARN, separated by a comma.
   */
  public get roleAttributeValue(): string {
    return `${this.roleArn},${this.samlProviderArn}`;
  }
}

/** Checks a literal provider ARN against the stack and returns the partition it settles, if any. */
function checkProvider(scope: Construct, providerArn: string, environment: AwsEnvironment): Partition | undefined {
  validateSamlProviderArn(scope, providerArn, "provider");
  const parsed = isUnresolved(providerArn) ? undefined : parseSamlProviderArn(providerArn);
  if (parsed === undefined || !environment.isLiteral) {
    return parsed?.partition as Partition | undefined;
  }
  if (parsed.partition !== environment.partition || parsed.accountId !== environment.accountId) {
    throw new ConstructInputError(scope, {
      field: "provider",
      received: providerArn,
      problem: `is in ${parsed.partition} account ${parsed.accountId}, but the role is in ${environment.partition} account ${environment.accountId}`,
      fix: "A role can only trust a SAML provider of its own account. Create the provider in this account.",
    });
  }
  return parsed.partition as Partition;
}

function resolveAudiences(scope: Construct, audiences: readonly string[] | undefined, providerPartition: Partition | undefined, environment: AwsEnvironment): string[] {
  if (audiences !== undefined) {
    return validateSamlAudiences(scope, audiences, providerPartition ?? literalPartition(environment));
  }
  // Reading the partition adds an aws_partition data source when the region is unknown, but then the construct fails here anyway.
  const partition = providerPartition ?? environment.partition;
  if (isUnresolved(partition)) {
    throw new ConstructInputError(scope, {
      field: "audiences",
      received: audiences,
      problem: "must be given when the partition is known only at apply time",
      fix: "Give the stack's account and region with AwsEnvironment, or list the audiences, for example [\"https://signin.aws.amazon.com/saml\"].",
    });
  }
  return [defaultSamlAudience(partition as Partition)];
}

/** Returns the stack's partition when account and region are literal. Reading it otherwise would add a data source. */
function literalPartition(environment: AwsEnvironment): Partition | undefined {
  return environment.isLiteral ? (environment.partition as Partition) : undefined;
}
