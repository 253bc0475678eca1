import { LambdaAccess } from "../../../constructs";
import { LambdaWorkloadConfig } from "../../config/workloads/lambda";
import { WorkloadBuilder, accessOutputs, atlasOptions, roleOptions } from "./types";

/** Builds a Lambda execution role and its Atlas user. */
export const buildLambda: WorkloadBuilder<LambdaWorkloadConfig> = (context, workload) => {
  const access = new LambdaAccess(context.scope, workload.name, {
    ...roleOptions(context, workload),
    atlas: atlasOptions(context, workload.access),
    basicExecution: workload.basicExecution,
    vpcAccess: workload.vpcAccess,
    environmentVariable: workload.environmentVariable,
  });
  return { construct: access, outputs: accessOutputs(access) };
};
