import { atlasUserCredentialMix } from "../../constructs/guardrails/rules/atlas/user-credential-mix";
import { atlasLabelDuplicate } from "../../constructs/guardrails/rules/atlas/label-duplicate";
import { atlasScopeType } from "../../constructs/guardrails/rules/atlas/scope-type";
import { atlasUserEnumValue } from "../../constructs/guardrails/rules/atlas/user-enum-value";
import { atlasUsernameWhitespace } from "../../constructs/guardrails/rules/atlas/username-whitespace";
import { atlasUser, check, messages } from "./fixture";

describe("ATLAS-USER-CREDENTIAL-MIX", () => {
  it("accepts NONE for the other mechanisms", () => {
    expect(messages(atlasUserCredentialMix, [atlasUser("u", { x509_type: "NONE", ldap_auth_type: "NONE" })])).toEqual([]);
  });
  it("rejects a password and an x509 type on an IAM user", () => {
    const found = check(atlasUserCredentialMix, [atlasUser("u", { password: "hunter2-secret", x509_type: "MANAGED" })]);
    expect(found.map((f) => f.message)).toEqual(["password is set on an IAM user", "x509_type is set on an IAM user"]);
    expect(found[0].received).toBe("(set)");
  });
});

describe("ATLAS-LABEL-DUPLICATE", () => {
  it("accepts distinct keys", () => {
    expect(messages(atlasLabelDuplicate, [atlasUser("u", { labels: [{ key: "a", value: "1" }, { key: "b", value: "2" }] })])).toEqual([]);
  });
  it("rejects a repeated key", () => {
    const [f] = check(atlasLabelDuplicate, [atlasUser("u", { labels: [{ key: "team", value: "1" }, { key: "team", value: "2" }] })]);
    expect(f).toMatchObject({ field: "labels[1].key", message: 'label key "team" is used more than once' });
  });
});

describe("ATLAS-SCOPE-TYPE", () => {
  it("accepts DATA_LAKE", () => {
    expect(messages(atlasScopeType, [atlasUser("u", { scopes: [{ name: "lake", type: "DATA_LAKE" }] })])).toEqual([]);
  });
  it("rejects lower-case cluster", () => {
    expect(messages(atlasScopeType, [atlasUser("u", { scopes: [{ name: "c1", type: "cluster" }] })])).toEqual([
      'scope type is case-sensitive; use "CLUSTER"',
    ]);
  });
  it("rejects an unknown type and an empty name", () => {
    expect(messages(atlasScopeType, [atlasUser("u", { scopes: [{ name: "", type: "PROJECT" }] })])).toEqual([
      "scope type must be CLUSTER or DATA_LAKE",
      "scope name is empty",
    ]);
  });
});

describe("ATLAS-USER-ENUM-VALUE", () => {
  it("accepts upper-case values", () => {
    expect(messages(atlasUserEnumValue, [atlasUser("u", { oidc_auth_type: "NONE" })])).toEqual([]);
  });
  it("rejects lower-case role", () => {
    const [f] = check(atlasUserEnumValue, [atlasUser("u", { aws_iam_type: "role" })]);
    expect(f).toMatchObject({ message: 'aws_iam_type is case-sensitive; use "ROLE"', fix: 'Set aws_iam_type to "ROLE".' });
  });
  it("rejects a value outside the set", () => {
    expect(messages(atlasUserEnumValue, [atlasUser("u", { ldap_auth_type: "ROLE" })])).toEqual([
      "ldap_auth_type must be one of NONE, USER, GROUP",
    ]);
  });
});

describe("ATLAS-USERNAME-WHITESPACE", () => {
  it("accepts a trimmed username", () => {
    expect(messages(atlasUsernameWhitespace, [atlasUser("u")])).toEqual([]);
  });
  it("rejects a trailing space, even around an interpolation", () => {
    expect(messages(atlasUsernameWhitespace, [atlasUser("u", { username: "${aws_iam_role.app.arn} " })])).toEqual([
      "username has leading or trailing whitespace",
    ]);
  });
});
