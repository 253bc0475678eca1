import { PlanInputError } from "../../review/plan/plan-input";
import { renderPlanSummary } from "../../review/plan/render";
import { summarizePlan } from "../../review/plan/summarize";

function roleChange(address: string, actions: string[], extra: object = {}): object {
  return {
    address,
    mode: "managed",
    type: "aws_iam_role",
    name: "r",
    change: { actions, before: { name: "r" }, after: { name: "r" }, after_unknown: {} },
    ...extra,
  };
}

function plan(changes: object[], extra: object = {}): object {
  return { format_version: "1.2", terraform_version: "1.11.4", resource_changes: changes, ...extra };
}

function errorOf(input: unknown): PlanInputError {
  try {
    summarizePlan(input);
  } catch (error) {
    if (error instanceof PlanInputError) return error;
    throw error;
  }
  throw new Error("summarizePlan accepted the input");
}

describe("plan input checks", () => {
  test("non-object input is rejected", () => {
    expect(errorOf([1, 2]).message).toBe(
      "top-level value is an array, expected a JSON object; pass the output of `terraform show -json PLANFILE`"
    );
  });

  test("missing format_version is rejected", () => {
    expect(errorOf({ resource_changes: [] }).message).toBe(
      "format_version is missing, so this is not Terraform JSON output; pass the output of `terraform show -json PLANFILE`"
    );
  });

  test("state JSON is rejected", () => {
    expect(errorOf({ format_version: "1.0", values: {} }).message).toContain(
      "resource_changes and planned_values are missing, so this is not a plan"
    );
  });

  test("unsupported major version is rejected", () => {
    expect(errorOf(plan([], { format_version: "2.0" })).message).toBe(
      'format_version is "2.0", but only major version 1 is supported; produce the plan JSON with Terraform 1.x or update this reader'
    );
  });

  test("invalid field names path and resource", () => {
    const input = plan([roleChange("aws_iam_role.a", []), { ...roleChange("aws_iam_role.b", ["create"]), change: { actions: "create" } }]);

    expect(errorOf(input).message).toBe(
      "resource_changes[0].change.actions (resource aws_iam_role.a) is invalid: Too small: expected array to have >=1 items; " +
        "pass the output of `terraform show -json PLANFILE`"
    );
  });

  test("missing field is reported as missing", () => {
    const input = plan([{ address: "aws_iam_role.a", type: "aws_iam_role", change: { actions: ["create"] } }]);

    expect(errorOf(input).message).toBe(
      "resource_changes[0].name (resource aws_iam_role.a) is missing; pass the output of `terraform show -json PLANFILE`"
    );
  });

  test("unknown action list is rejected", () => {
    expect(errorOf(plan([roleChange("aws_iam_role.a", ["create", "update"])])).message).toBe(
      'change.actions of aws_iam_role.a is ["create","update"], which this reader does not know; ' +
        "expected one of create, update, delete, delete+create, create+delete, create+forget, no-op, read, forget"
    );
  });

  test("unknown fields are ignored", () => {
    const summary = summarizePlan(plan([roleChange("aws_iam_role.a", ["update"], { future_field: 1 })], { new_top_level: true }));

    expect(summary.changes.map((change) => change.address)).toEqual(["aws_iam_role.a"]);
  });

  test("plan without resources has no changes", () => {
    const summary = summarizePlan({ format_version: "1.2", planned_values: { root_module: {} } });

    expect(summary.changes).toEqual([]);
    expect(summary.unchangedCount).toBe(0);
  });
});

describe("plan summary ordering and rendering", () => {
  test("changes sort by address code points", () => {
    const summary = summarizePlan(
      plan([
        roleChange('module.b.aws_iam_role.r["x"]', ["update"]),
        roleChange("aws_iam_role.b", ["update"]),
        roleChange("aws_iam_role.B", ["update"]),
        roleChange("aws_iam_role.a[1]", ["update"]),
        roleChange("aws_iam_role.a[0]", ["update"]),
      ])
    );

    expect(summary.changes.map((change) => change.address)).toEqual([
      "aws_iam_role.B",
      "aws_iam_role.a[0]",
      "aws_iam_role.a[1]",
      "aws_iam_role.b",
      'module.b.aws_iam_role.r["x"]',
    ]);
  });

  test("deposed object sorts after current object", () => {
    const summary = summarizePlan(
      plan([roleChange("aws_iam_role.a", ["delete"], { deposed: "00000001" }), roleChange("aws_iam_role.a", ["create"])])
    );

    expect(summary.changes.map((change) => [change.kind, change.deposed])).toEqual([
      ["create", undefined],
      ["delete", "00000001"],
    ]);
    expect(renderPlanSummary(summary)).toContain(
      "- `aws_iam_role.a` (deposed object `00000001`): Deleted, so workloads that assume this role lose its access."
    );
  });

  test("create then forget is flagged", () => {
    const summary = summarizePlan(plan([roleChange("aws_iam_role.a", ["create", "forget"])]));

    expect(summary.changes[0].findings).toEqual([
      { topic: "lifecycle", kind: "replaced", severity: "attention", order: "create-then-forget", forcedBy: [] },
    ]);
    expect(renderPlanSummary(summary)).toContain(
      "- `aws_iam_role.a`: Replaced (create, then forget): the old object leaves the Terraform state but is not deleted, so it keeps its access outside Terraform."
    );
  });

  test("resources of other types are skipped", () => {
    const other = { ...roleChange("aws_iam_policy.p", ["delete"]), type: "aws_iam_policy" };

    expect(summarizePlan(plan([other])).changes).toEqual([]);
  });

  test("errored plan carries a notice", () => {
    const summary = summarizePlan(plan([roleChange("aws_iam_role.a", ["update"])], { errored: true }));

    expect(summary.complete).toBe(false);
    expect(renderPlanSummary(summary)).toContain("> **Note:** Terraform marked this plan as errored or incomplete");
  });

  test("plan values cannot break out of code spans", () => {
    const change = roleChange("aws_iam_role.a", ["create"]);
    const input = plan([
      { ...change, change: { actions: ["create"], before: null, after: { name: "x`y\n# heading" }, after_unknown: {} } },
    ]);

    expect(renderPlanSummary(summarizePlan(input))).toContain("- **create** `aws_iam_role.a` (name ``x`y # heading``)");
  });

  test("sensitive values are not shown", () => {
    const change = {
      address: "mongodbatlas_database_user.u",
      mode: "managed",
      type: "mongodbatlas_database_user",
      name: "u",
      change: {
        actions: ["delete", "create"],
        before: { username: "secret-old", project_id: "p" },
        after: { username: "secret-new", project_id: "p" },
        after_unknown: {},
        before_sensitive: { username: true },
        after_sensitive: { username: true },
        replace_paths: [["username"]],
      },
    };
    const markdown = renderPlanSummary(summarizePlan(plan([change])));

    expect(markdown).not.toContain("secret-");
    expect(markdown).toContain("Replacement forced by `username`.");
    expect(markdown).toContain("(username: sensitive; project_id `p`;");
  });
});

describe("Atlas user access diff", () => {
  function userUpdate(before: object, after: object, afterUnknown: object = {}): object {
    return {
      address: "mongodbatlas_database_user.u",
      mode: "managed",
      type: "mongodbatlas_database_user",
      name: "u",
      change: {
        actions: ["update"],
        before: { username: "u", ...before },
        after: { username: "u", ...after },
        after_unknown: afterUnknown,
      },
    };
  }

  test("collection restriction added is informational", () => {
    const summary = summarizePlan(
      plan([
        userUpdate(
          { roles: [{ role_name: "read", database_name: "orders", collection_name: null }] },
          { roles: [{ role_name: "read", database_name: "orders", collection_name: "items" }] }
        ),
      ])
    );

    expect(summary.changes[0].findings).toEqual([
      {
        topic: "atlas-user",
        kind: "collection-restriction-added",
        severity: "info",
        role: { roleName: "read", databaseName: "orders", collectionName: "items" },
      },
    ]);
  });

  test("extra scope on scoped user is flagged", () => {
    const summary = summarizePlan(
      plan([
        userUpdate(
          { scopes: [{ name: "prod-0", type: "CLUSTER" }] },
          {
            scopes: [
              { name: "prod-0", type: "CLUSTER" },
              { name: "lake", type: "DATA_LAKE" },
            ],
          }
        ),
      ])
    );

    expect(summary.changes[0].findings).toEqual([
      { topic: "atlas-user", kind: "scope-added", severity: "attention", scope: { name: "lake", type: "DATA_LAKE" } },
    ]);
    expect(renderPlanSummary(summary)).toContain("- `mongodbatlas_database_user.u`: Atlas user can now reach DATA_LAKE `lake`.");
  });

  test("unknown roles are known after apply", () => {
    const summary = summarizePlan(plan([userUpdate({ roles: [] }, {}, { roles: true })]));

    expect(summary.changes[0].findings).toEqual([
      { topic: "atlas-user", kind: "unknown-after-apply", severity: "attention", attribute: "roles" },
    ]);
  });
});
