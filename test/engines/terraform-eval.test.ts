import { evaluateTerraformString, evaluateTerraformStrings, terraformAvailable } from "../support/terraform-eval";

const OIDC_ARN = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
const OIDC_URL = "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

const REFERENCES: Record<string, string> = {
  "aws_iam_openid_connect_provider.oidc.arn": OIDC_ARN,
  "aws_iam_openid_connect_provider.oidc.url": OIDC_URL,
  "data.aws_caller_identity.current.account_id": "111122223333",
  "mongodbatlas_advanced_cluster.main.connection_strings[0].standard_srv": "mongodb+srv://cluster0.ab1cd.mongodb.net",
};

/**
 * An IRSA trust policy as `JSON.parse` returns it from cdk.tf.json. cdktf resolves tokens
 * after `JSON.stringify`, so the quotes inside `${...}` are not backslash-escaped.
 */
const ISSUER = '${replace(aws_iam_openid_connect_provider.oidc.url, "https://", "")}';
const IRSA_POLICY =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRoleWithWebIdentity",' +
  '"Principal":{"Federated":"${aws_iam_openid_connect_provider.oidc.arn}"},' +
  `"Condition":{"StringEquals":{"${ISSUER}:sub":"system:serviceaccount:orders:api",` +
  `"${ISSUER}:aud":"sts.amazonaws.com"}}}]}`;

describe("evaluateTerraformStrings input checks", () => {
  it("names every reference without a value", () => {
    const templates = { policy: "${aws_iam_role.app.arn}", account: "${data.aws_caller_identity.other.account_id}" };

    expect(() => evaluateTerraformStrings(templates, REFERENCES)).toThrow(
      'No value for Terraform reference(s): aws_iam_role.app.arn (in template "policy"), ' +
        'data.aws_caller_identity.other.account_id (in template "account")',
    );
  });

  it("returns an empty result for no templates", () => {
    expect(evaluateTerraformStrings({}, REFERENCES)).toEqual({});
  });
});

if (!terraformAvailable()) {
  console.warn("Skipping Terraform evaluation tests: no working `terraform` CLI on PATH.");
}
const describeWithTerraform = terraformAvailable() ? describe : describe.skip;

describeWithTerraform("evaluateTerraformString with the terraform CLI", () => {
  it("evaluates an IRSA trust policy", () => {
    const evaluated = JSON.parse(evaluateTerraformString(IRSA_POLICY, REFERENCES));

    const statement = evaluated.Statement[0];
    expect(statement.Principal.Federated).toBe(OIDC_ARN);
    expect(statement.Condition.StringEquals).toEqual({
      "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub": "system:serviceaccount:orders:api",
      "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud": "sts.amazonaws.com",
    });
  });

  it("substitutes indexed and data references", () => {
    const template =
      "${mongodbatlas_advanced_cluster.main.connection_strings[0].standard_srv}/orders" +
      "?account=${data.aws_caller_identity.current.account_id}";

    expect(evaluateTerraformString(template, REFERENCES)).toBe(
      "mongodb+srv://cluster0.ab1cd.mongodb.net/orders?account=111122223333",
    );
  });

  it("evaluates a batch in one call", () => {
    const evaluated = evaluateTerraformStrings(
      {
        issuer: '${replace(aws_iam_openid_connect_provider.oidc.url, "https://", "")}',
        account: "${data.aws_caller_identity.current.account_id}",
        literal: "no interpolation",
      },
      REFERENCES,
    );

    expect(evaluated).toEqual({
      issuer: "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
      account: "111122223333",
      literal: "no interpolation",
    });
  });

  it("unescapes escaped sequences like Terraform", () => {
    expect(evaluateTerraformString("$${aws:username} and %%{x}", REFERENCES)).toBe("${aws:username} and %{x}");
  });

  it("keeps template syntax inside reference values literal", () => {
    const references = { "aws_iam_role.app.name": 'role-${var.x}-%{y}-"quoted"\\' };

    expect(evaluateTerraformString("${aws_iam_role.app.name}", references)).toBe('role-${var.x}-%{y}-"quoted"\\');
  });

  it("ignores TF_VAR_ values from the environment", () => {
    process.env.TF_VAR_ref_0 = "from-environment";
    try {
      expect(evaluateTerraformString("${data.aws_caller_identity.current.account_id}", REFERENCES)).toBe("111122223333");
    } finally {
      delete process.env.TF_VAR_ref_0;
    }
  });

  it("converts a number result to text", () => {
    expect(evaluateTerraformString('${length(["a", "b", "c"])}', REFERENCES)).toBe("3");
  });

  it("rejects a collection result", () => {
    expect(() => evaluateTerraformString('${["a"]}', REFERENCES)).toThrow(
      'Template "value" evaluated to ["a"], which is not a string.',
    );
  });

  it("reports Terraform diagnostics", () => {
    expect(() => evaluateTerraformString("${no_such_function(1)}", REFERENCES)).toThrow(
      /terraform apply exited with status 1 .*Call to unknown function/,
    );
  });
});
