import { z } from "zod";
import { workloadBase } from "../common";

/** A Lambda function's execution role. */
export const lambdaWorkloadSchema = z.strictObject({
  kind: z.literal("lambda"),
  ...workloadBase,
  basicExecution: z.boolean().optional().describe("Attach AWSLambdaBasicExecutionRole (logs). Default true."),
  vpcAccess: z.boolean().optional().describe("Attach AWSLambdaVPCAccessExecutionRole. Default false."),
  environmentVariable: z.string().optional().describe("Variable that carries the connection string. Default MONGODB_URI."),
});

export type LambdaWorkloadConfig = z.infer<typeof lambdaWorkloadSchema>;
