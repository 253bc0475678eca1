import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AccessChange, Finding, PlanSummary } from "../../review/plan/model";
import { ATTENTION_HEADING, NO_CHANGES_LINE, renderPlanSummary } from "../../review/plan/render";
import { summarizePlan } from "../../review/plan/summarize";

const FIXTURES = join(__dirname, "..", "fixtures", "plans");

function loadPlan(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, name), "utf8"));
}

function review(name: string): { summary: PlanSummary; markdown: string; lines: string[] } {
  const summary = summarizePlan(loadPlan(name));
  const markdown = renderPlanSummary(summary);
  return { summary, markdown, lines: markdown.split("\n") };
}

function changeAt(summary: PlanSummary, address: string): AccessChange {
  const change = summary.changes.find((candidate) => candidate.address === address);
  if (change === undefined) throw new Error(`no change for ${address} in ${summary.changes.map((c) => c.address).join(", ")}`);
  return change;
}

function attentionLines(lines: string[]): string[] {
  const start = lines.indexOf(ATTENTION_HEADING);
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && line.startsWith("### "));
  return lines.slice(start + 1, end).filter((line) => line.startsWith("- "));
}

function kinds(findings: Finding[]): string[] {
  return findings.map((finding) => `${finding.topic}/${finding.kind}/${finding.severity}`);
}

describe("summarizePlan and renderPlanSummary on hand-written plans", () => {
  test("create of role and user lists both sorted", () => {
    const { summary, lines } = review("create-role-and-user.json");

    expect(summary.changes.map((change) => [change.address, change.kind])).toEqual([
      ["aws_iam_role.app", "create"],
      ["mongodbatlas_database_user.app", "create"],
    ]);
    expect(summary.changes.flatMap((change) => change.findings)).toEqual([]);
    expect(changeAt(summary, "aws_iam_role.app").details).toEqual([
      { label: "name", values: ["orders-app"] },
      { label: "trusted principals", values: ["Service ecs-tasks.amazonaws.com"] },
    ]);
    expect(changeAt(summary, "mongodbatlas_database_user.app").details).toContainEqual({ label: "username", note: "known after apply" });

    expect(lines).not.toContain(ATTENTION_HEADING);
    expect(lines).toContain("### Changes (2 create)");
    expect(lines).toContain("- **create** `aws_iam_role.app` (name `orders-app`; trusted principals `Service ecs-tasks.amazonaws.com`)");
    expect(lines).toContain(
      "- **create** `mongodbatlas_database_user.app` (username: known after apply; auth_database_name `$external`; " +
        "project_id `64f0c0ffee0000000000abcd`; roles `readWrite@orders`; scopes `CLUSTER prod-0`)"
    );
  });

  test("trust update adding principals is flagged", () => {
    const { summary, lines } = review("trust-principal-added.json");
    const change = changeAt(summary, "aws_iam_role.app");

    expect(change.kind).toBe("update");
    expect(change.findings).toEqual([
      {
        topic: "trust-policy",
        kind: "principal-added",
        severity: "attention",
        principal: { type: "Service", value: "lambda.amazonaws.com" },
        actions: ["sts:AssumeRole", "sts:TagSession"],
      },
      {
        topic: "trust-policy",
        kind: "principal-added",
        severity: "attention",
        principal: { type: "AWS", value: "arn:aws:iam::444455556666:root" },
        actions: ["sts:AssumeRole"],
      },
      {
        topic: "trust-policy",
        kind: "action-added",
        severity: "attention",
        principal: { type: "Service", value: "ecs-tasks.amazonaws.com" },
        action: "sts:TagSession",
      },
    ]);

    expect(attentionLines(lines)).toEqual([
      "- `aws_iam_role.app`: Trust policy admits a new principal Service `lambda.amazonaws.com` for `sts:AssumeRole`, `sts:TagSession`.",
      "- `aws_iam_role.app`: Trust policy admits a new principal AWS `arn:aws:iam::444455556666:root` for `sts:AssumeRole`.",
      "- `aws_iam_role.app`: Trust policy lets Service `ecs-tasks.amazonaws.com` also call `sts:TagSession`.",
    ]);
  });

  test("dropped condition block and sub key are flagged", () => {
    const { summary, lines } = review("trust-condition-dropped.json");

    const deploy = changeAt(summary, "aws_iam_role.deploy");
    expect(deploy.findings).toEqual([
      {
        topic: "trust-policy",
        kind: "condition-block-dropped",
        severity: "attention",
        sid: "GitHubActions",
        removed: [
          { operator: "StringEquals", key: "token.actions.githubusercontent.com:aud", values: ["sts.amazonaws.com"] },
          {
            operator: "StringEquals",
            key: "token.actions.githubusercontent.com:sub",
            values: ["repo:example-org/orders:ref:refs/heads/main"],
          },
        ],
      },
    ]);

    const preview = changeAt(summary, "aws_iam_role.preview");
    expect(preview.findings).toEqual([
      {
        topic: "trust-policy",
        kind: "condition-key-removed",
        severity: "attention",
        condition: {
          operator: "StringEquals",
          key: "token.actions.githubusercontent.com:sub",
          values: ["repo:example-org/orders:environment:preview"],
        },
      },
    ]);

    const attention = attentionLines(lines);
    expect(attention).toHaveLength(2);
    expect(attention[0]).toContain("`aws_iam_role.deploy`: Trust policy drops the Condition block in statement `GitHubActions`");
    expect(attention[0]).toContain("Its principals can now assume the role without those checks.");
    expect(attention[1]).toBe(
      "- `aws_iam_role.preview`: Trust policy removes the condition `StringEquals` `token.actions.githubusercontent.com:sub` = " +
        "`repo:example-org/orders:environment:preview`. Without a `sub` check, any identity the provider issues tokens for can assume the role."
    );
  });

  test("StringEquals to StringLike is flagged", () => {
    const { summary, lines } = review("trust-string-like.json");

    expect(kinds(changeAt(summary, "aws_iam_role.deploy").findings)).toEqual(["trust-policy/condition-operator-changed/attention"]);
    expect(changeAt(summary, "aws_iam_role.deploy").findings[0]).toMatchObject({
      key: "token.actions.githubusercontent.com:sub",
      from: { operator: "StringEquals", values: ["repo:example-org/orders:ref:refs/heads/main"] },
      to: { operator: "StringLike", values: ["repo:example-org/orders:*"] },
    });
    expect(attentionLines(lines)).toEqual([
      "- `aws_iam_role.deploy`: Trust policy changes the test on `token.actions.githubusercontent.com:sub` from `StringEquals` " +
        "`repo:example-org/orders:ref:refs/heads/main` to `StringLike` `repo:example-org/orders:*`, which can admit more requests.",
    ]);
  });

  test("reformatted trust policy has no findings", () => {
    const { summary, lines } = review("trust-string-like.json");

    expect(changeAt(summary, "aws_iam_role.reformatted").findings).toEqual([]);
    expect(lines).toContain(
      "- **update** `aws_iam_role.reformatted` (name `reformatted`; trusted principals `AWS arn:aws:iam::444455556666:root`)"
    );
  });

  test("replaced Atlas user names the forcing attribute", () => {
    const { summary, lines } = review("atlas-user-replaced.json");
    const change = changeAt(summary, "mongodbatlas_database_user.app");

    expect(change.kind).toBe("replace");
    expect(change.actionReason).toBe("replace_because_cannot_update");
    expect(change.findings).toEqual([
      {
        topic: "lifecycle",
        kind: "replaced",
        severity: "attention",
        order: "delete-before-create",
        forcedBy: [
          {
            path: "username",
            before: "arn:aws:iam::111122223333:role/orders-app",
            after: "arn:aws:iam::111122223333:role/orders-app-v2",
          },
        ],
      },
    ]);

    expect(lines[2]).toBe(ATTENTION_HEADING);
    expect(attentionLines(lines)).toEqual([
      "- `mongodbatlas_database_user.app`: Replaced (delete, then create), so clients that authenticate as this user lose access to Atlas " +
        "until the new user exists. Replacement forced by `username` (`arn:aws:iam::111122223333:role/orders-app` → " +
        "`arn:aws:iam::111122223333:role/orders-app-v2`). Reason: an attribute that cannot change in place changed.",
    ]);
  });

  test("OIDC provider deletion is flagged", () => {
    const { summary, lines } = review("oidc-provider-deleted.json");
    const change = changeAt(summary, "aws_iam_openid_connect_provider.github");

    expect(change.kind).toBe("delete");
    expect(change.findings).toEqual([{ topic: "lifecycle", kind: "deleted", severity: "attention" }]);
    expect(change.details).toEqual([
      { label: "url", values: ["token.actions.githubusercontent.com"] },
      { label: "client_id_list", values: ["sts.amazonaws.com"] },
    ]);
    expect(attentionLines(lines)).toEqual([
      "- `aws_iam_openid_connect_provider.github`: Deleted, so roles that trust this provider can no longer be assumed with its tokens. " +
        "Reason: the resource was removed from the configuration.",
    ]);
    expect(lines).toContain(
      "- **delete** `aws_iam_openid_connect_provider.github` (url `token.actions.githubusercontent.com`; client_id_list `sts.amazonaws.com`)"
    );
  });

  test("Atlas role widening is flagged", () => {
    const { summary, lines } = review("atlas-roles-widened.json");

    expect(changeAt(summary, "mongodbatlas_database_user.app").findings).toEqual([
      {
        topic: "atlas-user",
        kind: "collection-restriction-removed",
        severity: "attention",
        role: { roleName: "read", databaseName: "analytics" },
        collectionName: "events",
      },
      { topic: "atlas-user", kind: "role-added", severity: "attention", role: { roleName: "readWrite", databaseName: "orders" } },
      { topic: "atlas-user", kind: "all-scopes-removed", severity: "attention", removed: [{ name: "prod-0", type: "CLUSTER" }] },
    ]);
    expect(attentionLines(lines)).toEqual([
      "- `mongodbatlas_database_user.app`: Atlas role `read` on database `analytics` is no longer limited to collection `events`, " +
        "so it covers every collection of the database.",
      "- `mongodbatlas_database_user.app`: Atlas user gains the role `readWrite` on database `orders`.",
      "- `mongodbatlas_database_user.app`: Atlas user loses all scopes (was CLUSTER `prod-0`), so it can reach every cluster and data lake in the project.",
    ]);
  });

  test("Atlas narrowing is listed without attention", () => {
    const { summary, lines } = review("atlas-roles-widened.json");

    expect(changeAt(summary, "mongodbatlas_database_user.reporting").findings).toEqual([
      { topic: "atlas-user", kind: "role-removed", severity: "info", role: { roleName: "read", databaseName: "billing" } },
      { topic: "atlas-user", kind: "scopes-added-to-unscoped", severity: "info", scopes: [{ name: "analytics-0", type: "CLUSTER" }] },
    ]);
    expect(attentionLines(lines).some((line) => line.includes("reporting"))).toBe(false);
    expect(lines).toContain("  - Atlas user loses the role `read` on database `billing`.");
    expect(lines).toContain(
      "  - Atlas user is now limited to CLUSTER `analytics-0` instead of every cluster and data lake in the project."
    );
  });

  test("unknown trust policy is known after apply", () => {
    const { summary, lines } = review("trust-unknown-after.json");

    expect(changeAt(summary, "aws_iam_role.app").findings).toEqual([
      { topic: "trust-policy", kind: "unknown-after-apply", severity: "attention" },
    ]);
    expect(attentionLines(lines)).toEqual([
      "- `aws_iam_role.app`: Trust policy is known only after apply, so this review cannot compare it; check the configuration that builds it.",
    ]);
    expect(lines).toContain("- **update** `aws_iam_role.app` (name `orders-app`; trusted principals: known after apply)");
  });

  test("plan without access changes says so", () => {
    const { summary, markdown } = review("no-access-changes.json");

    expect(summary.changes).toEqual([]);
    expect(summary.unchangedCount).toBe(1);
    expect(markdown).toBe(`## Access changes\n\n${NO_CHANGES_LINE}\n\n1 access resource is unchanged.\n`);
  });

  test("no-op and read are ignored", () => {
    const { summary, lines } = review("noop-and-read-ignored.json");

    expect(summary.changes.map((change) => change.address)).toEqual(["aws_iam_role_policy_attachment.app_read"]);
    expect(summary.unchangedCount).toBe(1);
    expect(lines).not.toContain(ATTENTION_HEADING);
    expect(lines.some((line) => line.includes("data.aws_iam_role.existing"))).toBe(false);
    expect(lines).toContain(
      "- **create** `aws_iam_role_policy_attachment.app_read` (role `orders-app`; policy_arn `arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess`)"
    );
    expect(lines).toContain("1 other access resource is unchanged.");
  });

  test("summary records plan metadata", () => {
    const { summary } = review("oidc-provider-deleted.json");

    expect(summary.formatVersion).toBe("1.2");
    expect(summary.terraformVersion).toBe("1.11.4");
    expect(summary.complete).toBe(true);
  });
});
