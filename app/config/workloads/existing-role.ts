import { z } from "zod";
import { resourceName, workloadBase } from "../common";
import { rejectedRoleFields } from "./without-role";

/** An Atlas user for a role that exists already, created outside this configuration. */
export const existingRoleWorkloadSchema = z.strictObject({
  kind: z.literal("existing-role"),
  ...workloadBase,
  ...rejectedRoleFields(
    ["roleName", "description", "maxSessionDuration", "permissionsBoundary", "tags", "adopt"],
    "an existing role is managed where it was created",
  ),
  name: resourceName.describe("Unique name of the workload; it becomes part of Terraform addresses and output names."),
  roleArn: z.string().regex(/^arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:role\/\S+$/, "must be an IAM role ARN, arn:PARTITION:iam::ACCOUNT:role/NAME")
    .describe("ARN of the existing role; its trust policy and permissions stay where they are managed."),
  allowRolePath: z.boolean().optional().describe("Accept a role ARN with a path other than /, after checking that Atlas matches it. Default false."),
});

export type ExistingRoleWorkloadConfig = z.infer<typeof existingRoleWorkloadSchema>;
