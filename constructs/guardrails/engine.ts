/** Runs rules over one stack and applies suppressions. */
import { Finding, Rule, RuleContext, Suppression } from "./model";

/** Shortest accepted suppression reason, in characters after trimming. */
export const MIN_REASON_LENGTH = 10;

/** Id of findings about a suppression without a usable reason. */
export const SUPPRESSION_REASON_ID = "GUARDRAIL-SUPPRESSION-REASON";
/** Id of findings about a suppression naming no known rule. */
export const SUPPRESSION_UNKNOWN_RULE_ID = "GUARDRAIL-SUPPRESSION-UNKNOWN-RULE";
/** Id of findings about a rule that threw instead of returning findings. */
export const RULE_FAILED_ID = "GUARDRAIL-RULE-FAILED";

/** A finding that a suppression silenced, with the suppression's reason. */
export interface SuppressedFinding {
  finding: Finding;
  suppression: Suppression;
}

/** Result of one run: findings to act on and findings silenced by suppressions. */
export interface RunResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

/** True when the suppression path is the finding's path or a parent of it. */
export function pathCovers(prefix: string, path: string): boolean {
  const p = prefix.replace(/\/+$/, "");
  return path === p || path.startsWith(p + "/");
}

function suppressionProblems(suppressions: Suppression[], ruleIds: Set<string>): { valid: Suppression[]; problems: Finding[] } {
  const valid: Suppression[] = [];
  const problems: Finding[] = [];
  for (const s of suppressions) {
    const reason = typeof s.reason === "string" ? s.reason.trim() : "";
    if (reason.length < MIN_REASON_LENGTH) {
      problems.push({
        ruleId: SUPPRESSION_REASON_ID,
        severity: "error",
        path: s.path,
        address: "",
        field: `suppression of ${s.ruleId}`,
        received: JSON.stringify(s.reason ?? ""),
        message: `a suppression needs a reason of at least ${MIN_REASON_LENGTH} characters, so reviewers see why the rule does not apply`,
        fix: `suppressRule(construct, '${s.ruleId}', '<why this finding is acceptable here>')`,
      });
      continue;
    }
    if (!ruleIds.has(s.ruleId)) {
      problems.push({
        ruleId: SUPPRESSION_UNKNOWN_RULE_ID,
        severity: "warning",
        path: s.path,
        address: "",
        field: "suppression",
        received: JSON.stringify(s.ruleId),
        message: "the suppression names no rule that runs, so it silences nothing",
        fix: "Use a rule id from docs/rules.md, or remove the suppression.",
      });
    }
    valid.push(s);
  }
  return { valid, problems };
}

function runOne(rule: Rule, ctx: RuleContext): Finding[] {
  try {
    return rule.check(ctx);
  } catch (err) {
    return [
      {
        ruleId: RULE_FAILED_ID,
        severity: "warning",
        path: ctx.stackName,
        address: "",
        field: rule.id,
        received: err instanceof Error ? err.message : String(err),
        message: `rule ${rule.id} failed and was skipped; its checks did not run on this stack`,
        fix: "Report the stack shape that makes the rule fail; suppressing other findings is not needed.",
      },
    ];
  }
}

function order(a: Finding, b: Finding): number {
  return a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId) || a.field.localeCompare(b.field);
}

/**
 * Runs every rule on the context. A rule that throws yields a warning instead of
 * stopping the run. A suppression whose reason is shorter than MIN_REASON_LENGTH
 * characters is ignored and reported as an error.
 */
export function runRules(ctx: RuleContext, rules: readonly Rule[], suppressions: readonly Suppression[]): RunResult {
  const { valid, problems } = suppressionProblems([...suppressions], new Set(rules.map((r) => r.id)));
  const findings: Finding[] = [...problems];
  const suppressed: SuppressedFinding[] = [];
  for (const rule of rules) {
    for (const finding of runOne(rule, ctx)) {
      const match = valid.find((s) => s.ruleId === finding.ruleId && pathCovers(s.path, finding.path));
      if (match) suppressed.push({ finding, suppression: match });
      else findings.push(finding);
    }
  }
  return { findings: findings.sort(order), suppressed };
}

/** Formats a finding as one line: `[RULE-ID] path: field: message; got value; fix: ...`. */
export function formatFinding(f: Finding): string {
  return `[${f.ruleId}] ${f.path}: ${f.field}: ${f.message}; got ${f.received}; fix: ${f.fix}`;
}
