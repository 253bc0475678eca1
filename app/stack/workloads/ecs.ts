import { EcsTaskAccess } from "../../../constructs";
import { EcsWorkloadConfig } from "../../config/workloads/ecs";
import { WorkloadBuilder, accessOutputs, atlasOptions, roleOptions } from "./types";

/** Builds an ECS task role and its Atlas user. */
export const buildEcs: WorkloadBuilder<EcsWorkloadConfig> = (context, workload) => {
  const access = new EcsTaskAccess(context.scope, workload.name, {
    ...roleOptions(context, workload),
    atlas: atlasOptions(context, workload.access),
    confusedDeputyProtection: workload.confusedDeputyProtection,
    executionRoleArn: workload.executionRoleArn,
  });
  return { construct: access, outputs: accessOutputs(access) };
};
