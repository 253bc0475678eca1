import { z } from "zod";

/** Local state in the project root: the default, for one person or a trial. */
const localBackend = z.strictObject({
  type: z.literal("local"),
  path: z.string().min(1).optional().describe("State file path, relative to the project root. Default terraform.ENVIRONMENT.tfstate."),
});

/** State in S3 with locking, for teams. */
const s3Backend = z.strictObject({
  type: z.literal("s3"),
  bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be an S3 bucket name: 3 to 63 lowercase letters, digits, dots or hyphens"),
  key: z.string().min(1).optional().describe("Object key of the state. Default atlas-iam-access/ENVIRONMENT.tfstate."),
  region: z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/, "must be an AWS region code such as eu-west-1").optional()
    .describe("Region of the bucket. Default: the environment's region."),
  locking: z.enum(["lockfile", "dynamodb"]).optional()
    .describe("lockfile: S3 native locking (Terraform 1.10 or later), the default. dynamodb: a DynamoDB table, for older Terraform."),
  dynamodbTable: z.string().optional().describe("Lock table, required with locking: dynamodb."),
  kmsKeyId: z.string().optional().describe("KMS key that encrypts the state. Default: S3-managed encryption."),
  roleArn: z.string().optional().describe("Role Terraform assumes to reach the bucket."),
});

/** State in HCP Terraform or Terraform Enterprise, which locks and keeps history. */
const remoteBackend = z.strictObject({
  type: z.literal("remote"),
  organization: z.string().min(1, "must name the HCP Terraform organization"),
  workspace: z.string().regex(/^[A-Za-z0-9_-]{1,90}$/, "must be a workspace name of 1 to 90 letters, digits, underscores or hyphens").optional()
    .describe("Workspace name. Default atlas-iam-access-ENVIRONMENT."),
  hostname: z.string().optional().describe("Host of Terraform Enterprise. Default app.terraform.io."),
});

/** The location of an environment's Terraform state. */
export const backendSchema = z.discriminatedUnion("type", [localBackend, s3Backend, remoteBackend]);

export type BackendConfig = z.infer<typeof backendSchema>;
