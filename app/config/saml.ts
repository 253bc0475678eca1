import { z } from "zod";
import { parseSamlProviderArn } from "../../constructs";

/**
 * A SAML identity provider of an environment: created from a metadata file,
 * or an existing one referred to by ARN. Exactly one of the two is given.
 */
export const samlProviderSchema = z
  .strictObject({
    name: z.string().regex(/^[\w.-]{1,128}$/, "must be 1 to 128 letters, digits, periods, underscores or hyphens. Use a name such as corporate-idp")
      .describe("Name that saml workloads refer to; also the IAM name of a created provider, unique in the account."),
    metadataFile: z.string().min(1, "must name a file").optional()
      .describe("The identity provider's SAML 2.0 metadata XML, relative to this configuration file. The provider is created from it."),
    arn: z.string().refine((arn) => parseSamlProviderArn(arn) !== undefined, "must be arn:PARTITION:iam::ACCOUNT:saml-provider/NAME").optional()
      .describe("ARN of an existing SAML provider of the environment's account; nothing is created."),
  })
  .superRefine((provider, context) => {
    if (provider.metadataFile === undefined && provider.arn === undefined) {
      context.addIssue({
        code: "custom",
        path: ["metadataFile"],
        message: "must be given when arn is not. Give metadataFile to create the provider, or arn to reference one that exists",
      });
    }
    if (provider.metadataFile !== undefined && provider.arn !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["arn"],
        message: "must be omitted when metadataFile is given. Remove arn to create the provider from the file, or remove metadataFile to reference the existing provider",
      });
    }
  });

/** The SAML identity providers of an environment, which saml workloads refer to by name. */
export const samlSchema = z.strictObject({
  providers: z.array(samlProviderSchema).min(1, "must list at least one provider"),
});

export type SamlConfig = z.infer<typeof samlSchema>;
export type SamlProviderConfig = z.infer<typeof samlProviderSchema>;
