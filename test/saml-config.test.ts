import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { configProblemLines, temporaryFolder, writeConfig } from "./helpers/config";
import { runApp, stackOf } from "./helpers/app";
import { identityProviderMetadata, signingCertificate } from "./helpers/saml-metadata";
import { trustPolicyOf } from "./helpers/stack";

const PROVIDER_ARN = "arn:aws:iam::111122223333:saml-provider/corporate-idp";

/** Returns a production environment with `saml` as its SAML block. */
function environment(saml?: unknown, name = "prod"): Record<string, unknown> {
  return {
    name,
    aws: { region: "eu-west-1", accountId: "111122223333" },
    atlas: { projectId: "65f1c0ffee0ddba11cafe001", clusters: [{ name: "orders", srvHost: "orders.x7k2p.mongodb.net" }] },
    ...(saml === undefined ? {} : { saml }),
  };
}

/** Returns a saml workload that reads the orders database. */
function samlWorkload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: "support", kind: "saml", provider: "corporate-idp", access: { grants: [{ role: "read", database: "orders" }], clusters: ["orders"] }, ...overrides };
}

const problemLines = configProblemLines;

describe("saml configuration", () => {
  let metadata: string;

  beforeAll(async () => {
    metadata = identityProviderMetadata(await signingCertificate());
  });

  /** Writes a config whose provider is created from idp.xml beside it. */
  function configWithMetadataFile(workloads: unknown[] = [samlWorkload()]): string {
    const file = writeConfig({ environments: [environment({ providers: [{ name: "corporate-idp", metadataFile: "idp.xml" }] })], workloads });
    writeFileSync(join(dirname(file), "idp.xml"), metadata);
    return file;
  }

  test("creates the provider from a file beside the config", () => {
    const run = runApp(configWithMetadataFile());
    const prod = stackOf(run.outdir, "prod");

    expect(run.exitCode).toBe(0);
    const providers = Object.values(prod.resource?.aws_iam_saml_provider ?? {});
    expect(providers.map((provider) => [provider.name, provider.saml_metadata_document])).toEqual([["corporate-idp", metadata]]);
    const role = Object.values(prod.resource?.aws_iam_role ?? {})[0];
    expect(role.assume_role_policy).not.toContain("${");
    expect(trustPolicyOf(role).Statement[0]).toEqual({
      Effect: "Allow",
      Principal: { Federated: PROVIDER_ARN },
      Action: "sts:AssumeRoleWithSAML",
      Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
    });
  });

  test("outputs the provider ARN and the role attribute", () => {
    const outputs = stackOf(runApp(configWithMetadataFile()).outdir, "prod").output ?? {};

    expect(outputs.support_saml_provider_arn.value).toBe(PROVIDER_ARN);
    expect(outputs.support_saml_role_attribute.value).toMatch(/^\$\{aws_iam_role\.support_Role_[0-9A-F]+\.arn\},arn:aws:iam::111122223333:saml-provider\/corporate-idp$/);
  });

  test("creates a provider once for several workloads", () => {
    const run = runApp(configWithMetadataFile([samlWorkload(), samlWorkload({ name: "auditors" })]));

    expect(Object.keys(stackOf(run.outdir, "prod").resource?.aws_iam_saml_provider ?? {})).toHaveLength(1);
  });

  test("references an existing provider by ARN", () => {
    const file = writeConfig({ environments: [environment({ providers: [{ name: "corporate-idp", arn: PROVIDER_ARN }] })], workloads: [samlWorkload({ sessionTags: true, audiences: ["https://eu-west-1.signin.aws.amazon.com/saml"] })] });
    const prod = stackOf(runApp(file).outdir, "prod");

    expect(prod.resource?.aws_iam_saml_provider).toBeUndefined();
    expect(trustPolicyOf(Object.values(prod.resource?.aws_iam_role ?? {})[0]).Statement[0]).toEqual({
      Effect: "Allow",
      Principal: { Federated: PROVIDER_ARN },
      Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
      Condition: { StringEquals: { "SAML:aud": "https://eu-west-1.signin.aws.amazon.com/saml" } },
    });
  });

  test("rejects an unknown provider name", () => {
    const file = writeConfig({ environments: [environment({ providers: [{ name: "corporate-idp", arn: PROVIDER_ARN }] })], workloads: [samlWorkload(), samlWorkload({ name: "auditors", provider: "okta" })] });

    expect(problemLines(file)).toEqual([
      expect.stringMatching(/workloads\[1\]\.provider: is not a SAML provider of environment prod\. Use one of corporate-idp, or add it to environments\[0\]\.saml\.providers \(got "okta"\)$/),
    ]);
  });

  test("rejects a provider name in an environment without providers", () => {
    const file = writeConfig({ environments: [environment()], workloads: [samlWorkload()] });

    expect(problemLines(file)).toEqual([
      expect.stringMatching(/workloads\[0\]\.provider: is not a SAML provider of environment prod\. It has none, or add it to environments\[0\]\.saml\.providers \(got "corporate-idp"\)$/),
    ]);
  });

  test("names a missing metadata file with its resolved path", () => {
    const file = writeConfig({ environments: [environment({ providers: [{ name: "corporate-idp", metadataFile: "saml/idp.xml" }] })], workloads: [samlWorkload()] });

    expect(problemLines(file)).toEqual([
      `${file}: environments[0].saml.providers[0].metadataFile: names no file: ${join(dirname(file), "saml", "idp.xml")} does not exist. Give the path of the metadata XML relative to the configuration file (got "saml/idp.xml")`,
    ]);
  });

  test("requires metadataFile or arn", () => {
    const file = writeConfig({ environments: [environment({ providers: [{ name: "corporate-idp" }] })], workloads: [samlWorkload()] });

    expect(problemLines(file)).toEqual([
      expect.stringMatching(/environments\[0\]\.saml\.providers\[0\]\.metadataFile: must be given when arn is not\. Give metadataFile to create the provider, or arn to reference one that exists \(got nothing\)$/),
    ]);
  });

  test("rejects metadataFile together with arn", () => {
    const file = writeConfig({ environments: [environment({ providers: [{ name: "corporate-idp", metadataFile: "idp.xml", arn: PROVIDER_ARN }] })], workloads: [samlWorkload()] });

    expect(problemLines(file)).toEqual([
      expect.stringMatching(/environments\[0\]\.saml\.providers\[0\]\.arn: must be omitted when metadataFile is given\. Remove arn to create the provider from the file, or remove metadataFile to reference the existing provider \(got ".*"\)$/),
    ]);
  });

  test("rejects an ARN that is not a SAML provider's", () => {
    const arn = "arn:aws:iam::111122223333:oidc-provider/idp.example.com";
    const file = writeConfig({ environments: [environment({ providers: [{ name: "corporate-idp", arn }] })], workloads: [samlWorkload()] });

    expect(problemLines(file)).toEqual([
      expect.stringMatching(/environments\[0\]\.saml\.providers\[0\]\.arn: must be arn:PARTITION:iam::ACCOUNT:saml-provider\/NAME \(got ".*oidc-provider.*"\)$/),
    ]);
  });

  test("rejects an invalid provider name", () => {
    const file = writeConfig({ environments: [environment({ providers: [{ name: "corporate idp", arn: PROVIDER_ARN }] })], workloads: [samlWorkload({ provider: "corporate idp" })] });

    expect(problemLines(file)).toEqual([
      expect.stringMatching(/environments\[0\]\.saml\.providers\[0\]\.name: must be 1 to 128 letters, digits, periods, underscores or hyphens\. Use a name such as corporate-idp \(got "corporate idp"\)$/),
    ]);
  });

  test("creates every provider of the environment with the first saml workload", () => {
    const providers = [{ name: "corporate-idp", metadataFile: "idp.xml" }, { name: "partner-idp", metadataFile: "idp.xml" }];
    const file = writeConfig({ environments: [environment({ providers })], workloads: [samlWorkload()] });
    writeFileSync(join(dirname(file), "idp.xml"), metadata);

    const created = Object.values(stackOf(runApp(file).outdir, "prod").resource?.aws_iam_saml_provider ?? {});

    expect(created.map((provider) => provider.name)).toEqual(["corporate-idp", "partner-idp"]);
  });

  test("creates the provider without a saml workload", () => {
    const file = configWithMetadataFile([{ name: "reports", kind: "lambda", access: { grants: [{ role: "read", database: "orders" }], clusters: ["orders"] } }]);

    const providers = Object.values(stackOf(runApp(file).outdir, "prod").resource?.aws_iam_saml_provider ?? {});
    expect(providers.map((provider) => provider.name)).toEqual(["corporate-idp"]);
  });

  test("rejects a repeated provider name", () => {
    const providers = [{ name: "corporate-idp", arn: PROVIDER_ARN }, { name: "corporate-idp", arn: PROVIDER_ARN }];
    const file = writeConfig({ environments: [environment({ providers })], workloads: [samlWorkload()] });

    expect(problemLines(file)).toEqual([
      expect.stringMatching(/environments\[0\]\.saml\.providers\[1\]\.name: repeats the name of environments\[0\]\.saml\.providers\[0\]\. Names must be unique \(got "corporate-idp"\)$/),
    ]);
  });

  test("rejects one account creating a provider twice", () => {
    const saml = { providers: [{ name: "corporate-idp", metadataFile: "idp.xml" }] };
    const file = writeConfig({ environments: [environment(saml), environment(saml, "staging")], workloads: [samlWorkload()] });
    writeFileSync(join(dirname(file), "idp.xml"), metadata);

    expect(problemLines(file)).toEqual([
      expect.stringMatching(/environments\[1\]\.saml\.providers\[0\]\.name: is also created by environments\[0\] in account 111122223333, and IAM provider names are unique per account\./),
    ]);
  });

  test("stops on invalid metadata with the file named", () => {
    const file = writeConfig({ environments: [environment({ providers: [{ name: "corporate-idp", metadataFile: "idp.xml" }] })], workloads: [samlWorkload()] });
    const metadataFile = join(dirname(file), "idp.xml");
    writeFileSync(metadataFile, metadata.replace(/IDPSSODescriptor/g, "SPSSODescriptor"));

    const run = runApp(file);

    expect(run.exitCode).toBe(1);
    expect(run.lines).toEqual([
      `${file}: prod/SamlProviders/corporate-idp: metadataFile has no IDPSSODescriptor, so it does not describe an identity provider, got ${JSON.stringify(metadataFile)}. This is a service provider's metadata. Export the metadata of the identity provider instead.`,
    ]);
  });

  test("stops on an audience of another partition", () => {
    const file = writeConfig({
      environments: [environment({ providers: [{ name: "corporate-idp", arn: PROVIDER_ARN }] })],
      workloads: [samlWorkload({ audiences: ["https://signin.amazonaws.cn/saml"] })],
    });

    expect(runApp(file).lines).toEqual([
      expect.stringMatching(/: prod\/support: audiences\[0\] is a sign-in endpoint of partition aws-cn, but the role is in partition aws, got "https:\/\/signin\.amazonaws\.cn\/saml"\./),
    ]);
  });

  test("refers to the created provider without an account ID", () => {
    const withoutAccount = { ...environment({ providers: [{ name: "corporate-idp", metadataFile: "idp.xml" }] }), aws: { region: "eu-west-1" } };
    const file = writeConfig({ environments: [withoutAccount], workloads: [samlWorkload()] });
    writeFileSync(join(dirname(file), "idp.xml"), metadata);
    const prod = stackOf(runApp(file).outdir, "prod");

    const [providerId] = Object.keys(prod.resource?.aws_iam_saml_provider ?? {});
    expect(trustPolicyOf(Object.values(prod.resource?.aws_iam_role ?? {})[0]).Statement[0]).toEqual({
      Effect: "Allow",
      Principal: { Federated: `\${aws_iam_saml_provider.${providerId}.arn}` },
      Action: "sts:AssumeRoleWithSAML",
      Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
    });
  });

  test("reads a metadata file named by an absolute path", () => {
    const metadataFile = join(temporaryFolder(), "idp.xml");
    writeFileSync(metadataFile, metadata);
    const file = writeConfig({ environments: [environment({ providers: [{ name: "corporate-idp", metadataFile }] })], workloads: [samlWorkload()] });

    expect(runApp(file).exitCode).toBe(0);
  });
});
