import { z } from "zod";
import { IAM_NAME_PATTERN, PARTITIONS, USER_NAME_MAX_LENGTH, parseIamArn } from "../../../constructs";
import { resourceName, stringMap, workloadBase } from "../common";
import { rejectedRoleFields } from "./without-role";

const CREATION_FIELDS = ["userName", "path", "permissionsBoundary", "tags"] as const;

/**
 * An IAM user, created here or referred to by ARN, with its Atlas user. The
 * user signs with long-lived access keys; prefer a role where one can be used.
 */
export const iamUserWorkloadSchema = z
  .strictObject({
    kind: z.literal("iam-user"),
    ...workloadBase,
    ...rejectedRoleFields(["roleName", "description", "maxSessionDuration", "adopt"], "an iam-user workload has no role"),
    name: resourceName.describe("Unique name of the workload; the created user is named namePrefix and name unless userName is given."),
    userName: z.string().optional().describe("Name of the IAM user to create, 1 to 64 characters."),
    userArn: z.string().superRefine(checkUserArn).optional().describe("ARN of an existing IAM user; nothing is created in IAM."),
    path: z.string().optional().describe("IAM path of the created user, such as /batch/. Default /."),
    permissionsBoundary: z.string().optional().describe("ARN of a managed policy that bounds the created user."),
    tags: stringMap.optional().describe("Tags on the created user."),
  })
  .superRefine((workload, context) => {
    if (workload.userArn === undefined) {
      return;
    }
    for (const field of CREATION_FIELDS) {
      if (workload[field] !== undefined) {
        context.addIssue({
          code: "custom",
          path: [field],
          message: "must be omitted with userArn, which refers to a user created elsewhere. Remove it, or remove userArn to create the user here",
        });
      }
    }
  });

/**
 * Checks that `userArn` names an IAM user. A role ARN gets its own message,
 * because a role that exists already has its own kind of workload.
 */
function checkUserArn(arn: string, context: z.RefinementCtx): void {
  const parsed = parseIamArn(arn);
  if (parsed?.service === "iam" && parsed.kind === "role") {
    context.addIssue({
      code: "custom",
      message: "must be an IAM user ARN, not a role ARN: an iam-user workload keys its Atlas user on an IAM user. For a role that exists already, use kind: existing-role with roleArn instead of userArn",
    });
    return;
  }
  const valid = parsed !== undefined && parsed.service === "iam" && parsed.kind === "user" && (PARTITIONS as readonly string[]).includes(parsed.partition)
    && parsed.name.length <= USER_NAME_MAX_LENGTH && IAM_NAME_PATTERN.test(parsed.name);
  if (!valid) {
    context.addIssue({ code: "custom", message: "must be an IAM user ARN, arn:PARTITION:iam::ACCOUNT:user/NAME. Copy it from aws iam get-user --user-name NAME" });
  }
}

export type IamUserWorkloadConfig = z.infer<typeof iamUserWorkloadSchema>;
