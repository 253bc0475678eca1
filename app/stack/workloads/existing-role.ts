import { AtlasIamUser, AtlasPrincipal, parseIamArn } from "../../../constructs";
import { ExistingRoleWorkloadConfig } from "../../config/workloads/existing-role";
import { WorkloadBuilder, accessOutputs, atlasOptions } from "./types";

/** Builds an Atlas user keyed on a role that exists already; nothing is created in IAM. */
export const buildExistingRole: WorkloadBuilder<ExistingRoleWorkloadConfig> = (context, workload) => {
  const user = new AtlasIamUser(context.scope, workload.name, {
    ...atlasOptions(context, workload.access),
    principal: AtlasPrincipal.fromRoleArn(workload.roleArn),
    allowRolePath: workload.allowRolePath,
  });
  const outputs = accessOutputs({
    roleArn: workload.roleArn,
    roleName: parseIamArn(workload.roleArn)?.name ?? workload.roleArn,
    atlasUsername: user.username,
    connectionStrings: user.connectionStrings,
  });
  return { construct: user, outputs };
};
