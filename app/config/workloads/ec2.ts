import { z } from "zod";
import { workloadBase } from "../common";

/** An EC2 instance role with its instance profile. */
export const ec2WorkloadSchema = z.strictObject({
  kind: z.literal("ec2"),
  ...workloadBase,
});

export type Ec2WorkloadConfig = z.infer<typeof ec2WorkloadSchema>;
