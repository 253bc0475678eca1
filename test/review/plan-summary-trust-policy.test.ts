import type { TrustPolicyFinding } from "../../review/plan/model";
import { renderPlanSummary } from "../../review/plan/render";
import { summarizePlan } from "../../review/plan/summarize";
import { diffTrustPolicy } from "../../review/plan/trust-policy-diff";

const GITHUB = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";

function policy(...statements: object[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

function allow(principal: unknown, action: unknown, condition?: object, sid?: string): object {
  return {
    ...(sid === undefined ? {} : { Sid: sid }),
    Effect: "Allow",
    Principal: principal,
    Action: action,
    ...(condition === undefined ? {} : { Condition: condition }),
  };
}

function webIdentity(condition?: object, sid?: string): object {
  return allow({ Federated: GITHUB }, "sts:AssumeRoleWithWebIdentity", condition, sid);
}

function kinds(findings: TrustPolicyFinding[]): string[] {
  return findings.map((finding) => `${finding.kind}/${finding.severity}`);
}

describe("diffTrustPolicy", () => {
  test("wildcard action covers a specific action", () => {
    const before = policy(allow({ Service: "ecs-tasks.amazonaws.com" }, "sts:*"));
    const after = policy(allow({ Service: "ecs-tasks.amazonaws.com" }, "sts:AssumeRole"));

    // Narrowing sts:* to one action admits nothing new, so only the removal is listed.
    expect(kinds(diffTrustPolicy(before, after, false))).toEqual(["action-removed/info"]);
  });

  test("action widened to wildcard is flagged", () => {
    const before = policy(allow({ Service: "ecs-tasks.amazonaws.com" }, "sts:AssumeRole"));
    const after = policy(allow({ Service: "ecs-tasks.amazonaws.com" }, "sts:*"));

    expect(diffTrustPolicy(before, after, false)).toEqual([
      {
        topic: "trust-policy",
        kind: "action-added",
        severity: "attention",
        principal: { type: "Service", value: "ecs-tasks.amazonaws.com" },
        action: "sts:*",
      },
    ]);
  });

  test("action names compare case-insensitively", () => {
    const before = policy(allow({ Service: "ecs-tasks.amazonaws.com" }, "sts:AssumeRole"));
    const after = policy(allow({ Service: "ecs-tasks.amazonaws.com" }, "STS:assumerole"));

    expect(diffTrustPolicy(before, after, false)).toEqual([]);
  });

  test("everyone principal is flagged", () => {
    const before = policy(allow({ AWS: "arn:aws:iam::444455556666:root" }, "sts:AssumeRole"));
    const after = policy(allow("*", "sts:AssumeRole"));
    const findings = diffTrustPolicy(before, after, false);

    expect(findings[0]).toEqual({
      topic: "trust-policy",
      kind: "principal-added",
      severity: "attention",
      principal: { type: "AWS", value: "*" },
      actions: ["sts:AssumeRole"],
    });
    expect(kinds(findings)).toEqual(["principal-added/attention"]);
  });

  test("removed principal is informational", () => {
    const before = policy(allow({ Service: ["ecs-tasks.amazonaws.com", "lambda.amazonaws.com"] }, "sts:AssumeRole"));
    const after = policy(allow({ Service: "ecs-tasks.amazonaws.com" }, "sts:AssumeRole"));

    expect(diffTrustPolicy(before, after, false)).toEqual([
      {
        topic: "trust-policy",
        kind: "principal-removed",
        severity: "info",
        principal: { type: "Service", value: "lambda.amazonaws.com" },
        actions: ["sts:AssumeRole"],
      },
    ]);
  });

  test("aud value added is flagged", () => {
    const before = policy(webIdentity({ StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } }));
    const after = policy(
      webIdentity({ StringEquals: { "token.actions.githubusercontent.com:aud": ["sts.amazonaws.com", "other-client"] } })
    );

    expect(diffTrustPolicy(before, after, false)).toEqual([
      {
        topic: "trust-policy",
        kind: "condition-values-added",
        severity: "attention",
        operator: "StringEquals",
        key: "token.actions.githubusercontent.com:aud",
        values: ["other-client"],
      },
    ]);
  });

  test("sub value removed is informational", () => {
    const before = policy(
      webIdentity({
        StringEquals: { "token.actions.githubusercontent.com:sub": ["repo:o/a:ref:refs/heads/main", "repo:o/a:pull_request"] },
      })
    );
    const after = policy(webIdentity({ StringEquals: { "token.actions.githubusercontent.com:sub": "repo:o/a:ref:refs/heads/main" } }));

    expect(kinds(diffTrustPolicy(before, after, false))).toEqual(["condition-values-removed/info"]);
  });

  test("negated operator inverts value direction", () => {
    const key = "aws:SourceAccount";
    const before = policy(allow({ Service: "ecs-tasks.amazonaws.com" }, "sts:AssumeRole", { StringNotEquals: { [key]: ["1", "2"] } }));
    const fewer = policy(allow({ Service: "ecs-tasks.amazonaws.com" }, "sts:AssumeRole", { StringNotEquals: { [key]: ["1"] } }));
    const more = policy(allow({ Service: "ecs-tasks.amazonaws.com" }, "sts:AssumeRole", { StringNotEquals: { [key]: ["1", "2", "3"] } }));

    expect(kinds(diffTrustPolicy(before, fewer, false))).toEqual(["condition-values-removed/attention"]);
    expect(kinds(diffTrustPolicy(before, more, false))).toEqual(["condition-values-added/info"]);
  });

  test("IfExists suffix added is flagged", () => {
    const before = policy(webIdentity({ StringEquals: { "token.actions.githubusercontent.com:sub": "repo:o/a:environment:prod" } }));
    const after = policy(webIdentity({ StringEqualsIfExists: { "token.actions.githubusercontent.com:sub": "repo:o/a:environment:prod" } }));

    expect(kinds(diffTrustPolicy(before, after, false))).toEqual(["condition-operator-changed/attention"]);
  });

  test("StringLike to StringEquals is informational", () => {
    const before = policy(webIdentity({ StringLike: { "token.actions.githubusercontent.com:sub": "repo:o/a:*" } }));
    const after = policy(webIdentity({ StringEquals: { "token.actions.githubusercontent.com:sub": "repo:o/a:*" } }));

    expect(kinds(diffTrustPolicy(before, after, false))).toEqual(["condition-operator-changed/info"]);
  });

  test("ArnEquals to ArnLike is informational", () => {
    const arn = "arn:aws:iam::111122223333:role/ci";
    const before = policy(allow({ AWS: "arn:aws:iam::111122223333:root" }, "sts:AssumeRole", { ArnEquals: { "aws:PrincipalArn": arn } }));
    const after = policy(allow({ AWS: "arn:aws:iam::111122223333:root" }, "sts:AssumeRole", { ArnLike: { "aws:PrincipalArn": arn } }));

    expect(kinds(diffTrustPolicy(before, after, false))).toEqual(["condition-operator-changed/info"]);
  });

  test("Bool value change is flagged", () => {
    const before = policy(
      allow({ AWS: "arn:aws:iam::111122223333:root" }, "sts:AssumeRole", { Bool: { "aws:MultiFactorAuthPresent": "true" } })
    );
    const after = policy(
      allow({ AWS: "arn:aws:iam::111122223333:root" }, "sts:AssumeRole", { Bool: { "aws:MultiFactorAuthPresent": "false" } })
    );

    expect(diffTrustPolicy(before, after, false)).toEqual([
      {
        topic: "trust-policy",
        kind: "condition-values-changed",
        severity: "attention",
        operator: "Bool",
        key: "aws:MultiFactorAuthPresent",
        before: ["true"],
        after: ["false"],
      },
    ]);
  });

  test("condition key case change is ignored", () => {
    const before = policy(webIdentity({ StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } }));
    const after = policy(webIdentity({ StringEquals: { "Token.Actions.GithubUserContent.com:Aud": "sts.amazonaws.com" } }));

    expect(diffTrustPolicy(before, after, false)).toEqual([]);
  });

  test("condition added to open statement is informational", () => {
    const before = policy(webIdentity());
    const after = policy(webIdentity({ StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } }));

    expect(kinds(diffTrustPolicy(before, after, false))).toEqual(["condition-key-added/info"]);
  });

  test("closest old statement is compared", () => {
    const sub = "token.actions.githubusercontent.com:sub";
    const before = policy(
      webIdentity({ StringEquals: { [sub]: "repo:o/a:ref:refs/heads/main" } }, "Main"),
      webIdentity({ StringLike: { [sub]: "repo:o/a:*" } }, "AnyBranch")
    );
    const after = policy(webIdentity({ StringLike: { [sub]: "repo:o/a:*" } }, "Main"));

    // The new statement is exactly as strict as the old AnyBranch statement, so nothing widens.
    expect(diffTrustPolicy(before, after, false).filter((finding) => finding.severity === "attention")).toEqual([]);
  });

  test("removed Deny statement is flagged", () => {
    const deny = {
      Sid: "NoProd",
      Effect: "Deny",
      Principal: { AWS: "*" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:PrincipalTag/env": "dev" } },
    };
    const before = policy(allow({ AWS: "arn:aws:iam::111122223333:root" }, "sts:AssumeRole"), deny);
    const after = policy(allow({ AWS: "arn:aws:iam::111122223333:root" }, "sts:AssumeRole"));

    expect(diffTrustPolicy(before, after, false)).toEqual([
      { topic: "trust-policy", kind: "deny-statement-removed", severity: "attention", sid: "NoProd" },
    ]);
  });

  test("NotPrincipal statement is flagged", () => {
    const before = policy(allow({ AWS: "arn:aws:iam::111122223333:root" }, "sts:AssumeRole"));
    const after = policy(allow({ AWS: "arn:aws:iam::111122223333:root" }, "sts:AssumeRole"), {
      Effect: "Allow",
      NotPrincipal: { AWS: "arn:aws:iam::444455556666:root" },
      Action: "sts:AssumeRole",
    });

    expect(kinds(diffTrustPolicy(before, after, false))).toEqual(["negated-statement-added/attention"]);
  });

  test("unreadable new policy is flagged", () => {
    const before = policy(webIdentity());

    expect(diffTrustPolicy(before, "{not json", false)).toEqual([
      expect.objectContaining({
        kind: "unparseable",
        severity: "attention",
        side: "after",
        problem: expect.stringContaining("invalid JSON"),
      }),
    ]);
    expect(diffTrustPolicy(before, JSON.stringify({ Version: "2012-10-17" }), false)).toEqual([
      expect.objectContaining({ kind: "unparseable", problem: "the document has no Statement" }),
    ]);
  });
});

describe("trust policy in a replaced role", () => {
  test("replacement and widening are both reported", () => {
    const before = policy(webIdentity({ StringEquals: { "token.actions.githubusercontent.com:sub": "repo:o/a:ref:refs/heads/main" } }));
    const after = policy(webIdentity());
    const plan = {
      format_version: "1.2",
      resource_changes: [
        {
          address: "aws_iam_role.deploy",
          mode: "managed",
          type: "aws_iam_role",
          name: "deploy",
          change: {
            actions: ["create", "delete"],
            before: { name: "deploy", assume_role_policy: before },
            after: { name: "deploy-v2", assume_role_policy: after },
            after_unknown: {},
            replace_paths: [["name"]],
          },
          action_reason: "replace_because_cannot_update",
        },
      ],
    };

    const summary = summarizePlan(plan);
    expect(summary.changes[0].findings.map((finding) => finding.kind)).toEqual(["replaced", "condition-block-dropped"]);

    const markdown = renderPlanSummary(summary);
    expect(markdown).toContain(
      "- `aws_iam_role.deploy`: Replaced (create, then delete): once the old object is deleted, workloads that assume this role lose its access " +
        "unless they already use the new one. Replacement forced by `name` (`deploy` → `deploy-v2`)."
    );
    expect(markdown).toContain("- `aws_iam_role.deploy`: Trust policy drops the Condition block, which required `StringEquals`");
  });
});
