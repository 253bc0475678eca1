import { oidcConditionKeyPrefix } from "../../constructs/guardrails/rules/oidc/condition-key-prefix";
import { oidcSubMissing } from "../../constructs/guardrails/rules/oidc/sub-missing";
import { oidcAudMissing } from "../../constructs/guardrails/rules/oidc/aud-missing";
import { oidcWildcardStringEquals } from "../../constructs/guardrails/rules/oidc/wildcard-string-equals";
import { oidcSetOperatorSingleValued } from "../../constructs/guardrails/rules/oidc/set-operator-single-valued";
import { oidcAudNotExact } from "../../constructs/guardrails/rules/oidc/aud-not-exact";
import { oidcEksSubjectFormat } from "../../constructs/guardrails/rules/oidc/eks-subject-format";
import { oidcSubjectWildcardOnly } from "../../constructs/guardrails/rules/oidc/subject-wildcard-only";
import { oidcFederatedNotOidcProvider } from "../../constructs/guardrails/rules/oidc/federated-not-oidc-provider";
import { oidcConditionKeyIssuerMismatch } from "../../constructs/guardrails/rules/oidc/condition-key-issuer-mismatch";
import { ALL_RULES } from "../../constructs/guardrails/rules";
import { ACCOUNT, check, data, EKS_ISSUER, irsaStatement, messages, res, roleWithTrust } from "./fixture";

const SUB = `${EKS_ISSUER}:sub`;
const AUD = `${EKS_ISSUER}:aud`;
const good = roleWithTrust("r", [irsaStatement()]);
const withCond = (cond: Record<string, unknown>) => roleWithTrust("r", [irsaStatement(cond)]);

describe("a well-formed IRSA trust policy", () => {
  it("passes every OIDC rule", () => {
    const oidc = ALL_RULES.filter((r) => r.id.startsWith("OIDC-"));
    expect(oidc.flatMap((r) => r.check({ resources: [good], dataSources: [], stackName: "stack" }))).toEqual([]);
  });
});

describe("OIDC-CONDITION-KEY-PREFIX", () => {
  it("rejects a key with https://", () => {
    const [f] = check(oidcConditionKeyPrefix, [withCond({ StringEquals: { [`https://${SUB}`]: "system:serviceaccount:a:b" } })]);
    expect(f.message).toBe("condition key starts with a URL scheme; IAM keys OIDC claims by issuer host and path only");
    expect(f.field).toBe(`assume_role_policy.Statement[0].Condition.StringEquals["https://${SUB}"]`);
  });
  it("rejects a key with the provider ARN", () => {
    const key = `arn:aws:iam::${ACCOUNT}:oidc-provider/${SUB}`;
    expect(messages(oidcConditionKeyPrefix, [withCond({ StringEquals: { [key]: "x" } })])).toEqual([
      "condition key starts with an ARN; IAM keys OIDC claims by issuer host and path only",
    ]);
  });
  it("skips a key that starts with an interpolation", () => {
    expect(messages(oidcConditionKeyPrefix, [withCond({ StringEquals: { "${local.issuer}:sub": "x" } })])).toEqual([]);
  });
});

describe("OIDC-SUB-MISSING", () => {
  it("accepts a statement pinning :sub through an interpolated issuer", () => {
    expect(messages(oidcSubMissing, [withCond({ StringEquals: { "${local.issuer}:sub": "x", [AUD]: "sts.amazonaws.com" } })])).toEqual([]);
  });
  it("rejects a statement with only :aud", () => {
    expect(messages(oidcSubMissing, [withCond({ StringEquals: { [AUD]: "sts.amazonaws.com" } })])).toEqual([
      "no condition on the :sub claim, so any identity of the issuer can assume the role",
    ]);
  });
  it("does not count a negated :sub condition", () => {
    expect(messages(oidcSubMissing, [withCond({ StringNotEquals: { [SUB]: "system:serviceaccount:a:b" } })])).toHaveLength(1);
  });
  it("skips statements whose condition keys are unknown", () => {
    expect(messages(oidcSubMissing, [withCond({ StringEquals: { "${local.key}": "x" } })])).toEqual([]);
  });
});

describe("OIDC-AUD-MISSING", () => {
  it("accepts a statement with :aud", () => {
    expect(messages(oidcAudMissing, [good])).toEqual([]);
  });
  it("warns about a statement with only :sub", () => {
    const [f] = check(oidcAudMissing, [withCond({ StringEquals: { [SUB]: "system:serviceaccount:a:b" } })]);
    expect(f).toMatchObject({ severity: "warning", message: "no condition on the :aud claim, so tokens minted for other audiences are accepted" });
  });
});

describe("OIDC-WILDCARD-STRING-EQUALS", () => {
  it("accepts a wildcard under StringLike", () => {
    expect(messages(oidcWildcardStringEquals, [withCond({ StringLike: { [SUB]: "system:serviceaccount:shop:*" } })])).toEqual([]);
  });
  it("rejects a wildcard under StringEquals", () => {
    expect(messages(oidcWildcardStringEquals, [withCond({ StringEquals: { [SUB]: "system:serviceaccount:shop:*" } })])).toEqual([
      `StringEquals treats * and ? literally, so ${SUB} never matches`,
    ]);
  });
  it("does not read an escaped IAM policy variable as a wildcard", () => {
    expect(messages(oidcWildcardStringEquals, [withCond({ StringEquals: { [SUB]: "$${aws:username}" } })])).toEqual([]);
  });
});

describe("OIDC-SET-OPERATOR-SINGLE-VALUED", () => {
  it("accepts ForAnyValue on a multivalued claim", () => {
    expect(messages(oidcSetOperatorSingleValued, [withCond({ "ForAnyValue:StringLike": { [`${EKS_ISSUER}:amr`]: "x" } })])).toEqual([]);
  });
  it("rejects ForAllValues on :sub", () => {
    const [f] = check(oidcSetOperatorSingleValued, [withCond({ "ForAllValues:StringEquals": { [SUB]: "system:serviceaccount:a:b" } })]);
    expect(f).toMatchObject({ severity: "error", message: "ForAllValues:StringEquals on the single-valued :sub claim is also true when the claim is missing" });
  });
  it("warns about ForAnyValue on :aud", () => {
    const [f] = check(oidcSetOperatorSingleValued, [withCond({ "ForAnyValue:StringEquals": { [AUD]: "sts.amazonaws.com" } })]);
    expect(f).toMatchObject({ severity: "warning", message: "ForAnyValue:StringEquals on the single-valued :aud claim; use the plain operator" });
  });
});

describe("OIDC-AUD-NOT-EXACT", () => {
  it("accepts StringEquals on :aud", () => {
    expect(messages(oidcAudNotExact, [good])).toEqual([]);
  });
  it("rejects a wildcard audience", () => {
    const [f] = check(oidcAudNotExact, [withCond({ StringLike: { [AUD]: "*" } })]);
    expect(f).toMatchObject({ severity: "error", message: "the audience is matched by a wildcard pattern, so tokens for other clients are accepted" });
  });
  it("warns about StringLike without a wildcard", () => {
    const [f] = check(oidcAudNotExact, [withCond({ StringLike: { [AUD]: "sts.amazonaws.com" } })]);
    expect(f).toMatchObject({ severity: "warning", message: "the audience is compared with StringLike; use StringEquals" });
  });
});

describe("OIDC-EKS-SUBJECT-FORMAT", () => {
  it("accepts a namespace wildcard under StringLike", () => {
    expect(messages(oidcEksSubjectFormat, [withCond({ StringLike: { [SUB]: "system:serviceaccount:shop:*" } })])).toEqual([]);
  });
  it("rejects the plural group form", () => {
    const [f] = check(oidcEksSubjectFormat, [withCond({ StringEquals: { [SUB]: "system:serviceaccounts:shop:orders" } })]);
    expect(f).toMatchObject({ received: '["system:serviceaccounts:shop:orders"]', message: "EKS subjects have the form system:serviceaccount:NAMESPACE:NAME" });
  });
  it("rejects namespace/name in a policy document data source", () => {
    const doc = data("aws_iam_policy_document", "trust", {
      statement: [
        {
          actions: ["sts:AssumeRoleWithWebIdentity"],
          principals: [{ type: "Federated", identifiers: ["${aws_iam_openid_connect_provider.eks.arn}"] }],
          condition: [{ test: "StringEquals", variable: "${replace(aws_eks_cluster.main.identity[0].oidc[0].issuer, \"https://\", \"\")}:sub", values: ["shop/orders"] }],
        },
      ],
    });
    const role = res("aws_iam_role", "r", { assume_role_policy: "${data.aws_iam_policy_document.trust.json}" });
    const [f] = check(oidcEksSubjectFormat, [doc, role]);
    expect(f).toMatchObject({ address: "data.aws_iam_policy_document.trust", field: "statement[0].condition[0]" });
  });
  it("checks only the literal head of an interpolated subject", () => {
    expect(messages(oidcEksSubjectFormat, [withCond({ StringEquals: { [SUB]: "system:serviceaccount:${var.ns}:orders" } })])).toEqual([]);
    expect(messages(oidcEksSubjectFormat, [withCond({ StringEquals: { [SUB]: "sa:${var.ns}:orders" } })])).toHaveLength(1);
  });
  it("ignores non-EKS issuers", () => {
    const gh = roleWithTrust("r", [
      {
        Effect: "Allow",
        Action: "sts:AssumeRoleWithWebIdentity",
        Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
        Condition: { StringEquals: { "token.actions.githubusercontent.com:sub": "repo:org/app:ref:refs/heads/main" } },
      },
    ]);
    expect(messages(oidcEksSubjectFormat, [gh])).toEqual([]);
  });
});

describe("OIDC-SUBJECT-WILDCARD-ONLY", () => {
  it("accepts a narrowed pattern", () => {
    expect(messages(oidcSubjectWildcardOnly, [withCond({ StringLike: { [SUB]: "system:serviceaccount:shop:*" } })])).toEqual([]);
  });
  it("rejects a bare *", () => {
    expect(messages(oidcSubjectWildcardOnly, [withCond({ StringLike: { [SUB]: "*" } })])).toEqual([
      "the subject pattern matches every identity of the issuer",
    ]);
  });
});

describe("OIDC-FEDERATED-NOT-OIDC-PROVIDER", () => {
  const stmt = (federated: string) => roleWithTrust("r", [{ ...irsaStatement(), Principal: { Federated: federated } }]);
  it("accepts a provider reference and a built-in provider", () => {
    expect(messages(oidcFederatedNotOidcProvider, [stmt("${aws_iam_openid_connect_provider.eks.arn}")])).toEqual([]);
    expect(messages(oidcFederatedNotOidcProvider, [stmt("accounts.google.com")])).toEqual([]);
  });
  it("rejects the issuer host instead of the provider ARN", () => {
    const [f] = check(oidcFederatedNotOidcProvider, [stmt(EKS_ISSUER)]);
    expect(f).toMatchObject({
      field: "assume_role_policy.Statement[0].Principal.Federated",
      message: "the Federated principal of a web identity statement must be an oidc-provider ARN",
    });
  });
  it("rejects a SAML provider reference", () => {
    expect(messages(oidcFederatedNotOidcProvider, [stmt("${aws_iam_saml_provider.idp.arn}")])).toHaveLength(1);
  });
});

describe("OIDC-CONDITION-KEY-ISSUER-MISMATCH", () => {
  it("rejects a key copied from another cluster", () => {
    const other = "oidc.eks.us-east-1.amazonaws.com/id/FFFFFFFFFFFFFFFF";
    expect(messages(oidcConditionKeyIssuerMismatch, [withCond({ StringEquals: { [`${other}:sub`]: "system:serviceaccount:a:b" } })])).toEqual([
      `condition key names issuer ${other}, but the statement trusts ${EKS_ISSUER}`,
    ]);
  });
  it("ignores global keys such as aws:SourceIp", () => {
    expect(messages(oidcConditionKeyIssuerMismatch, [withCond({ IpAddress: { "aws:SourceIp": "10.0.0.0/8" } })])).toEqual([]);
  });
});
