import { Construct } from "constructs";
import { Annotations } from "cdktf";
import { suppressRule } from "../guardrails/suppress";
import { ConstructInputError } from "../private/errors";
import { isUnresolved } from "../private/tokens";
import { TrustStatement, trustPolicy } from "../iam/trust-policy";
import { WorkloadAccess, WorkloadAccessProps } from "../workloads/workload-access";
import { validateChainSources } from "./chain-sources";
import { validateExternalId } from "./external-id";

/** Props for {@link RoleChainAccess}. */
export interface RoleChainAccessProps extends WorkloadAccessProps {
  /**
   * The principals that may assume the database-access role: ARNs of roles
   * or IAM users, literal or references, in this account or another. A
   * source in another account also needs an identity policy that allows
   * `sts:AssumeRole` on this role.
   */
  readonly sourceRoleArns: readonly string[];
  /**
   * Requires the caller to pass this `ExternalId` to AssumeRole: 2 to 1224
   * letters, digits or `+=,.@:/-`. It is not a secret; it keeps a third
   * party that serves several customers from being tricked into using this
   * role on another's behalf.
   *
   * @default - no external ID
   */
  readonly externalId?: string;
  /**
   * The RoleSessionName suggested to the workload, 2 to 64 letters, digits
   * or `+=,.@-`. It appears in CloudTrail and in the assumed-role ARN.
   *
   * @default - the construct ID
   */
  readonly roleSessionName?: string;
}

/** Parameters of a workload's STS AssumeRole call, named as in the API. */
export interface AssumeRoleParameters {
  readonly RoleArn: string;
  readonly RoleSessionName: string;
  /** Present when the trust policy requires it. Not a secret. */
  readonly ExternalId?: string;
}

const SESSION_NAME_PATTERN = /^[\w+=,.@-]{2,64}$/;
const CHAINED_SESSION_LIMIT = 3600;

/**
 * A database-access role that a workload assumes with its own role's or
 * user's credentials, and the Atlas user keyed on that access role.
 *
 * The Atlas user is keyed on the access role, never on a source, because
 * Atlas checks the identity that signs the request: the assumed access role.
 * A session started with a role's credentials is role chaining, which STS
 * limits to one hour whatever `maxSessionDuration` is. The construct adds
 * a warning when a longer duration is set and some source may be a role.
 */
export class RoleChainAccess extends WorkloadAccess {
  /** The principals the trust policy names, in the order given. */
  public readonly sourceRoleArns: readonly string[];
  /** The external ID the caller must pass, if any. Not a secret. */
  public readonly externalId?: string;
  /** The suggested RoleSessionName. */
  public readonly roleSessionName: string;

  public constructor(scope: Construct, id: string, props: RoleChainAccessProps) {
    const roleSessionName = props.roleSessionName ?? id;
    let chained = true;
    super(scope, id, props, {
      description: `Role assumed by other principals, with MONGODB-AWS access to Atlas (${id})`,
      trust: ({ scope: self, roleName, environment }) => {
        chained = validateChainSources(self, props.sourceRoleArns, roleName, environment).includesRole;
        if (props.externalId !== undefined) {
          validateExternalId(self, props.externalId);
        }
        validateSessionName(self, roleSessionName, props.roleSessionName === undefined);
        const sources = [...props.sourceRoleArns];
        const statement: TrustStatement = {
          Effect: "Allow",
          Principal: { AWS: sources.length === 1 ? sources[0] : sources },
          Action: "sts:AssumeRole",
        };
        return trustPolicy(props.externalId === undefined
          ? statement
          : { ...statement, Condition: { StringEquals: { "sts:ExternalId": props.externalId } } });
      },
    });
    this.sourceRoleArns = [...props.sourceRoleArns];
    this.externalId = props.externalId;
    this.roleSessionName = roleSessionName;

    const duration = props.maxSessionDuration;
    if (chained && duration !== undefined && duration > CHAINED_SESSION_LIMIT) {
      // The guardrail rule finds the same problem on the role; one warning with the construct's advice is enough.
      suppressRule(this.role, "LIMIT-CHAINED-SESSION-DURATION", "RoleChainAccess adds its own warning about chained session duration");
      Annotations.of(this).addWarning(
        `maxSessionDuration is ${duration} seconds, but a session started with another role's credentials (role chaining) lasts at most ${CHAINED_SESSION_LIMIT} seconds. ` +
          "The setting only lengthens sessions of IAM user sources; have the workload assume the role again before its session expires.",
      );
    }
  }

  /** Parameters of the workload's AssumeRole call, with the role ARN resolved at apply time. */
  public get assumeRoleParameters(): AssumeRoleParameters {
    const parameters = { RoleArn: this.roleArn, RoleSessionName: this.roleSessionName };
    return this.externalId === undefined ? parameters : { ...parameters, ExternalId: this.externalId };
  }
}

function validateSessionName(scope: Construct, name: string, derived: boolean): void {
  if (isUnresolved(name) || SESSION_NAME_PATTERN.test(name)) {
    return;
  }
  throw new ConstructInputError(scope, {
    field: "roleSessionName",
    received: name,
    problem: `must be 2 to 64 letters, digits or +=,.@- characters${derived ? " (it defaults to the construct ID)" : ""}`,
    fix: "Give a roleSessionName such as the workload's name.",
  });
}
