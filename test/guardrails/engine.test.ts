import { formatFinding, pathCovers, runRules } from "../../constructs/guardrails/engine";
import { Rule } from "../../constructs/guardrails/model";
import { atlasUserAuthDb } from "../../constructs/guardrails/rules/atlas/user-auth-db";
import { ALL_RULES } from "../../constructs/guardrails/rules";
import { atlasUser, ctxOf, res } from "./fixture";

const badUser = atlasUser("u", { auth_database_name: "admin" });

describe("runRules", () => {
  it("reports a finding that no suppression covers", () => {
    const { findings, suppressed } = runRules(ctxOf([badUser]), [atlasUserAuthDb], []);
    expect(findings.map((f) => f.ruleId)).toEqual(["ATLAS-USER-AUTH-DB"]);
    expect(suppressed).toEqual([]);
  });

  it("moves a finding under a parent path suppression with a reason to suppressed", () => {
    const reason = "legacy user kept until the migration ends";
    const { findings, suppressed } = runRules(ctxOf([badUser]), [atlasUserAuthDb], [{ ruleId: "ATLAS-USER-AUTH-DB", path: "stack", reason }]);
    expect(findings).toEqual([]);
    expect(suppressed.map((s) => [s.finding.path, s.suppression.reason])).toEqual([["stack/u", reason]]);
  });

  it("rejects a suppression with a short reason and keeps the finding", () => {
    const { findings, suppressed } = runRules(ctxOf([badUser]), [atlasUserAuthDb], [{ ruleId: "ATLAS-USER-AUTH-DB", path: "stack/u", reason: "ok" }]);
    expect(suppressed).toEqual([]);
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ["ATLAS-USER-AUTH-DB", "error"],
      ["GUARDRAIL-SUPPRESSION-REASON", "error"],
    ]);
    expect(findings[1].message).toBe("a suppression needs a reason of at least 10 characters, so reviewers see why the rule does not apply");
  });

  it("does not let a path cover a sibling that only shares its prefix", () => {
    expect(pathCovers("stack/app", "stack/app/role")).toBe(true);
    expect(pathCovers("stack/app", "stack/application")).toBe(false);
  });

  it("warns about a suppression naming a rule that does not run", () => {
    const { findings } = runRules(ctxOf([]), [atlasUserAuthDb], [{ ruleId: "NO-SUCH-RULE", path: "stack", reason: "a reason long enough" }]);
    expect(findings.map((f) => [f.ruleId, f.severity, f.received])).toEqual([["GUARDRAIL-SUPPRESSION-UNKNOWN-RULE", "warning", '"NO-SUCH-RULE"']]);
  });

  it("downgrades a crashing rule to a warning", () => {
    const broken: Rule = { ...atlasUserAuthDb, id: "BROKEN", check: () => { throw new Error("boom"); } };
    const { findings } = runRules(ctxOf([badUser]), [broken, atlasUserAuthDb], []);
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ["GUARDRAIL-RULE-FAILED", "warning"],
      ["ATLAS-USER-AUTH-DB", "error"],
    ]);
    expect(findings[0]).toMatchObject({ field: "BROKEN", received: "boom", message: "rule BROKEN failed and was skipped; its checks did not run on this stack" });
  });

  it("finds nothing when every checked value is only known at apply time", () => {
    const unknown = [
      res("mongodbatlas_database_user", "u", {
        project_id: "${var.project}",
        username: "${var.username}",
        auth_database_name: "${var.db}",
        aws_iam_type: "${var.type}",
        roles: "${var.roles}",
        scopes: "${var.scopes}",
      }),
      res("aws_iam_role", "r", {
        name: "${var.name}",
        path: "${var.path}",
        assume_role_policy: "${jsonencode(local.trust)}",
        max_session_duration: "${var.seconds}",
        tags: "${var.tags}",
      }),
    ];
    expect(runRules(ctxOf(unknown), ALL_RULES, []).findings).toEqual([]);
  });
});

describe("formatFinding", () => {
  it("names rule, path, field, value and fix on one line", () => {
    const [f] = runRules(ctxOf([badUser]), [atlasUserAuthDb], []).findings;
    expect(formatFinding(f)).toBe(
      '[ATLAS-USER-AUTH-DB] stack/u: auth_database_name: auth_database_name must be "$external" for an IAM user; got "admin"; fix: Set auth_database_name to "$external".',
    );
  });
});

describe("ALL_RULES", () => {
  it("has unique upper-case ids with description, reason and fix", () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const badIds = ALL_RULES.filter((r) => !/^[A-Z0-9]+(-[A-Z0-9]+)+$/.test(r.id)).map((r) => r.id);
    const thin = ALL_RULES.filter((r) => ![r.description, r.reason, r.fix].every((t) => t.length > 20)).map((r) => r.id);
    expect({ badIds, thin }).toEqual({ badIds: [], thin: [] });
  });
});
