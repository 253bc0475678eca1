import { atlasUserNotIamArn } from "../../constructs/guardrails/rules/atlas/user-not-iam-arn";
import { atlasUserIamTypeMismatch } from "../../constructs/guardrails/rules/atlas/user-iam-type-mismatch";
import { atlasUserStsArn } from "../../constructs/guardrails/rules/atlas/user-sts-arn";
import { atlasUserInstanceProfileArn } from "../../constructs/guardrails/rules/atlas/user-instance-profile-arn";
import { atlasUserAuthDb } from "../../constructs/guardrails/rules/atlas/user-auth-db";
import { atlasUserIamTypeMissing } from "../../constructs/guardrails/rules/atlas/user-iam-type-missing";
import { ACCOUNT, atlasUser, check, messages, res } from "./fixture";

const role = res("aws_iam_role", "app", { name: "app", assume_role_policy: "{}" });

describe("ATLAS-USER-NOT-IAM-ARN", () => {
  it("accepts a role ARN reference", () => {
    expect(messages(atlasUserNotIamArn, [role, atlasUser("u", { username: "${aws_iam_role.app.arn}" })])).toEqual([]);
  });
  it("rejects a reference to the role name", () => {
    const [f] = check(atlasUserNotIamArn, [role, atlasUser("u", { username: "${aws_iam_role.app.name}" })]);
    expect(f.message).toBe("username references aws_iam_role.app.name, which is a name, not an ARN");
    expect(f.fix).toBe("Use ${aws_iam_role.app.arn} as the username.");
  });
  it("rejects a plain name", () => {
    expect(messages(atlasUserNotIamArn, [atlasUser("u", { username: "app" })])).toEqual([
      'username is not an IAM role or user ARN, but aws_iam_type is "ROLE"',
    ]);
  });
  it("rejects a group ARN", () => {
    expect(messages(atlasUserNotIamArn, [atlasUser("u", { username: `arn:aws:iam::${ACCOUNT}:group/devs` })])).toHaveLength(1);
  });
  it("skips a username that is only known at apply time", () => {
    expect(messages(atlasUserNotIamArn, [atlasUser("u", { username: "${var.user}" })])).toEqual([]);
  });
});

describe("ATLAS-USER-IAM-TYPE-MISMATCH", () => {
  it("accepts USER with a user ARN", () => {
    const u = atlasUser("u", { aws_iam_type: "USER", username: `arn:aws:iam::${ACCOUNT}:user/ci` });
    expect(messages(atlasUserIamTypeMismatch, [u])).toEqual([]);
  });
  it("rejects ROLE with a user ARN", () => {
    const u = atlasUser("u", { username: `arn:aws:iam::${ACCOUNT}:user/ci` });
    expect(messages(atlasUserIamTypeMismatch, [u])).toEqual([
      `aws_iam_type is ROLE but username "arn:aws:iam::${ACCOUNT}:user/ci" is an IAM user ARN`,
    ]);
  });
  it("rejects USER with a role reference", () => {
    const [f] = check(atlasUserIamTypeMismatch, [role, atlasUser("u", { aws_iam_type: "USER", username: "${aws_iam_role.app.arn}" })]);
    expect(f.fix).toBe('Set aws_iam_type to "ROLE".');
  });
});

describe("ATLAS-USER-STS-ARN", () => {
  it("accepts an IAM role ARN", () => {
    expect(messages(atlasUserStsArn, [atlasUser("u")])).toEqual([]);
  });
  it("rejects an assumed-role ARN and names the role ARN to use", () => {
    const [f] = check(atlasUserStsArn, [atlasUser("u", { username: `arn:aws:sts::${ACCOUNT}:assumed-role/app/session-1` })]);
    expect(f.message).toBe("username is an STS session ARN; Atlas matches the IAM role ARN, never a session");
    expect(f.fix).toBe(`Use "arn:aws:iam::${ACCOUNT}:role/app" with aws_iam_type ROLE.`);
  });
});

describe("ATLAS-USER-INSTANCE-PROFILE-ARN", () => {
  it("accepts a role ARN", () => {
    expect(messages(atlasUserInstanceProfileArn, [atlasUser("u")])).toEqual([]);
  });
  it("rejects an instance profile reference", () => {
    const u = atlasUser("u", { username: "${aws_iam_instance_profile.web.arn}" });
    expect(messages(atlasUserInstanceProfileArn, [u])).toEqual([
      "username is an instance profile ARN; callers on EC2 authenticate as the role inside it",
    ]);
  });
});

describe("ATLAS-USER-AUTH-DB", () => {
  it("accepts $external", () => {
    expect(messages(atlasUserAuthDb, [atlasUser("u")])).toEqual([]);
  });
  it("rejects admin for an IAM user", () => {
    const [f] = check(atlasUserAuthDb, [atlasUser("u", { auth_database_name: "admin" })]);
    expect(f).toMatchObject({ field: "auth_database_name", received: '"admin"', message: 'auth_database_name must be "$external" for an IAM user' });
  });
  it("ignores password users", () => {
    expect(messages(atlasUserAuthDb, [atlasUser("u", { aws_iam_type: undefined, auth_database_name: "admin" })])).toEqual([]);
  });
});

describe("ATLAS-USER-IAM-TYPE-MISSING", () => {
  it("accepts ROLE with a role ARN", () => {
    expect(messages(atlasUserIamTypeMissing, [atlasUser("u")])).toEqual([]);
  });
  it("rejects a role ARN without aws_iam_type", () => {
    const [f] = check(atlasUserIamTypeMissing, [atlasUser("u", { aws_iam_type: undefined })]);
    expect(f.message).toBe("username is an IAM role ARN but aws_iam_type is not set to ROLE");
    expect(f.received).toBe("(not set)");
  });
  it("rejects a user ARN with aws_iam_type NONE", () => {
    const u = atlasUser("u", { aws_iam_type: "NONE", username: `arn:aws:iam::${ACCOUNT}:user/ci` });
    expect(messages(atlasUserIamTypeMissing, [u])).toEqual(["username is an IAM user ARN but aws_iam_type is not set to USER"]);
  });
});
