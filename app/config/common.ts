import { z } from "zod";

/**
 * Schema pieces shared by the environment and workload schemas.
 *
 * A custom message is a clause that follows the field's path, for example
 * "must be ...", and its fix follows after a period. The error formatter
 * adds the file, the path and the value received.
 */

/** Workload and environment names: they become construct IDs, IAM names and Terraform addresses. */
export const resourceName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,46}[a-z0-9]$/, "must be 2 to 48 lowercase letters, digits or hyphens, starting with a letter. Use a name such as orders-api");

/** A mapping of short strings, for tags and labels. */
export const stringMap = z.record(z.string(), z.string());

/** One database role grant, as in the library's AtlasRoleGrant. */
export const grantSchema = z.strictObject({
  role: z.string().optional().describe("A built-in Atlas role such as read or readWrite."),
  customRole: z.string().optional().describe("A custom database role of the project, granted on admin."),
  database: z.string().optional().describe("The database the role applies to."),
  collection: z.string().optional().describe("Limits read or readWrite to one collection."),
});

/** Atlas access of a workload. Cluster names refer to the environment's clusters. */
export const accessSchema = z.strictObject({
  grants: z.array(grantSchema).min(1, "must list at least one grant. Grant the least role the workload needs, for example { role: readWrite, database: orders }"),
  clusters: z.array(z.string()).optional().describe("Names of the environment's clusters the user may reach."),
  dataLakes: z.array(z.string()).optional().describe("Names of federated database instances the user may reach."),
  projectWideAccess: z.boolean().optional().describe("Reach every cluster of the project instead of listed ones."),
  allowPrivilegedRoles: z.boolean().optional().describe("Accept atlasAdmin and the *AnyDatabase roles."),
  defaultDatabase: z.string().optional().describe("Database in the path of the connection strings."),
  labels: stringMap.optional().describe("Labels on the Atlas user."),
  description: z.string().optional().describe("Description of the Atlas user."),
});

/** Fields every workload kind accepts. */
export const workloadBase = {
  name: resourceName.describe("Unique name of the workload; it becomes part of IAM names and Terraform addresses."),
  roleName: z.string().optional().describe("Explicit IAM role name; derived from namePrefix and name when omitted."),
  description: z.string().optional().describe("Description of the IAM role."),
  maxSessionDuration: z.number().int("must be a whole number of seconds").optional().describe("Maximum session length in seconds, 3600 to 43200."),
  permissionsBoundary: z.string().optional().describe("ARN of a managed policy that bounds the role."),
  tags: stringMap.optional().describe("Tags on the IAM role."),
  access: accessSchema,
  renamedFrom: resourceName.optional()
    .describe("The workload's previous name. Its resources are moved, not destroyed and created again."),
  adopt: z.strictObject({
    role: z.boolean().optional().describe("Import an IAM role of the same name that already exists."),
    atlasUser: z.boolean().optional().describe("Import an Atlas user already keyed on the role's ARN."),
  }).optional().describe("Bring resources created outside Terraform under management with import blocks."),
  suppress: z.array(z.strictObject({
    rule: z.string().regex(/^[A-Z][A-Z0-9-]+$/, "must be a guardrail rule ID such as ATLAS-USER-NO-SCOPES, as listed in docs/rules.md"),
    reason: z.string().trim().min(10, "must say in at least 10 characters why the rule does not apply, so reviewers can judge it"),
  })).optional().describe("Guardrail rules that do not apply to this workload, each with the reason."),
};
