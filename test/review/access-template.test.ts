import { parseArn, parseIamIdentityArn } from "../../review/access/arn";
import { PolicyParseError, parsePolicyJson } from "../../review/access/policy-json";
import { parseTemplate, referencesIn, soleReference, templateWords } from "../../review/access/terraform-template";

describe("Terraform templates", () => {
  test("split literal text and interpolations", () => {
    expect(parseTemplate("arn:${data.aws_partition.p.partition}:iam::${var.account}:root")).toEqual([
      { literal: "arn:" },
      { expression: "data.aws_partition.p.partition" },
      { literal: ":iam::" },
      { expression: "var.account" },
      { literal: ":root" },
    ]);
  });

  test("skip quotes inside interpolation", () => {
    const text = '${replace(aws_iam_openid_connect_provider.eks.url, "https://", "}")}:sub';

    expect(parseTemplate(text)).toEqual([
      { expression: 'replace(aws_iam_openid_connect_provider.eks.url, "https://", "}")' },
      { literal: ":sub" },
    ]);
  });

  test("escaped interpolation stays literal", () => {
    expect(parseTemplate("$${not.a.reference} and ${open")).toEqual([{ literal: "${not.a.reference} and ${open" }]);
  });

  test("words mark apply-time values", () => {
    expect(templateWords("account ${data.aws_caller_identity.current.account_id}"))
      .toBe("account (known at apply time: data.aws_caller_identity.current.account_id)");
  });

  test("references skip string literals", () => {
    const references = referencesIn('replace(data.aws_eks_cluster.main.identity[0].oidc[0].issuer, "aws_iam_role.fake.arn", "")');

    expect(references).toEqual([{ mode: "data", type: "aws_eks_cluster", name: "main", attribute: "identity" }]);
  });

  test("sole reference spans whole text", () => {
    expect(soleReference("${aws_iam_role.checkout-api_Role_B41691FC.arn}"))
      .toEqual({ mode: "resource", type: "aws_iam_role", name: "checkout-api_Role_B41691FC", attribute: "arn" });
    expect(soleReference("${upper(aws_iam_role.app.arn)}")).toBeUndefined();
    expect(soleReference("prefix-${aws_iam_role.app.arn}")).toBeUndefined();
  });
});

describe("policy JSON with interpolations", () => {
  test("keys with unescaped quotes parse", () => {
    const policy =
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"${aws_iam_openid_connect_provider.eks.arn}"},' +
      '"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":' +
      '{"${replace(aws_iam_openid_connect_provider.eks.url, "https://", "")}:sub":"system:serviceaccount:orders:api"}}}]}';

    const [statement] = parsePolicyJson(policy);

    expect(statement.principals).toEqual([{ type: "Federated", value: "${aws_iam_openid_connect_provider.eks.arn}" }]);
    expect(statement.conditions).toEqual([{
      operator: "StringEquals",
      key: '${replace(aws_iam_openid_connect_provider.eks.url, "https://", "")}:sub',
      values: ["system:serviceaccount:orders:api"],
    }]);
  });

  test("interpolation as JSON value", () => {
    const [statement] = parsePolicyJson('{"Statement":{"Effect":"Allow","Principal":{"AWS":${jsonencode(var.arns)}},"Action":"sts:AssumeRole"}}');

    expect(statement.principals).toEqual([{ type: "AWS", value: "${jsonencode(var.arns)}" }]);
    expect(statement.actions).toEqual(["sts:AssumeRole"]);
  });

  test("NotPrincipal and single values", () => {
    const [statement] = parsePolicyJson('{"Statement":[{"Effect":"Deny","NotPrincipal":"*","NotAction":"sts:TagSession"}]}');

    expect(statement).toEqual({
      effect: "Deny",
      principals: [{ type: "*", value: "*" }],
      notPrincipal: true,
      actions: ["sts:TagSession"],
      notAction: true,
      conditions: [],
    });
  });

  test("rejects text that is not JSON", () => {
    expect(() => parsePolicyJson("{not json")).toThrow(PolicyParseError);
    expect(() => parsePolicyJson("{not json")).toThrow(/^invalid JSON \(/);
  });

  test("rejects a document without statements", () => {
    expect(() => parsePolicyJson('{"Version":"2012-10-17"}')).toThrow(/^has no Statement$/);
  });
});

describe("ARNs with interpolations", () => {
  test("split on colons outside interpolations", () => {
    expect(parseArn('arn:${data.aws_partition.p.partition}:ecs:eu-west-1:${lookup(var.ids, "a:b")}:*')).toEqual({
      partition: "${data.aws_partition.p.partition}",
      service: "ecs",
      region: "eu-west-1",
      account: '${lookup(var.ids, "a:b")}',
      resource: "*",
    });
  });

  test("read role paths, sessions and providers", () => {
    expect(parseIamIdentityArn("arn:aws:iam::444455556666:role/etl/nightly-export"))
      .toEqual({ account: "444455556666", resourceType: "role", path: "/etl/", name: "nightly-export" });
    expect(parseIamIdentityArn("arn:aws:sts::444455556666:assumed-role/etl/job-7"))
      .toEqual({ account: "444455556666", resourceType: "assumed-role", path: "/", name: "job-7", roleName: "etl" });
    expect(parseIamIdentityArn("arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC")?.name)
      .toBe("oidc.eks.eu-west-1.amazonaws.com/id/ABC");
    expect(parseIamIdentityArn("arn:aws:s3:::bucket")).toBeUndefined();
  });
});
