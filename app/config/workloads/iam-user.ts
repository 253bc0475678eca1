import { z } from "zod";
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
    userArn: z.string().optional().describe("ARN of an existing IAM user; nothing is created in IAM."),
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

export type IamUserWorkloadConfig = z.infer<typeof iamUserWorkloadSchema>;
