import { readFileSync } from "node:fs";
import { Testing } from "cdktf";
import { METADATA_FILE, SupportAccessStack } from "./main";

type Body = Record<string, unknown>;

describe("saml example", () => {
  const output = JSON.parse(Testing.synth(new SupportAccessStack(Testing.app(), "support-access"))) as {
    resource: Record<string, Record<string, Body>>;
    output: Record<string, { value: unknown }>;
  };
  const roles = Object.entries(output.resource.aws_iam_role);
  const trustOf = (prefix: string) => {
    const role = roles.find(([id]) => id.startsWith(prefix))?.[1] as Body;
    return JSON.parse(role.assume_role_policy as string) as { Statement: Body[] };
  };

  test("creates the provider from the committed metadata", () => {
    const providers = Object.values(output.resource.aws_iam_saml_provider);

    expect(providers.map((provider) => provider.name)).toEqual(["corporate-idp"]);
    expect(providers[0].saml_metadata_document).toBe(readFileSync(METADATA_FILE, "utf8"));
  });

  test("trusts the provider with the default audience", () => {
    expect(trustOf("support-readers").Statement).toEqual([{
      Effect: "Allow",
      Principal: { Federated: "arn:aws:iam::111122223333:saml-provider/corporate-idp" },
      Action: "sts:AssumeRoleWithSAML",
      Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
    }]);
  });

  test("allows session tags and a regional endpoint for on-call engineers", () => {
    const [statement] = trustOf("on-call-engineers").Statement;

    expect(statement.Action).toEqual(["sts:AssumeRoleWithSAML", "sts:TagSession"]);
    expect(statement.Condition).toEqual({
      StringEquals: { "SAML:aud": ["https://signin.aws.amazon.com/saml", "https://eu-central-1.signin.aws.amazon.com/saml"] },
    });
  });

  test("keys one Atlas user on each role", () => {
    const usernames = Object.values(output.resource.mongodbatlas_database_user).map((user) => user.username);

    expect(usernames.sort()).toEqual(roles.map(([id]) => `\${aws_iam_role.${id}.arn}`).sort());
  });
});
