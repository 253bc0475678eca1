import { Ec2InstanceAccess } from "../../../constructs";
import { Ec2WorkloadConfig } from "../../config/workloads/ec2";
import { WorkloadBuilder, accessOutputs, atlasOptions, roleOptions } from "./types";

/** Builds an EC2 instance role, its instance profile and its Atlas user. */
export const buildEc2: WorkloadBuilder<Ec2WorkloadConfig> = (context, workload) => {
  const access = new Ec2InstanceAccess(context.scope, workload.name, {
    ...roleOptions(context, workload),
    atlas: atlasOptions(context, workload.access),
  });
  return {
    construct: access,
    outputs: { ...accessOutputs(access), instance_profile_name: access.instanceProfileName },
  };
};
