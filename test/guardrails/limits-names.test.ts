import { limitRoleName } from "../../constructs/guardrails/rules/limits/role-name";
import { limitRoleNamePrefix } from "../../constructs/guardrails/rules/limits/role-name-prefix";
import { limitIamPath } from "../../constructs/guardrails/rules/limits/iam-path";
import { limitRoleDescription } from "../../constructs/guardrails/rules/limits/role-description";
import { limitInstanceProfileName } from "../../constructs/guardrails/rules/limits/instance-profile-name";
import { limitIamUserName } from "../../constructs/guardrails/rules/limits/iam-user-name";
import { limitSamlProviderName } from "../../constructs/guardrails/rules/limits/saml-provider-name";
import { messages, res } from "./fixture";

const a = (n: number) => "a".repeat(n);

describe("LIMIT-ROLE-NAME", () => {
  const role = (name: string) => res("aws_iam_role", "r", { name });
  it("accepts 64 characters", () => expect(messages(limitRoleName, [role(a(64))])).toEqual([]));
  it("rejects 65 characters", () => expect(messages(limitRoleName, [role(a(65))])).toEqual(["name is 65 characters; the maximum is 64"]));
  it("rejects an empty name", () => expect(messages(limitRoleName, [role("")])).toEqual(["name is empty; the minimum is 1 character(s)"]));
  it("rejects a slash", () =>
    expect(messages(limitRoleName, [role("team/app")])).toEqual([
      "name has characters IAM does not allow; allowed: letters, digits and + = , . @ _ -",
    ]));
  it("rejects an interpolated name whose literal part is already too long", () =>
    expect(messages(limitRoleName, [role(`${a(65)}-\${var.env}`)])).toEqual(["name is at least 66 characters; the maximum is 64"]));
});

describe("LIMIT-ROLE-NAME-PREFIX", () => {
  const role = (p: string) => res("aws_iam_role", "r", { name_prefix: p });
  it("accepts 38 characters", () => expect(messages(limitRoleNamePrefix, [role(a(38))])).toEqual([]));
  it("rejects 39 characters", () =>
    expect(messages(limitRoleNamePrefix, [role(a(39))])).toEqual(["name_prefix is 39 characters; the maximum is 38"]));
});

describe("LIMIT-IAM-PATH", () => {
  const path = (p: string, type = "aws_iam_role") => res(type, "r", { path: p });
  it("accepts 512 characters", () => expect(messages(limitIamPath, [path(`/${a(510)}/`)])).toEqual([]));
  it("rejects 513 characters", () =>
    expect(messages(limitIamPath, [path(`/${a(511)}/`)])).toEqual(["path is 513 characters; the maximum is 512"]));
  it("rejects a path without a trailing slash on a user", () =>
    expect(messages(limitIamPath, [path("/team", "aws_iam_user")])).toEqual([
      "path has characters IAM does not allow; allowed: a leading and trailing slash around printable ASCII without spaces",
    ]));
  it("rejects a space in an instance profile path", () =>
    expect(messages(limitIamPath, [path("/my team/", "aws_iam_instance_profile")])).toHaveLength(1));
});

describe("LIMIT-ROLE-DESCRIPTION", () => {
  const role = (d: string) => res("aws_iam_role", "r", { description: d });
  it("accepts 1000 characters", () => expect(messages(limitRoleDescription, [role(a(1000))])).toEqual([]));
  it("rejects 1001 characters", () =>
    expect(messages(limitRoleDescription, [role(a(1001))])).toEqual(["description is 1001 characters; the maximum is 1000"]));
  it("rejects characters outside Latin-1", () => expect(messages(limitRoleDescription, [role("db access \u2013 orders")])).toHaveLength(1));
});

describe("LIMIT-INSTANCE-PROFILE-NAME", () => {
  const ip = (name: string) => res("aws_iam_instance_profile", "ip", { name });
  it("accepts 128 characters", () => expect(messages(limitInstanceProfileName, [ip(a(128))])).toEqual([]));
  it("rejects 129 characters", () =>
    expect(messages(limitInstanceProfileName, [ip(a(129))])).toEqual(["name is 129 characters; the maximum is 128"]));
});

describe("LIMIT-IAM-USER-NAME", () => {
  const user = (name: string) => res("aws_iam_user", "u", { name });
  it("accepts 64 characters", () => expect(messages(limitIamUserName, [user(a(64))])).toEqual([]));
  it("rejects 65 characters", () => expect(messages(limitIamUserName, [user(a(65))])).toEqual(["name is 65 characters; the maximum is 64"]));
});

describe("LIMIT-SAML-PROVIDER-NAME", () => {
  const p = (name: string) => res("aws_iam_saml_provider", "p", { name });
  it("accepts 128 characters", () => expect(messages(limitSamlProviderName, [p(a(128))])).toEqual([]));
  it("rejects 129 characters", () =>
    expect(messages(limitSamlProviderName, [p(a(129))])).toEqual(["name is 129 characters; the maximum is 128"]));
  it("rejects a plus sign", () =>
    expect(messages(limitSamlProviderName, [p("corp+idp")])).toEqual([
      "name has characters IAM does not allow; allowed: letters, digits and . _ -",
    ]));
});
