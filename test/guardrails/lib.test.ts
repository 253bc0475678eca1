import { splitInterpolations, literalValue, literalText } from "../../constructs/guardrails/lib/tokens";
import { parsePolicyText, statementsFromJson } from "../../constructs/guardrails/lib/policy";
import { parseArn, classifyArn } from "../../constructs/guardrails/lib/arn";
import { modelFromTerraform } from "../../constructs/guardrails/synth-model";

describe("splitInterpolations", () => {
  it("keeps quoted braces inside a function call in one expression", () => {
    expect(splitInterpolations('${replace(x, "}", "")}:sub')).toEqual([
      { kind: "expr", expr: 'replace(x, "}", "")' },
      { kind: "literal", text: ":sub" },
    ]);
  });
  it("reads $${ as a literal IAM policy variable", () => {
    expect(literalValue("home/$${aws:username}")).toBe("home/${aws:username}");
  });
  it("drops interpolations from the literal text", () => {
    expect(literalText("arn:aws:iam::${var.a}:role/x")).toBe("arn:aws:iam:::role/x");
  });
});

describe("parsePolicyText", () => {
  it("reads JSON whose interpolations hold unescaped quotes, as cdktf writes them", () => {
    const text = '{"Statement":[{"Condition":{"StringEquals":{"${replace(aws_iam_openid_connect_provider.p.url, "https://", "")}:sub":"x"}}}]}';
    const [st] = statementsFromJson(parsePolicyText(text), "assume_role_policy") ?? [];
    expect(st.conditions[0].variable).toBe('${replace(aws_iam_openid_connect_provider.p.url, "https://", "")}:sub');
  });
  it("returns undefined for text that is not JSON", () => {
    expect(parsePolicyText("Statement: []")).toBeUndefined();
  });
});

describe("parseArn", () => {
  it("classifies a role ARN with an interpolated account", () => {
    const parts = parseArn("arn:aws:iam::${data.aws_caller_identity.c.account_id}:role/app");
    expect(parts).toBeDefined();
    expect(classifyArn(parts!)).toBe("role");
  });
});

describe("modelFromTerraform", () => {
  it("reads resources and data sources with their construct paths", () => {
    const model = modelFromTerraform({
      resource: { aws_iam_role: { r: { name: "x", "//": { metadata: { path: "s/r" } } } } },
      data: { aws_iam_policy_document: { d: { statement: [] } } },
    });
    expect(model.resources).toEqual([{ type: "aws_iam_role", name: "r", address: "aws_iam_role.r", path: "s/r", config: { name: "x" } }]);
    expect(model.dataSources[0]).toMatchObject({ address: "data.aws_iam_policy_document.d", path: "data.aws_iam_policy_document.d" });
  });
});
