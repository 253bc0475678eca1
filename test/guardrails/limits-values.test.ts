import { limitRoleSessionDuration } from "../../constructs/guardrails/rules/limits/role-session-duration";
import { limitChainedSessionDuration } from "../../constructs/guardrails/rules/limits/chained-session-duration";
import { limitTrustPolicyLength } from "../../constructs/guardrails/rules/limits/trust-policy-length";
import { limitOidcClientIds } from "../../constructs/guardrails/rules/limits/oidc-client-ids";
import { limitOidcThumbprints } from "../../constructs/guardrails/rules/limits/oidc-thumbprints";
import { limitIamTags } from "../../constructs/guardrails/rules/limits/iam-tags";
import { check, data, messages, res, roleArn, roleWithTrust } from "./fixture";

describe("LIMIT-ROLE-SESSION-DURATION", () => {
  const role = (s: unknown) => res("aws_iam_role", "r", { max_session_duration: s });
  it.each([3600, 43200])("accepts %d seconds", (s) => expect(messages(limitRoleSessionDuration, [role(s)])).toEqual([]));
  it.each([3599, 43201])("rejects %d seconds", (s) =>
    expect(messages(limitRoleSessionDuration, [role(s)])).toEqual([
      "max_session_duration must be a whole number from 3600 to 43200 seconds",
    ]));
});

describe("LIMIT-CHAINED-SESSION-DURATION", () => {
  const chained = (s: number) =>
    roleWithTrust("r", [{ Effect: "Allow", Principal: { AWS: roleArn("ci") }, Action: "sts:AssumeRole" }], { max_session_duration: s });
  it("accepts 3600 seconds on a chained role", () => expect(messages(limitChainedSessionDuration, [chained(3600)])).toEqual([]));
  it("warns about 3601 seconds on a chained role", () => {
    const [f] = check(limitChainedSessionDuration, [chained(3601)]);
    expect(f).toMatchObject({ severity: "warning", message: "another role can assume this role, and chained sessions last at most 3600 seconds" });
  });
  it("ignores long sessions on roles trusted by a service", () => {
    const svc = roleWithTrust("r", [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }], {
      max_session_duration: 7200,
    });
    expect(messages(limitChainedSessionDuration, [svc])).toEqual([]);
  });
});

describe("LIMIT-TRUST-POLICY-LENGTH", () => {
  /** Builds a trust policy of exactly `n` characters, padded through its Sid. */
  const policyOf = (n: number) => {
    const base = (sid: string) =>
      JSON.stringify({ Statement: [{ Sid: sid, Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }] });
    return base("x".repeat(n - base("").length));
  };
  const role = (n: number) => res("aws_iam_role", "r", { assume_role_policy: policyOf(n) });
  it("accepts 2048 characters", () => expect(messages(limitTrustPolicyLength, [role(2048)])).toEqual([]));
  it("rejects 2049 characters", () =>
    expect(messages(limitTrustPolicyLength, [role(2049)])).toEqual([
      "the trust policy is at least 2049 characters without whitespace; the limit is 2048",
    ]));
  it("does not count whitespace", () => {
    const spaced = res("aws_iam_role", "r", { assume_role_policy: JSON.stringify(JSON.parse(policyOf(2048)), null, 4) });
    expect(messages(limitTrustPolicyLength, [spaced])).toEqual([]);
  });
  it("honours a raised quota", () =>
    expect(messages(limitTrustPolicyLength, [role(2049)], { options: { trustPolicyMaxLength: 4096 } })).toEqual([]));
  it("measures policy documents from their statements", () => {
    const subjects = Array.from({ length: 60 }, (_, i) => `system:serviceaccount:shop:worker-${i}`);
    const doc = data("aws_iam_policy_document", "trust", {
      statement: [
        {
          actions: ["sts:AssumeRoleWithWebIdentity"],
          principals: [{ type: "Federated", identifiers: ["${aws_iam_openid_connect_provider.eks.arn}"] }],
          condition: [{ test: "StringEquals", variable: "${local.issuer}:sub", values: subjects }],
        },
      ],
    });
    const [f] = check(limitTrustPolicyLength, [doc]);
    expect(f.address).toBe("data.aws_iam_policy_document.trust");
    expect(f.message).toMatch(/^the trust policy is at least \d+ characters without whitespace; the limit is 2048$/);
  });
});

describe("LIMIT-OIDC-CLIENT-IDS", () => {
  const provider = (ids: string[]) => res("aws_iam_openid_connect_provider", "p", { url: "https://issuer.example", client_id_list: ids });
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `client-${i}`);
  it("accepts 100 client ids", () => expect(messages(limitOidcClientIds, [provider(ids(100))])).toEqual([]));
  it("rejects 101 client ids", () =>
    expect(messages(limitOidcClientIds, [provider(ids(101))])).toEqual(["client_id_list has 101 entries; the maximum is 100"]));
  it("accepts a 255-character client id", () => expect(messages(limitOidcClientIds, [provider(["c".repeat(255)])])).toEqual([]));
  it("rejects a 256-character client id", () =>
    expect(messages(limitOidcClientIds, [provider(["c".repeat(256)])])).toEqual([
      "client_id_list[0] is 256 characters; the maximum is 255",
    ]));
});

describe("LIMIT-OIDC-THUMBPRINTS", () => {
  const provider = (t: string[]) => res("aws_iam_openid_connect_provider", "p", { url: "https://issuer.example", thumbprint_list: t });
  const print = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";
  it("accepts 5 thumbprints", () => expect(messages(limitOidcThumbprints, [provider(Array(5).fill(print))])).toEqual([]));
  it("rejects 6 thumbprints", () =>
    expect(messages(limitOidcThumbprints, [provider(Array(6).fill(print))])).toEqual([
      "thumbprint_list has 6 entries; the maximum is 5",
    ]));
  it("rejects a 41-character thumbprint", () =>
    expect(messages(limitOidcThumbprints, [provider([print + "0"])])).toEqual(["thumbprint_list[0] must be 40 hex characters"]));
});

describe("LIMIT-IAM-TAGS", () => {
  const tagged = (tags: Record<string, string>) => res("aws_iam_role", "r", { tags });
  const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
  it("accepts 50 tags", () => expect(messages(limitIamTags, [tagged(many(50))])).toEqual([]));
  it("rejects 51 tags", () => expect(messages(limitIamTags, [tagged(many(51))])).toEqual(["51 tags; the maximum is 50"]));
  it("accepts a 128-character key and a 256-character value", () =>
    expect(messages(limitIamTags, [tagged({ ["k".repeat(128)]: "v".repeat(256) })])).toEqual([]));
  it("rejects a 129-character key", () =>
    expect(messages(limitIamTags, [tagged({ ["k".repeat(129)]: "v" })])).toEqual([
      `tags[${JSON.stringify("k".repeat(129))}] key is 129 characters; the maximum is 128`,
    ]));
  it("rejects a 257-character value", () =>
    expect(messages(limitIamTags, [tagged({ team: "v".repeat(257) })])).toEqual(['tags["team"] is 257 characters; the maximum is 256']));
  it("rejects the reserved aws: prefix", () =>
    expect(messages(limitIamTags, [tagged({ "aws:team": "shop" })])).toEqual(["tag keys starting with aws: are reserved"]));
});
