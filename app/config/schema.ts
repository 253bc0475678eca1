import { z } from "zod";
import { backendSchema } from "./backend";
import { resourceName } from "./common";
import { eksSchema } from "./eks";
import { samlSchema } from "./saml";
import { workloadSchema } from "./workloads";

/** An Atlas cluster of an environment, referred to by name from workloads. */
export const clusterSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, "must be the cluster name as Atlas shows it: 1 to 64 letters, digits or hyphens"),
  srvHost: z.string().optional().describe("SRV host such as orders.ab1cd.mongodb.net; read from Atlas at apply time when omitted."),
});

/** One deployment target: an AWS account and region and an Atlas project. */
export const environmentSchema = z.strictObject({
  name: resourceName.describe("Environment name such as prod; the stack is named after it."),
  aws: z.strictObject({
    region: z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/, "must be an AWS region code such as eu-west-1"),
    accountId: z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account ID written as a string. Quote it in YAML so leading zeros survive").optional()
      .describe("12-digit account ID; keeps trust policies literal. Read at apply time when omitted."),
  }),
  atlas: z.strictObject({
    projectId: z.string().regex(/^[0-9a-f]{24}$/, "must be the 24-character hexadecimal Atlas project ID, not the project name"),
    clusters: z.array(clusterSchema).min(1, "must list at least one cluster"),
  }),
  namePrefix: z.string().optional().describe("Prefix of generated IAM names. Default: the environment name and a hyphen."),
  backend: backendSchema.optional().describe("Where Terraform keeps this environment's state. Default: a local file in the project root."),
  eks: eksSchema.optional().describe("EKS clusters that eks-irsa and eks-pod-identity workloads refer to by name."),
  saml: samlSchema.optional().describe("SAML identity providers that saml workloads refer to by name. They are created while the environment has a saml workload."),
});

/** The whole configuration file. */
export const platformConfigSchema = z.strictObject({
  $schema: z.string().optional().describe("Path of this JSON Schema, for editors."),
  environments: z.array(environmentSchema).min(1, "must list at least one environment"),
  workloads: z.array(workloadSchema).min(1, "must list at least one workload"),
});

export type PlatformConfig = z.infer<typeof platformConfigSchema>;
export type EnvironmentConfig = z.infer<typeof environmentSchema>;
export type ClusterConfig = z.infer<typeof clusterSchema>;
