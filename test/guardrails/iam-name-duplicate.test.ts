import { App, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { applyGuardrails } from "../../constructs/guardrails/apply";
import { SynthResource } from "../../constructs/guardrails/model";
import { iamNameDuplicate } from "../../constructs/guardrails/rules/iam/name-duplicate";
import { ACCOUNT, check, messages, res } from "./fixture";

/** Builds an aws provider block; `alias` names a second one. */
function provider(config: Record<string, unknown>, alias = ""): SynthResource {
  const address = alias === "" ? "aws" : `aws.${alias}`;
  return { type: "aws", name: alias, address, path: `provider.${address}`, config: alias === "" ? config : { ...config, alias } };
}

const role = (name: string, roleName: unknown, path?: string, over: Record<string, unknown> = {}) =>
  res("aws_iam_role", name, { name: roleName, assume_role_policy: "{}", ...over }, path);

describe("IAM-NAME-DUPLICATE", () => {
  it("rejects two roles of one stack whose names differ only in case", () => {
    const [f] = check(iamNameDuplicate, [role("a", "Orders"), role("b", "orders")]);
    expect(f).toMatchObject({ path: "stack/b", field: "name", received: '"orders"', message: "same name as stack/a of the same account, ignoring case" });
  });

  it.each(["aws_iam_user", "aws_iam_instance_profile", "aws_iam_saml_provider"])("rejects two %s blocks of one name", (type) => {
    expect(messages(iamNameDuplicate, [res(type, "a", { name: "ci" }), res(type, "b", { name: "CI" })])).toEqual([
      "same name as stack/a of the same account, ignoring case",
    ]);
  });

  it("accepts a role and a user of one name", () => {
    expect(messages(iamNameDuplicate, [role("a", "ci"), res("aws_iam_user", "b", { name: "ci" })])).toEqual([]);
  });

  it("rejects two OIDC providers of one URL, with or without the scheme", () => {
    const url = "https://oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF";
    const blocks = [
      res("aws_iam_openid_connect_provider", "a", { url }),
      res("aws_iam_openid_connect_provider", "b", { url: "OIDC.eks.eu-west-1.amazonaws.com/id/ABCDEF/" }),
      res("aws_iam_openid_connect_provider", "c", { url: "https://oidc.eks.eu-west-1.amazonaws.com/id/abcdef" }),
    ];
    expect(check(iamNameDuplicate, blocks).map((f) => [f.path, f.message])).toEqual([["stack/b", "same url as stack/a of the same account"]]);
  });

  it("skips interpolated names and repeated blocks", () => {
    const blocks = [role("a", "${var.name}"), role("b", "${var.name}"), role("c", "x", undefined, { count: 2 }), role("d", "x")];
    expect(messages(iamNameDuplicate, blocks)).toEqual([]);
  });

  it("compares provider blocks by allowed accounts", () => {
    const blocks = [role("a", "orders"), role("b", "orders", undefined, { provider: "aws.other" })];
    const same = [provider({ allowed_account_ids: [ACCOUNT] }), provider({ allowed_account_ids: [ACCOUNT] }, "other")];
    const other = [provider({ allowed_account_ids: [ACCOUNT] }), provider({ allowed_account_ids: ["444455556666"] }, "other")];
    expect(messages(iamNameDuplicate, blocks, { providers: same })).toEqual(["same name as stack/a of the same account, ignoring case"]);
    expect(messages(iamNameDuplicate, blocks, { providers: other })).toEqual([]);
    expect(messages(iamNameDuplicate, blocks)).toEqual([]);
  });

  describe("across stacks", () => {
    const mine = role("a", "orders");
    const theirs = role("a", "ORDERS", "other/a");
    const app = (own: Record<string, unknown>, others: Record<string, unknown>) => ({
      allResourcesInApp: [mine, theirs],
      providers: [provider(own)],
      providersInApp: { stack: [provider(own)], other: [provider(others)] },
    });

    it("rejects a twin in a stack that allows the same account", () => {
      const ids = { allowed_account_ids: [ACCOUNT] };
      expect(messages(iamNameDuplicate, [mine], app(ids, ids))).toEqual(["same name as other/a in another stack of the same account, ignoring case"]);
    });

    it.each([
      ["another account", { allowed_account_ids: [ACCOUNT] }, { allowed_account_ids: ["444455556666"] }],
      ["no allowed_account_ids", { region: "eu-west-1" }, { region: "eu-west-1" }],
      ["an interpolated account", { allowed_account_ids: ["${var.account}"] }, { allowed_account_ids: ["${var.account}"] }],
    ])("accepts a twin in a stack with %s", (_, own, others) => {
      expect(messages(iamNameDuplicate, [mine], app(own, others))).toEqual([]);
    });
  });

  it("fails synth for one role name in two stacks of one account", () => {
    const testApp = Testing.app();
    const stackOf = (id: string, accountId: string) => {
      const stack = new TerraformStack(testApp, id);
      new AwsProvider(stack, "aws", { region: "eu-west-1", allowedAccountIds: [accountId] });
      new IamRole(stack, "role", { name: "orders", assumeRolePolicy: "{}" });
      applyGuardrails(stack);
      return stack;
    };
    stackOf("blue", ACCOUNT);
    stackOf("green", ACCOUNT);
    expect(() => testApp.synth()).toThrow(/\[IAM-NAME-DUPLICATE\] blue\/role: name: same name as green\/role in another stack of the same account, ignoring case/);
  });

  it("synthesizes one role name in two stacks of different accounts", () => {
    const testApp: App = Testing.app();
    for (const [id, accountId] of [["blue", ACCOUNT], ["green", "444455556666"]]) {
      const stack = new TerraformStack(testApp, id);
      new AwsProvider(stack, "aws", { region: "eu-west-1", allowedAccountIds: [accountId] });
      new IamRole(stack, "role", { name: "orders", assumeRolePolicy: "{}" });
      applyGuardrails(stack);
    }
    expect(() => testApp.synth()).not.toThrow();
  });
});
