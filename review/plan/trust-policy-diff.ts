/**
 * Semantic comparison of two IAM trust policies (`assume_role_policy` values):
 * which principals may call which actions, under which conditions.
 */
import { diffConditions } from "./condition-diff";
import type { TrustPolicyFinding, TrustPrincipal } from "./model";
import { parseTrustPolicy, type NormalizedStatement } from "./trust-policy-parse";

/** Allow statement with both `Principal` and `Action`, the form that grants role assumption. */
interface Grant {
  statement: NormalizedStatement;
  principals: TrustPrincipal[];
  actions: string[];
}

/**
 * Compares the trust policy JSON strings before and after a change.
 * Returns one "unknown-after-apply" finding when Terraform cannot know the new
 * policy yet, and one "unparseable" finding when either side is not a policy.
 * Otherwise returns findings for added or removed principals and actions,
 * changed conditions, and Deny or NotPrincipal/NotAction statements.
 */
export function diffTrustPolicy(before: unknown, after: unknown, afterUnknown: boolean): TrustPolicyFinding[] {
  if (afterUnknown) return [{ topic: "trust-policy", kind: "unknown-after-apply", severity: "attention" }];

  const oldPolicy = parseSide(before);
  if (!oldPolicy.ok)
    return [{ topic: "trust-policy", kind: "unparseable", severity: "attention", side: "before", problem: oldPolicy.problem }];
  const newPolicy = parseSide(after);
  if (!newPolicy.ok)
    return [{ topic: "trust-policy", kind: "unparseable", severity: "attention", side: "after", problem: newPolicy.problem }];

  const oldGrants = grantsOf(oldPolicy.statements);
  const newGrants = grantsOf(newPolicy.statements);
  return [
    ...addedAccess(oldGrants, newGrants),
    ...removedAccess(oldGrants, newGrants),
    ...conditionChanges(oldGrants, newGrants),
    ...denyChanges(oldPolicy.statements, newPolicy.statements),
    ...negatedStatementsAdded(oldPolicy.statements, newPolicy.statements),
  ];
}

function parseSide(value: unknown): ReturnType<typeof parseTrustPolicy> {
  if (typeof value !== "string") return { ok: false, problem: `the value is ${value === null ? "null" : typeof value}, not a JSON string` };
  return parseTrustPolicy(value);
}

function grantsOf(statements: NormalizedStatement[]): Grant[] {
  const grants: Grant[] = [];
  for (const statement of statements) {
    if (statement.effect !== "Allow" || statement.principals === undefined || statement.actions === undefined) continue;
    grants.push({ statement, principals: statement.principals, actions: statement.actions });
  }
  return grants;
}

/** Reports new principals, and new actions for principals that were already trusted. */
function addedAccess(oldGrants: Grant[], newGrants: Grant[]): TrustPolicyFinding[] {
  const { unmatchedPrincipals, unmatchedActions } = uncoveredAccess(newGrants, oldGrants);
  return [
    ...unmatchedPrincipals.map(
      ({ principal, actions }): TrustPolicyFinding => ({
        topic: "trust-policy",
        kind: "principal-added",
        severity: "attention",
        principal,
        actions,
      })
    ),
    ...unmatchedActions.map(
      ({ principal, action }): TrustPolicyFinding => ({
        topic: "trust-policy",
        kind: "action-added",
        severity: "attention",
        principal,
        action,
      })
    ),
  ];
}

function removedAccess(oldGrants: Grant[], newGrants: Grant[]): TrustPolicyFinding[] {
  const { unmatchedPrincipals, unmatchedActions } = uncoveredAccess(oldGrants, newGrants);
  return [
    ...unmatchedPrincipals.map(
      ({ principal, actions }): TrustPolicyFinding => ({
        topic: "trust-policy",
        kind: "principal-removed",
        severity: "info",
        principal,
        actions,
      })
    ),
    ...unmatchedActions.map(
      ({ principal, action }): TrustPolicyFinding => ({
        topic: "trust-policy",
        kind: "action-removed",
        severity: "info",
        principal,
        action,
      })
    ),
  ];
}

/**
 * Finds principal/action pairs of `grants` that no grant of `reference` covers,
 * split into principals that `reference` does not trust at all and extra actions
 * for principals that it does trust.
 */
function uncoveredAccess(grants: Grant[], reference: Grant[]) {
  const unmatchedPrincipals: { principal: TrustPrincipal; actions: string[] }[] = [];
  const unmatchedActions: { principal: TrustPrincipal; action: string }[] = [];

  for (const grant of grants) {
    for (const principal of grant.principals) {
      const trusting = reference.filter((candidate) => coversPrincipal(candidate, principal));
      for (const action of grant.actions) {
        if (trusting.some((candidate) => coversAction(candidate, action))) continue;

        if (trusting.length > 0) {
          if (!unmatchedActions.some((entry) => samePrincipal(entry.principal, principal) && entry.action === action)) {
            unmatchedActions.push({ principal, action });
          }
          continue;
        }
        const entry = unmatchedPrincipals.find((candidate) => samePrincipal(candidate.principal, principal));
        if (entry === undefined) unmatchedPrincipals.push({ principal, actions: [action] });
        else if (!entry.actions.includes(action)) entry.actions.push(action);
      }
    }
  }
  return { unmatchedPrincipals, unmatchedActions };
}

/**
 * Compares the conditions of each new grant with the old grants that cover its
 * principal/action pairs. When several old grants cover it, access already
 * passed if any of them passed, so the least widening comparison is reported,
 * preferring the old statement with the same Sid on a tie.
 */
function conditionChanges(oldGrants: Grant[], newGrants: Grant[]): TrustPolicyFinding[] {
  const findings: TrustPolicyFinding[] = [];
  for (const grant of newGrants) {
    // NOTE: the covering set is the union over all pairs of the new grant, so a
    // grant whose pairs are covered by different old statements is compared with each.
    const covering = oldGrants.filter((old) =>
      grant.principals.some((principal) => coversPrincipal(old, principal) && grant.actions.some((action) => coversAction(old, action)))
    );
    if (covering.length === 0) continue;

    const sid = grant.statement.sid;
    const newConditions = grant.statement.conditions;
    if (covering.some((old) => old.statement.conditions.length === 0)) {
      findings.push(...diffConditions([], newConditions, sid));
      continue;
    }

    const ordered = [...covering].sort((left, right) => Number(right.statement.sid === sid) - Number(left.statement.sid === sid));
    if (newConditions.length === 0) {
      findings.push({
        topic: "trust-policy",
        kind: "condition-block-dropped",
        severity: "attention",
        ...(sid === undefined ? {} : { sid }),
        removed: ordered[0].statement.conditions,
      });
      continue;
    }

    const candidates = ordered.map((old) => diffConditions(old.statement.conditions, newConditions, sid));
    let best = candidates[0];
    for (const candidate of candidates) {
      if (attentionCount(candidate) < attentionCount(best)) best = candidate;
    }
    findings.push(...best);
  }
  return findings;
}

function denyChanges(oldStatements: NormalizedStatement[], newStatements: NormalizedStatement[]): TrustPolicyFinding[] {
  const oldDenies = oldStatements.filter((statement) => statement.effect === "Deny");
  const newDenies = newStatements.filter((statement) => statement.effect === "Deny");
  const findings: TrustPolicyFinding[] = [];
  for (const statement of oldDenies) {
    if (newDenies.some((candidate) => candidate.canonical === statement.canonical)) continue;
    findings.push({ topic: "trust-policy", kind: "deny-statement-removed", severity: "attention", ...sidOf(statement) });
  }
  for (const statement of newDenies) {
    if (oldDenies.some((candidate) => candidate.canonical === statement.canonical)) continue;
    findings.push({ topic: "trust-policy", kind: "deny-statement-added", severity: "info", ...sidOf(statement) });
  }
  return findings;
}

/** Reports new Allow statements that use NotPrincipal or NotAction, which admit everything they do not name. */
function negatedStatementsAdded(oldStatements: NormalizedStatement[], newStatements: NormalizedStatement[]): TrustPolicyFinding[] {
  const findings: TrustPolicyFinding[] = [];
  for (const statement of newStatements) {
    if (statement.effect !== "Allow") continue;
    const elements = [
      ...(statement.notPrincipals === undefined ? [] : ["NotPrincipal"]),
      ...(statement.notActions === undefined ? [] : ["NotAction"]),
    ];
    if (elements.length === 0) continue;
    if (oldStatements.some((candidate) => candidate.canonical === statement.canonical)) continue;
    findings.push({ topic: "trust-policy", kind: "negated-statement-added", severity: "attention", ...sidOf(statement), elements });
  }
  return findings;
}

/** Reports whether the grant trusts the principal; `AWS *` trusts every principal. */
function coversPrincipal(grant: Grant, principal: TrustPrincipal): boolean {
  return grant.principals.some((candidate) => samePrincipal(candidate, principal) || (candidate.type === "AWS" && candidate.value === "*"));
}

/** Reports whether an action pattern of the grant matches the action; IAM action names are case-insensitive. */
function coversAction(grant: Grant, action: string): boolean {
  return grant.actions.some((pattern) => wildcardPattern(pattern).test(action));
}

function samePrincipal(left: TrustPrincipal, right: TrustPrincipal): boolean {
  return left.type === right.type && left.value === right.value;
}

/** Converts an IAM action pattern (`*` any run, `?` one character) to an anchored regular expression. */
function wildcardPattern(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "i");
}

function attentionCount(findings: TrustPolicyFinding[]): number {
  return findings.filter((finding) => finding.severity === "attention").length;
}

function sidOf(statement: NormalizedStatement): { sid?: string } {
  return statement.sid === undefined ? {} : { sid: statement.sid };
}
