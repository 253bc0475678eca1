import { IamUserAccess, USER_NAME_MAX_LENGTH, deriveIamName } from "../../../constructs";
import { IamUserWorkloadConfig } from "../../config/workloads/iam-user";
import { WorkloadBuilder, WorkloadOutputs, atlasOptions } from "./types";

/** Builds an Atlas user for an IAM user, which is created unless the config gives its ARN. */
export const buildIamUser: WorkloadBuilder<IamUserWorkloadConfig> = (context, workload) => {
  // A renamed workload keeps the user name derived from its old name: a new name would replace the user and its Atlas user.
  const keptName = workload.renamedFrom === undefined || workload.userArn !== undefined
    ? undefined
    : deriveIamName(context.namePrefix, workload.renamedFrom, USER_NAME_MAX_LENGTH);
  const access = new IamUserAccess(context.scope, workload.name, {
    atlas: atlasOptions(context, workload.access),
    userArn: workload.userArn,
    userName: workload.userName ?? keptName,
    namePrefix: workload.userArn === undefined ? context.namePrefix : undefined,
    path: workload.path,
    permissionsBoundary: workload.permissionsBoundary,
    tags: workload.tags,
  });
  const outputs: WorkloadOutputs = { user_arn: access.userArn, atlas_username: access.atlasUsername };
  if (access.userName !== undefined) {
    outputs.user_name = access.userName;
  }
  for (const [cluster, uri] of Object.entries(access.connectionStrings)) {
    outputs[`connection_string_${cluster.replace(/-/g, "_")}`] = uri;
  }
  return { construct: access, outputs };
};
