import { z } from "zod";
import { ec2WorkloadSchema } from "./ec2";
import { ecsWorkloadSchema } from "./ecs";
import { lambdaWorkloadSchema } from "./lambda";

/** Every workload kind, told apart by `kind`. Adding a kind adds one schema here. */
export const workloadSchema = z.discriminatedUnion("kind", [lambdaWorkloadSchema, ecsWorkloadSchema, ec2WorkloadSchema]);

export type WorkloadConfig = z.infer<typeof workloadSchema>;
