import { RoleChainAccess } from "../../../constructs";
import { RoleChainWorkloadConfig } from "../../config/workloads/role-chain";
import { WorkloadBuilder, WorkloadOutputs, accessOutputs, atlasOptions, roleOptions } from "./types";

/** Builds a database-access role that other roles or users assume, and its Atlas user. */
export const buildRoleChain: WorkloadBuilder<RoleChainWorkloadConfig> = (context, workload) => {
  const access = new RoleChainAccess(context.scope, workload.name, {
    ...roleOptions(context, workload),
    atlas: atlasOptions(context, workload.access),
    sourceRoleArns: workload.sourceRoleArns,
    externalId: workload.externalId,
    roleSessionName: workload.roleSessionName,
  });
  // What the workload passes to AssumeRole besides role_arn. The external ID is not a secret.
  const outputs: WorkloadOutputs = { ...accessOutputs(access), role_session_name: access.roleSessionName };
  if (access.externalId !== undefined) {
    outputs.external_id = access.externalId;
  }
  return { construct: access, outputs };
};
