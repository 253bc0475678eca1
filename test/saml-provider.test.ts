import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { TerraformOutput } from "cdktf";
import { SamlProvider } from "../constructs";
import { temporaryFolder } from "./helpers/config";
import { identityProviderMetadata, signingCertificate } from "./helpers/saml-metadata";
import { newStack, onlyResource, synthesize } from "./helpers/stack";

describe("SamlProvider", () => {
  let metadata: string;

  beforeAll(async () => {
    metadata = identityProviderMetadata(await signingCertificate());
  });

  test("creates the provider from the metadata", () => {
    const stack = newStack();
    const provider = new SamlProvider(stack, "Idp", { name: "corporate-idp", metadataDocument: metadata, tags: { team: "identity" } });

    const resource = onlyResource(synthesize(stack), "aws_iam_saml_provider");
    expect(resource.name).toBe("corporate-idp");
    expect(resource.saml_metadata_document).toBe(metadata);
    expect(resource.tags).toEqual({ team: "identity" });
    expect(provider.entityId).toBe("https://idp.example.com/saml/metadata");
  });

  test("has a literal ARN when the account is known", () => {
    const provider = new SamlProvider(newStack(), "Idp", { name: "corporate-idp", metadataDocument: metadata });

    expect(provider.samlProviderArn).toBe("arn:aws:iam::111122223333:saml-provider/corporate-idp");
  });

  test("uses the partition of the region in its ARN", () => {
    const provider = new SamlProvider(newStack({ accountId: "111122223333", region: "us-gov-west-1" }), "Idp", { name: "corporate-idp", metadataDocument: metadata });

    expect(provider.samlProviderArn).toBe("arn:aws-us-gov:iam::111122223333:saml-provider/corporate-idp");
  });

  test("refers to the resource when the account is unknown", () => {
    const stack = newStack("unknown");
    const provider = new SamlProvider(stack, "Idp", { name: "corporate-idp", metadataDocument: metadata });
    new TerraformOutput(stack, "arn", { value: provider.samlProviderArn });

    const output = synthesize(stack) as { output: Record<string, { value: string }> };
    expect(output.output.arn.value).toMatch(/^\$\{aws_iam_saml_provider\.Idp_[0-9A-F]+\.arn\}$/);
  });

  test("escapes Terraform template sequences in the metadata", () => {
    const stack = newStack();
    const withTemplates = metadata.replace("Example Corp sign-in", "Example ${corp} %{sign-in}");
    new SamlProvider(stack, "Idp", { name: "corporate-idp", metadataDocument: withTemplates });

    expect(onlyResource(synthesize(stack), "aws_iam_saml_provider").saml_metadata_document).toContain("Example $${corp} %%{sign-in}");
  });

  test("rejects an invalid name", () => {
    expect(() => new SamlProvider(newStack(), "Idp", { name: "corporate idp", metadataDocument: metadata })).toThrow(
      'test/Idp: name must be 1 to 128 letters, digits, periods, underscores or hyphens, got "corporate idp". Use a name such as corporate-idp.',
    );
  });

  test("rejects invalid metadata before creating anything", () => {
    const stack = newStack();

    expect(() => new SamlProvider(stack, "Idp", { name: "corporate-idp", metadataDocument: metadata.replace(/IDPSSODescriptor/g, "SPSSODescriptor") }))
      .toThrow(/^test\/Idp: metadataDocument has no IDPSSODescriptor, so it does not describe an identity provider, got "<\?xml version=\\"1\.0\\"/);
    expect(synthesize(stack).resource).toBeUndefined();
  });

  test("reads a metadata file", () => {
    const file = join(temporaryFolder(), "idp.xml");
    writeFileSync(file, metadata);
    const stack = newStack();

    SamlProvider.fromMetadataFile(stack, "Idp", { name: "corporate-idp", metadataFile: file });

    expect(onlyResource(synthesize(stack), "aws_iam_saml_provider").saml_metadata_document).toBe(metadata);
  });

  test("names a missing metadata file", () => {
    const file = join(temporaryFolder(), "missing.xml");

    expect(() => SamlProvider.fromMetadataFile(newStack(), "Idp", { name: "corporate-idp", metadataFile: file })).toThrow(
      `test/Idp: metadataFile names a file that does not exist, got ${JSON.stringify(file)}. Save the identity provider's metadata XML at that path, or correct the path.`,
    );
  });

  test("names the file of invalid metadata", () => {
    const file = join(temporaryFolder(), "idp.xml");
    writeFileSync(file, metadata.replace(/ entityID="[^"]*"/, ""));

    expect(() => SamlProvider.fromMetadataFile(newStack(), "Idp", { name: "corporate-idp", metadataFile: file })).toThrow(
      `test/Idp: metadataFile has an EntityDescriptor without an entityID attribute, got ${JSON.stringify(file)}.`,
    );
  });

  test("references an existing provider by ARN", () => {
    const arn = "arn:aws:iam::111122223333:saml-provider/Okta_Prod.v2";

    expect(SamlProvider.fromArn(newStack(), arn)).toEqual({ samlProviderArn: arn });
  });

  test.each([
    ["another resource type", "arn:aws:iam::111122223333:oidc-provider/example.com"],
    ["a name with a space", "arn:aws:iam::111122223333:saml-provider/corporate idp"],
    ["a short account", "arn:aws:iam::1111:saml-provider/corporate-idp"],
    ["an unknown partition", "arn:aws-xx:iam::111122223333:saml-provider/corporate-idp"],
  ])("rejects an ARN with %s", (_case, arn) => {
    expect(() => SamlProvider.fromArn(newStack(), arn)).toThrow(
      `test: samlProviderArn is not a SAML provider ARN, got ${JSON.stringify(arn)}. Use arn:PARTITION:iam::ACCOUNT:saml-provider/NAME`,
    );
  });
});
