/** Questions rules ask about one policy statement. */
import { PolicyCondition, PolicyPrincipal, PolicyStatement } from "./policy";
import { hasInterpolation, literalSuffix, literalText } from "./tokens";

/** IAM action names compare without case. */
export function sameAction(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** True when an action pattern (`sts:*`, `*`, `sts:Tag*`) covers the named action. */
export function actionCovers(pattern: string, action: string): boolean {
  if (hasInterpolation(pattern)) return false;
  const re = new RegExp(
    "^" + pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$",
    "i",
  );
  return re.test(action);
}

/** True when the statement's literal actions allow the named action. */
export function allowsAction(st: PolicyStatement, action: string): boolean {
  return st.actions.some((a) => actionCovers(a, action));
}

/** True when the statement names the action exactly (not through a wildcard). */
export function namesAction(st: PolicyStatement, action: string): boolean {
  return st.actions.some((a) => sameAction(a, action));
}

/** True when some action is an interpolation, so the action list is not fully known. */
export function actionsUnknown(st: PolicyStatement): boolean {
  return !st.known || st.actions.some(hasInterpolation);
}

/** Principals of one type (`Federated`, `Service`, `AWS`), compared without case. */
export function principalsOfType(st: PolicyStatement, type: string): PolicyPrincipal[] {
  return st.principals.filter((p) => p.type.toLowerCase() === type.toLowerCase());
}

/** Collects every identifier of one principal type. */
export function identifiersOfType(st: PolicyStatement, type: string): string[] {
  return principalsOfType(st, type).flatMap((p) => p.identifiers);
}

/** True for operators that pin a key to values: not negated, not `Null`. */
export function isPositiveOperator(test: string): boolean {
  const op = test.replace(/^(ForAllValues|ForAnyValue):/i, "").replace(/IfExists$/i, "");
  return !/Not/i.test(op) && op.toLowerCase() !== "null";
}

/** Strips the set prefix and `IfExists` suffix from an operator and lower-cases it. */
export function baseOperator(test: string): string {
  return test
    .replace(/^(ForAllValues|ForAnyValue):/i, "")
    .replace(/IfExists$/i, "")
    .toLowerCase();
}

/** Returns the claim a condition key names after its last colon when that part is literal (`sub` for `host/id:sub`). */
export function claimOf(cond: PolicyCondition): string | undefined {
  const suffix = literalSuffix(cond.variable);
  const colon = suffix.lastIndexOf(":");
  if (colon < 0) return undefined;
  return suffix.slice(colon + 1).toLowerCase();
}

/** True when some condition key is a whole expression, so any key could be present. */
export function hasUnknownKey(st: PolicyStatement): boolean {
  return st.conditions.some((c) => hasInterpolation(c.variable) && claimOf(c) === undefined);
}

/** True for a literal value with a `*` or `?` outside interpolations. */
export function hasWildcard(value: string): boolean {
  return /[*?]/.test(literalText(value));
}
