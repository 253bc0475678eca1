import { WorkloadConfig } from "../../config/workloads";
import { buildEc2 } from "./ec2";
import { buildEcs } from "./ecs";
import { buildLambda } from "./lambda";
import { BuildContext, BuiltWorkload } from "./types";

/** Builds any workload by dispatching on its kind. Adding a kind adds one case here. */
export function buildWorkload(context: BuildContext, workload: WorkloadConfig): BuiltWorkload {
  switch (workload.kind) {
    case "lambda":
      return buildLambda(context, workload);
    case "ecs":
      return buildEcs(context, workload);
    case "ec2":
      return buildEc2(context, workload);
  }
}
