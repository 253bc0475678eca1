import { Construct } from "constructs";
import { AtlasAccessOptions, AtlasClusterRef, ROLE_NAME_MAX_LENGTH, deriveIamName } from "../../../constructs";
import { EnvironmentConfig } from "../../config/schema";
import { WorkloadConfig } from "../../config/workloads";

/** The context a workload builder receives besides its own config. */
export interface BuildContext {
  /** The environment's stack. */
  readonly scope: Construct;
  readonly environment: EnvironmentConfig;
  /** Prefix of generated IAM names in this environment. */
  readonly namePrefix: string;
}

/** The values a built workload exposes as Terraform outputs, by output suffix. */
export type WorkloadOutputs = Record<string, string>;

/** A built workload: its construct and its outputs. */
export interface BuiltWorkload {
  readonly construct: Construct;
  readonly outputs: WorkloadOutputs;
}

/** Builds one kind of workload from its config. */
export type WorkloadBuilder<T extends WorkloadConfig> = (context: BuildContext, workload: T) => BuiltWorkload;

/** Converts a workload's access block into the library's Atlas options. */
export function atlasOptions(context: BuildContext, access: WorkloadConfig["access"]): AtlasAccessOptions {
  const clusters: AtlasClusterRef[] = (access.clusters ?? []).map((name) => {
    const cluster = context.environment.atlas.clusters.find((candidate) => candidate.name === name);
    return { name, srvHost: cluster?.srvHost };
  });
  return {
    projectId: context.environment.atlas.projectId,
    grants: access.grants,
    clusters,
    dataLakes: access.dataLakes,
    projectWideAccess: access.projectWideAccess,
    allowPrivilegedRoles: access.allowPrivilegedRoles,
    defaultDatabase: access.defaultDatabase,
    labels: access.labels,
    description: access.description,
  };
}

/**
 * The IAM role options every kind shares. A renamed workload keeps the role
 * name derived from its old name, because a new name would replace the role
 * and, with its ARN, the Atlas user keyed on it.
 */
export function roleOptions(context: BuildContext, workload: WorkloadConfig) {
  const keptName = workload.renamedFrom === undefined ? undefined : deriveIamName(context.namePrefix, workload.renamedFrom, ROLE_NAME_MAX_LENGTH);
  return {
    roleName: workload.roleName ?? keptName,
    namePrefix: context.namePrefix,
    roleDescription: workload.description,
    maxSessionDuration: workload.maxSessionDuration,
    permissionsBoundary: workload.permissionsBoundary,
    tags: workload.tags,
  };
}

/** Outputs common to every workload that owns a role and an Atlas user. */
export function accessOutputs(workload: { roleArn: string; roleName: string; atlasUsername: string; connectionStrings: Record<string, string> }): WorkloadOutputs {
  const outputs: WorkloadOutputs = {
    role_arn: workload.roleArn,
    role_name: workload.roleName,
    atlas_username: workload.atlasUsername,
  };
  for (const [cluster, uri] of Object.entries(workload.connectionStrings)) {
    outputs[`connection_string_${cluster.replace(/-/g, "_")}`] = uri;
  }
  return outputs;
}
