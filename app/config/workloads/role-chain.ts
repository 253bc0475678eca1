import { z } from "zod";
import { EXTERNAL_ID_PATTERN } from "../../../constructs";
import { workloadBase } from "../common";

/** A database-access role that a workload assumes with its own role's or user's credentials. */
export const roleChainWorkloadSchema = z.strictObject({
  kind: z.literal("role-chain"),
  ...workloadBase,
  sourceRoleArns: z.array(z.string()).min(1, "must list at least one role or IAM user ARN that assumes this role")
    .describe("ARNs of the roles or IAM users that call sts:AssumeRole on this role. Role sessions started from a role last at most one hour."),
  externalId: z.string().regex(EXTERNAL_ID_PATTERN, "must be 2 to 1224 letters, digits or +=,.@:/- characters. Use the ID agreed with the caller, for example a UUID").optional()
    .describe("ExternalId the caller must pass to AssumeRole; not a secret."),
  roleSessionName: z.string().optional().describe("RoleSessionName suggested to the workload. Default: the workload name."),
});

export type RoleChainWorkloadConfig = z.infer<typeof roleChainWorkloadSchema>;
