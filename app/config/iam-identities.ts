import { ParsedIamArn, ROLE_NAME_MAX_LENGTH, USER_NAME_MAX_LENGTH, deriveIamName, parseIamArn } from "../../constructs";
import { EnvironmentConfig } from "./schema";
import { WorkloadConfig } from "./workloads";

/** The IAM entities a workload creates: a role (with an instance profile for ec2) or a user. */
export type CreatedIamKind = "role" | "user";

/** An IAM role or user that a workload creates in one environment, named as the stack names it. */
export interface CreatedIamIdentity {
  readonly kind: CreatedIamKind;
  /** The IAM name, in the case the stack writes it. */
  readonly name: string;
  /** True for an ec2 workload, whose instance profile takes the role's name. */
  readonly instanceProfile: boolean;
  readonly workloadIndex: number;
  /** True when the config gives the name in roleName or userName; false when it is derived. */
  readonly explicit: boolean;
  /** Config path of the field the name comes from: roleName, userName, renamedFrom or name. */
  readonly path: string;
  /** The value at that path. */
  readonly received: string;
}

/** An IAM role or user that a workload refers to by ARN, with the ARN's parts. */
export interface ReferencedIamArn {
  readonly arn: string;
  readonly parsed: ParsedIamArn;
  readonly workloadIndex: number;
  /** Config path of the ARN: roleArn or userArn. */
  readonly path: string;
}

/** Returns the prefix of generated IAM names in an environment, as its stack applies it. */
export function namePrefixOf(environment: EnvironmentConfig): string {
  return environment.namePrefix ?? `${environment.name}-`;
}

/**
 * Lists the roles and users the workloads create in an environment. The
 * names follow the builders: an explicit name, else the name derived from
 * the prefix and the old name of a renamed workload or its current name.
 */
export function createdIamIdentities(workloads: readonly WorkloadConfig[], environment: EnvironmentConfig): CreatedIamIdentity[] {
  const prefix = namePrefixOf(environment);
  return workloads.flatMap((workload, workloadIndex): CreatedIamIdentity[] => {
    if (workload.kind === "existing-role" || (workload.kind === "iam-user" && workload.userArn !== undefined)) {
      return [];
    }
    const kind: CreatedIamKind = workload.kind === "iam-user" ? "user" : "role";
    const given = workload.kind === "iam-user" ? workload.userName : workload.roleName;
    const base = workload.renamedFrom ?? workload.name;
    let sourceField = workload.renamedFrom !== undefined ? "renamedFrom" : "name";
    if (given !== undefined) {
      sourceField = kind === "user" ? "userName" : "roleName";
    }
    return [{
      kind,
      name: given ?? deriveIamName(prefix, base, kind === "user" ? USER_NAME_MAX_LENGTH : ROLE_NAME_MAX_LENGTH),
      instanceProfile: workload.kind === "ec2",
      workloadIndex,
      explicit: given !== undefined,
      path: `workloads[${workloadIndex}].${sourceField}`,
      received: given ?? base,
    }];
  });
}

/** Lists the role ARNs of existing-role workloads and the user ARNs of iam-user workloads that refer to a user. */
export function referencedIamArns(workloads: readonly WorkloadConfig[]): ReferencedIamArn[] {
  return workloads.flatMap((workload, workloadIndex): ReferencedIamArn[] => {
    const [arn, field] = workload.kind === "existing-role" ? [workload.roleArn, "roleArn"] : workload.kind === "iam-user" ? [workload.userArn, "userArn"] : [undefined, ""];
    const parsed = arn === undefined ? undefined : parseIamArn(arn);
    // The schema has rejected ARNs of other forms.
    return arn === undefined || parsed === undefined ? [] : [{ arn, parsed, workloadIndex, path: `workloads[${workloadIndex}].${field}` }];
  });
}

/** Names the entities an identity stands for in messages: "role", "role and instance profile" or "user". */
export function entityLabel(identity: CreatedIamIdentity): string {
  return identity.instanceProfile ? "role and instance profile" : identity.kind;
}

/** Builds the key under which IAM compares names, which are unique in an account, ignoring case. */
export function iamNameKey(kind: string, name: string): string {
  return `${kind}/${name.toLowerCase()}`;
}
