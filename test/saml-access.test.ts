import { TerraformOutput, TerraformStack } from "cdktf";
import { SamlAccess, SamlAccessProps, SamlProvider, defaultSamlAudience } from "../constructs";
import { identityProviderMetadata, signingCertificate } from "./helpers/saml-metadata";
import { newStack, onlyResource, resourcesOf, synthesize, trustPolicyOf } from "./helpers/stack";
import { baseWorkloadProps } from "./helpers/workloads";

const PROVIDER_ARN = "arn:aws:iam::111122223333:saml-provider/corporate-idp";

/** Props of a SAML role that trusts an existing provider of the test account. */
function samlProps(stack: TerraformStack, overrides: Partial<SamlAccessProps> = {}): SamlAccessProps {
  return { ...baseWorkloadProps(), provider: SamlProvider.fromArn(stack, PROVIDER_ARN), ...overrides };
}

describe("SamlAccess", () => {
  let metadata: string;

  beforeAll(async () => {
    metadata = identityProviderMetadata(await signingCertificate());
  });

  test("trusts the provider for the default audience, as literal JSON", () => {
    const stack = newStack();
    new SamlAccess(stack, "support", samlProps(stack));

    const role = onlyResource(synthesize(stack), "aws_iam_role");
    expect(role.assume_role_policy).not.toContain("${");
    expect(trustPolicyOf(role).Statement).toEqual([{
      Effect: "Allow",
      Principal: { Federated: PROVIDER_ARN },
      Action: "sts:AssumeRoleWithSAML",
      Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
    }]);
  });

  test("allows TagSession only on request", () => {
    const stack = newStack();
    new SamlAccess(stack, "plain", samlProps(stack));
    new SamlAccess(stack, "tagged", samlProps(stack, { sessionTags: true }));

    const actions = Object.values(resourcesOf(synthesize(stack), "aws_iam_role")).map((role) => trustPolicyOf(role).Statement[0].Action);
    expect(actions).toEqual(["sts:AssumeRoleWithSAML", ["sts:AssumeRoleWithSAML", "sts:TagSession"]]);
  });

  test("keys the Atlas user on the role", () => {
    const stack = newStack();
    new SamlAccess(stack, "support", samlProps(stack));
    const output = synthesize(stack);

    const [roleId] = Object.keys(resourcesOf(output, "aws_iam_role"));
    const user = onlyResource(output, "mongodbatlas_database_user");
    expect(user.username).toBe(`\${aws_iam_role.${roleId}.arn}`);
    expect(user.aws_iam_type).toBe("ROLE");
  });

  test("offers the role attribute value", () => {
    const stack = newStack();
    const access = new SamlAccess(stack, "support", samlProps(stack));
    new TerraformOutput(stack, "attribute", { value: access.roleAttributeValue });
    const output = synthesize(stack);

    const [roleId] = Object.keys(resourcesOf(output, "aws_iam_role"));
    expect(output.output?.attribute.value).toBe(`\${aws_iam_role.${roleId}.arn},${PROVIDER_ARN}`);
  });

  test.each([
    ["eu-west-1", "aws", "https://signin.aws.amazon.com/saml"],
    ["cn-north-1", "aws-cn", "https://signin.amazonaws.cn/saml"],
    ["us-gov-west-1", "aws-us-gov", "https://signin.amazonaws-us-gov.com/saml"],
  ])("defaults the audience in %s to the %s endpoint", (region, partition, audience) => {
    const stack = newStack({ accountId: "111122223333", region });
    const provider = SamlProvider.fromArn(stack, `arn:${partition}:iam::111122223333:saml-provider/corporate-idp`);
    const access = new SamlAccess(stack, "support", { ...baseWorkloadProps(), provider });

    expect(access.audiences).toEqual([audience]);
    expect(defaultSamlAudience(partition as "aws")).toBe(audience);
    expect(trustPolicyOf(onlyResource(synthesize(stack), "aws_iam_role")).Statement[0].Condition).toEqual({ StringEquals: { "SAML:aud": audience } });
  });

  test("accepts regional audiences of the partition", () => {
    const stack = newStack();
    const audiences = ["https://eu-west-1.signin.aws.amazon.com/saml", "https://signin.aws.amazon.com/saml"];
    new SamlAccess(stack, "support", samlProps(stack, { audiences }));

    expect(trustPolicyOf(onlyResource(synthesize(stack), "aws_iam_role")).Statement[0].Condition).toEqual({ StringEquals: { "SAML:aud": audiences } });
  });

  test.each([
    ["another partition's endpoint", "https://signin.amazonaws.cn/saml", "is a sign-in endpoint of partition aws-cn, but the role is in partition aws"],
    ["a region of another partition", "https://cn-north-1.signin.aws.amazon.com/saml", "names region cn-north-1 of partition aws-cn under the sign-in domain of aws"],
    ["us-east-1 as a regional endpoint", "https://us-east-1.signin.aws.amazon.com/saml", "names us-east-1, whose sign-in endpoint has no region code"],
    ["a name that is not a region", "https://europe.signin.aws.amazon.com/saml", "names europe, which is not an AWS region code"],
    ["another host", "https://sso.example.com/saml", "is not an AWS sign-in SAML endpoint"],
    ["plain HTTP", "http://signin.aws.amazon.com/saml", "is not an AWS sign-in SAML endpoint"],
  ])("rejects %s as an audience", (_case, audience, problem) => {
    const stack = newStack();

    expect(() => new SamlAccess(stack, "support", samlProps(stack, { audiences: [audience] }))).toThrow(
      `test/support: audiences[0] ${problem}, got ${JSON.stringify(audience)}.`,
    );
  });

  test("rejects a repeated audience", () => {
    const stack = newStack();
    const audience = "https://signin.aws.amazon.com/saml";

    expect(() => new SamlAccess(stack, "support", samlProps(stack, { audiences: [audience, audience] }))).toThrow(
      `test/support: audiences lists an endpoint twice, got "${audience}". Remove the repeated entry.`,
    );
  });

  test("rejects an empty audience list", () => {
    const stack = newStack();

    expect(() => new SamlAccess(stack, "support", samlProps(stack, { audiences: [] }))).toThrow(
      "test/support: audiences must list at least one sign-in endpoint, got []. Omit audiences to accept the partition's default endpoint.",
    );
  });

  test("rejects a provider of another account", () => {
    const stack = newStack();
    const provider = SamlProvider.fromArn(stack, "arn:aws:iam::444455556666:saml-provider/corporate-idp");

    expect(() => new SamlAccess(stack, "support", { ...baseWorkloadProps(), provider })).toThrow(
      /test\/support: provider is in aws account 444455556666, but the role is in aws account 111122223333, got ".*"\. A role can only trust a SAML provider of its own account/,
    );
  });

  test("takes the partition from a literal provider when the stack's is unknown", () => {
    const stack = newStack("unknown");
    const provider = SamlProvider.fromArn(stack, "arn:aws-cn:iam::111122223333:saml-provider/corporate-idp");
    const access = new SamlAccess(stack, "support", { ...baseWorkloadProps(), provider });

    expect(access.audiences).toEqual(["https://signin.amazonaws.cn/saml"]);
    expect(synthesize(stack).data).toBeUndefined();
  });

  test("takes the partition from the region when the account is unknown", () => {
    const stack = newStack({ region: "cn-northwest-1" });
    const provider = new SamlProvider(stack, "Idp", { name: "corporate-idp", metadataDocument: metadata });
    const access = new SamlAccess(stack, "support", { ...baseWorkloadProps(), provider });

    expect(access.audiences).toEqual(["https://signin.amazonaws.cn/saml"]);
    expect(synthesize(stack).data).toBeUndefined();
  });

  test("asks for audiences when no partition is known", () => {
    const stack = newStack("unknown");
    const provider = new SamlProvider(stack, "Idp", { name: "corporate-idp", metadataDocument: metadata });

    expect(() => new SamlAccess(stack, "support", { ...baseWorkloadProps(), provider })).toThrow(
      /test\/support: audiences must be given when the partition is known only at apply time, got nothing\. Give the stack's account and region with AwsEnvironment/,
    );
  });

  test("waits for a provider created in the stack", () => {
    const stack = newStack();
    const provider = new SamlProvider(stack, "Idp", { name: "corporate-idp", metadataDocument: metadata });
    new SamlAccess(stack, "support", { ...baseWorkloadProps(), provider });
    const output = synthesize(stack);

    const [providerId] = Object.keys(resourcesOf(output, "aws_iam_saml_provider"));
    const role = onlyResource(output, "aws_iam_role");
    expect(role.depends_on).toEqual([`aws_iam_saml_provider.${providerId}`]);
    expect(trustPolicyOf(role).Statement[0].Principal).toEqual({ Federated: "arn:aws:iam::111122223333:saml-provider/corporate-idp" });
  });

  test("refers to a created provider's ARN when the account is unknown", () => {
    const stack = newStack("unknown");
    const provider = new SamlProvider(stack, "Idp", { name: "corporate-idp", metadataDocument: metadata });
    new SamlAccess(stack, "support", { ...baseWorkloadProps(), provider, audiences: ["https://signin.aws.amazon.com/saml"] });
    const output = synthesize(stack);

    const [providerId] = Object.keys(resourcesOf(output, "aws_iam_saml_provider"));
    expect(trustPolicyOf(onlyResource(output, "aws_iam_role")).Statement[0].Principal).toEqual({
      Federated: `\${aws_iam_saml_provider.${providerId}.arn}`,
    });
  });

  test("leaves no resources behind when it rejects input", () => {
    const stack = newStack();

    expect(() => new SamlAccess(stack, "support", samlProps(stack, { audiences: ["https://example.com/saml"] }))).toThrow();
    expect(synthesize(stack).resource).toBeUndefined();
  });
});
