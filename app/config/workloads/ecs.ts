import { z } from "zod";
import { workloadBase } from "../common";

/** An ECS or Fargate task's task role. */
export const ecsWorkloadSchema = z.strictObject({
  kind: z.literal("ecs"),
  ...workloadBase,
  confusedDeputyProtection: z.boolean().optional().describe("Add aws:SourceAccount and aws:SourceArn conditions. Default true."),
  executionRoleArn: z.string().optional().describe("The task execution role, checked to differ from the task role."),
});

export type EcsWorkloadConfig = z.infer<typeof ecsWorkloadSchema>;
