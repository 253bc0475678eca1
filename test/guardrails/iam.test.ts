import { iamRolePathAtlasUser } from "../../constructs/guardrails/rules/iam/role-path-atlas-user";
import { iamTrustPolicyJson } from "../../constructs/guardrails/rules/iam/trust-policy-json";
import { ACCOUNT, atlasUser, check, messages, res } from "./fixture";

describe("IAM-ROLE-PATH-ATLAS-USER", () => {
  const role = (path?: string) => res("aws_iam_role", "app", { name: "app", path, assume_role_policy: "{}" });
  const user = atlasUser("u", { username: "${aws_iam_role.app.arn}" });
  it("accepts a referenced role with path /", () => {
    expect(messages(iamRolePathAtlasUser, [role("/"), user])).toEqual([]);
  });
  it("accepts a referenced role without a path", () => {
    expect(messages(iamRolePathAtlasUser, [role(undefined), user])).toEqual([]);
  });
  it("rejects a referenced role with a path", () => {
    expect(messages(iamRolePathAtlasUser, [role("/teams/shop/"), user])).toEqual([
      'the role has path "/teams/shop/", but callers present an ARN without the path, so this username never matches',
    ]);
  });
  it("rejects a literal ARN with a path", () => {
    const [f] = check(iamRolePathAtlasUser, [atlasUser("u", { username: `arn:aws:iam::${ACCOUNT}:role/some/path/name` })]);
    expect(f.message).toContain('path "/some/path/"');
  });
  it("rejects a partly interpolated ARN whose path is literal", () => {
    const u = atlasUser("u", { username: "arn:aws:iam::${data.aws_caller_identity.c.account_id}:role/svc/app" });
    expect(messages(iamRolePathAtlasUser, [u])).toHaveLength(1);
  });
  it("skips a role whose path is interpolated", () => {
    expect(messages(iamRolePathAtlasUser, [role("${var.path}"), user])).toEqual([]);
  });
});

describe("IAM-TRUST-POLICY-JSON", () => {
  it("accepts JSON with interpolations in strings", () => {
    const r = res("aws_iam_role", "r", { assume_role_policy: '{"Statement":[{"Principal":{"AWS":"${aws_iam_role.x.arn}"}}]}' });
    expect(messages(iamTrustPolicyJson, [r])).toEqual([]);
  });
  it("rejects text that is not JSON", () => {
    const r = res("aws_iam_role", "r", { assume_role_policy: "{Statement: []}" });
    expect(messages(iamTrustPolicyJson, [r])).toEqual(["assume_role_policy is not valid JSON"]);
  });
});
