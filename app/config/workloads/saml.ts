import { z } from "zod";
import { workloadBase } from "../common";

/** A role for people who sign in through a SAML identity provider of the environment. */
export const samlWorkloadSchema = z.strictObject({
  kind: z.literal("saml"),
  ...workloadBase,
  provider: z.string().describe("Name of a provider in the environment's saml.providers."),
  audiences: z.array(z.string()).min(1, "must list at least one sign-in endpoint, or be omitted").optional()
    .describe("Accepted SAML:aud values, for example https://eu-west-1.signin.aws.amazon.com/saml. Default: the partition's sign-in endpoint."),
  sessionTags: z.boolean().optional().describe("Also allow sts:TagSession, for assertions that carry session tags. Default false."),
});

export type SamlWorkloadConfig = z.infer<typeof samlWorkloadSchema>;
