import { Testing, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { MongodbatlasProvider } from "@cdktf/provider-mongodbatlas/lib/provider";
import { DatabaseUser } from "@cdktf/provider-mongodbatlas/lib/database-user";
import { applyGuardrails } from "../../constructs/guardrails/apply";
import { SynthResource } from "../../constructs/guardrails/model";
import { atlasUserDuplicate } from "../../constructs/guardrails/rules/atlas/user-duplicate";
import { ACCOUNT, atlasUser, messages, res } from "./fixture";

/** Builds the default aws provider block of a stack. */
function provider(config: Record<string, unknown>): SynthResource {
  return { type: "aws", name: "", address: "aws", path: "provider.aws", config };
}

const EU = provider({ region: "eu-west-1", allowed_account_ids: [ACCOUNT] });
const role = (over: Record<string, unknown> = {}) => res("aws_iam_role", "orders", { name: "prod-orders", assume_role_policy: "{}", ...over });
const byReference = atlasUser("by-reference", { username: "${aws_iam_role.orders.arn}" });
const byArn = (arn: string) => atlasUser("by-arn", { username: arn });

describe("ATLAS-USER-DUPLICATE with a role reference", () => {
  it("rejects a literal ARN of a role the stack creates", () => {
    expect(messages(atlasUserDuplicate, [role(), byReference, byArn(`arn:aws:iam::${ACCOUNT}:role/prod-orders`)], { providers: [EU] })).toEqual([
      "same project_id, username and auth_database_name as stack/by-reference",
    ]);
  });

  it("names the ARN a reference resolves to", () => {
    expect(messages(atlasUserDuplicate, [role(), byArn(`arn:aws:iam::${ACCOUNT}:role/prod-orders`), byReference], { providers: [EU] })).toEqual([
      `same project_id, username (arn:aws:iam::${ACCOUNT}:role/prod-orders) and auth_database_name as stack/by-arn`,
    ]);
  });

  it.each([
    ["cn-north-1", "aws-cn"],
    ["us-gov-west-1", "aws-us-gov"],
  ])("reads the partition from region %s", (region, partition) => {
    const providers = [provider({ region, allowed_account_ids: [ACCOUNT] })];
    expect(messages(atlasUserDuplicate, [role(), byReference, byArn(`arn:${partition}:iam::${ACCOUNT}:role/prod-orders`)], { providers })).toHaveLength(1);
    expect(messages(atlasUserDuplicate, [role(), byReference, byArn(`arn:aws:iam::${ACCOUNT}:role/prod-orders`)], { providers })).toEqual([]);
  });

  it("includes the role path in the ARN", () => {
    const withPath = role({ path: "/team/" });
    expect(messages(atlasUserDuplicate, [withPath, byReference, byArn(`arn:aws:iam::${ACCOUNT}:role/team/prod-orders`)], { providers: [EU] })).toHaveLength(1);
    expect(messages(atlasUserDuplicate, [withPath, byReference, byArn(`arn:aws:iam::${ACCOUNT}:role/prod-orders`)], { providers: [EU] })).toEqual([]);
  });

  it("resolves a user reference to a user ARN", () => {
    const user = res("aws_iam_user", "ci", { name: "prod-ci" });
    const blocks = [user, atlasUser("a", { username: "${aws_iam_user.ci.arn}", aws_iam_type: "USER" }), atlasUser("b", { username: `arn:aws:iam::${ACCOUNT}:user/prod-ci`, aws_iam_type: "USER" })];
    expect(messages(atlasUserDuplicate, blocks, { providers: [EU] })).toHaveLength(1);
  });

  it.each([
    ["no allowed_account_ids", [provider({ region: "eu-west-1" })], role()],
    ["two allowed accounts", [provider({ region: "eu-west-1", allowed_account_ids: [ACCOUNT, "444455556666"] })], role()],
    ["no literal region", [provider({ region: "${var.region}", allowed_account_ids: [ACCOUNT] })], role()],
    ["no providers known", undefined, role()],
    ["an interpolated role name", [EU], role({ name: "${var.role}" })],
  ])("keeps the reference with %s", (_, providers, roleBlock) => {
    expect(messages(atlasUserDuplicate, [roleBlock, byReference, byArn(`arn:aws:iam::${ACCOUNT}:role/prod-orders`)], { providers })).toEqual([]);
  });

  it("fails synth across stacks", () => {
    const app = Testing.app();
    const stackOf = (id: string) => {
      const stack = new TerraformStack(app, id);
      new AwsProvider(stack, "aws", { region: "eu-west-1", allowedAccountIds: [ACCOUNT] });
      new MongodbatlasProvider(stack, "atlas", {});
      applyGuardrails(stack);
      return stack;
    };
    const user = { projectId: "p1", authDatabaseName: "$external", awsIamType: "ROLE", roles: [{ roleName: "read", databaseName: "orders" }] };
    const blue = stackOf("blue");
    const created = new IamRole(blue, "role", { name: "prod-orders", assumeRolePolicy: "{}" });
    new DatabaseUser(blue, "user", { ...user, username: created.arn });
    new DatabaseUser(stackOf("green"), "user", { ...user, username: `arn:aws:iam::${ACCOUNT}:role/prod-orders` });

    expect(() => app.synth()).toThrow(
      /\[ATLAS-USER-DUPLICATE\] blue\/user: username: same project_id, username \(arn:aws:iam::123456789012:role\/prod-orders\) and auth_database_name as green\/user in another stack/,
    );
  });
});
