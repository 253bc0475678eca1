import { Construct } from "constructs";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { AtlasAccessOptions, AtlasIamUser } from "../atlas/atlas-iam-user";
import { AtlasPrincipal } from "../atlas/principal";
import { AwsEnvironment } from "../iam/aws-environment";
import { ROLE_NAME_MAX_LENGTH, deriveIamName } from "../iam/names";
import { RoleOptions, validateRoleName, validateRoleOptions } from "../iam/role-options";
import { TrustPolicyDocument, renderTrustPolicy } from "../iam/trust-policy";

/** Props shared by every workload construct. */
export interface WorkloadAccessProps extends RoleOptions {
  /** The workload's access in Atlas. */
  readonly atlas: AtlasAccessOptions;
}

/** The inputs a subclass receives to build its trust policy. */
export interface TrustContext {
  /** The workload construct, for error messages and lookups. */
  readonly scope: Construct;
  /** The role name, known at synth time. */
  readonly roleName: string;
  /** The account, region and partition of the stack. */
  readonly environment: AwsEnvironment;
}

/** The role settings of one workload kind. */
export interface WorkloadRoleSpec {
  /** Role description used when the caller gives none. */
  readonly description: string;
  /**
   * Validates the subclass's own props and returns the trust policy. It runs
   * before any resource exists, so a rejected input leaves nothing behind.
   */
  trust(context: TrustContext): TrustPolicyDocument;
}

/**
 * An IAM role for one workload and the Atlas user keyed on its ARN.
 *
 * Subclasses choose the trust policy; this class creates both halves from
 * one declaration so they cannot drift apart.
 */
export abstract class WorkloadAccess extends Construct {
  /** The IAM role whose credentials the workload uses. */
  public readonly role: IamRole;
  /** The Atlas user keyed on the role's ARN. */
  public readonly atlasUser: AtlasIamUser;
  /** The role name, known at synth time. */
  public readonly roleName: string;
  /** The account, region and partition of the stack. */
  protected readonly awsEnvironment: AwsEnvironment;

  protected constructor(scope: Construct, id: string, props: WorkloadAccessProps, spec: WorkloadRoleSpec) {
    super(scope, id);

    validateRoleOptions(this, props);
    this.roleName = props.roleName ?? deriveIamName(props.namePrefix ?? "", id, ROLE_NAME_MAX_LENGTH);
    validateRoleName(this, this.roleName);
    this.awsEnvironment = AwsEnvironment.of(this);
    const trust = spec.trust({ scope: this, roleName: this.roleName, environment: this.awsEnvironment });

    this.role = new IamRole(this, "Role", {
      name: this.roleName,
      description: props.roleDescription ?? spec.description,
      assumeRolePolicy: renderTrustPolicy(trust),
      maxSessionDuration: props.maxSessionDuration,
      permissionsBoundary: props.permissionsBoundary,
      tags: props.tags === undefined ? undefined : sortedRecord(props.tags),
    });
    this.atlasUser = new AtlasIamUser(this, "AtlasUser", {
      ...props.atlas,
      principal: AtlasPrincipal.fromRole(this.role),
    });
  }

  /** The role ARN: a reference resolved at apply time. */
  public get roleArn(): string {
    return this.role.arn;
  }

  /** The Atlas username, equal to the role ARN. */
  public get atlasUsername(): string {
    return this.atlasUser.username;
  }

  /** Connection strings by cluster name; a copy. */
  public get connectionStrings(): Record<string, string> {
    return this.atlasUser.connectionStrings;
  }
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]]));
}
