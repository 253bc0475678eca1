/**
 * Parsing of an IAM trust policy (`assume_role_policy`) into a normalized form:
 * one-or-many elements become arrays, principals become type/value pairs and
 * conditions become flat operator/key/values triples, so that two documents can
 * be compared without caring how each was written.
 */
import { compareText } from "./compare-text";
import type { PolicyCondition, TrustPrincipal } from "./model";

/** Statement of a trust policy after normalization. */
export interface NormalizedStatement {
  /** `Sid`, when the statement has one. */
  sid?: string;
  /** `Effect`, `Allow` or `Deny`. */
  effect: "Allow" | "Deny";
  /** Principals from `Principal`; undefined when the statement has no `Principal`. */
  principals?: TrustPrincipal[];
  /** Principals from `NotPrincipal`, when present. */
  notPrincipals?: TrustPrincipal[];
  /** Actions from `Action`; undefined when the statement has no `Action`. */
  actions?: string[];
  /** Actions from `NotAction`, when present. */
  notActions?: string[];
  /** Conditions from `Condition`; empty when the statement has none. */
  conditions: PolicyCondition[];
  /** Canonical JSON of the normalized statement, for equality checks. */
  canonical: string;
}

/** Result of parsing a policy string: the statements, or the reason it could not be read. */
export type ParsedPolicy = { ok: true; statements: NormalizedStatement[] } | { ok: false; problem: string };

const ACCOUNT_ID = /^\d{12}$/;

/** Parses and normalizes a trust policy JSON string. */
export function parseTrustPolicy(text: string): ParsedPolicy {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `invalid JSON (${(error as Error).message})` };
  }

  if (!isRecord(document)) return { ok: false, problem: "the document is not a JSON object" };
  const rawStatements = toArray(document.Statement);
  if (rawStatements.length === 0) return { ok: false, problem: "the document has no Statement" };

  const statements: NormalizedStatement[] = [];
  for (const [index, raw] of rawStatements.entries()) {
    if (!isRecord(raw)) return { ok: false, problem: `Statement[${index}] is not an object` };
    const parsed = normalizeStatement(raw);
    if (typeof parsed === "string") return { ok: false, problem: `Statement[${index}]: ${parsed}` };
    statements.push(parsed);
  }
  return { ok: true, statements };
}

function normalizeStatement(raw: Record<string, unknown>): NormalizedStatement | string {
  const effect = raw.Effect;
  if (effect !== "Allow" && effect !== "Deny") return `Effect is ${JSON.stringify(effect)}, expected "Allow" or "Deny"`;

  const statement: Omit<NormalizedStatement, "canonical"> = {
    effect,
    conditions: normalizeConditions(raw.Condition),
  };
  if (typeof raw.Sid === "string" && raw.Sid !== "") statement.sid = raw.Sid;
  if (raw.Principal !== undefined) statement.principals = normalizePrincipals(raw.Principal);
  if (raw.NotPrincipal !== undefined) statement.notPrincipals = normalizePrincipals(raw.NotPrincipal);
  if (raw.Action !== undefined) statement.actions = toStrings(raw.Action);
  if (raw.NotAction !== undefined) statement.notActions = toStrings(raw.NotAction);

  // Sid is left out of the canonical form because renaming a statement changes nothing it allows.
  const canonical = JSON.stringify({
    effect: statement.effect,
    principals: sortedPrincipals(statement.principals),
    notPrincipals: sortedPrincipals(statement.notPrincipals),
    actions: statement.actions?.map((action) => action.toLowerCase()).sort(),
    notActions: statement.notActions?.map((action) => action.toLowerCase()).sort(),
    conditions: statement.conditions
      .map((condition) => [condition.operator, condition.key.toLowerCase(), [...condition.values].sort()])
      .sort((left, right) => compareText(JSON.stringify(left), JSON.stringify(right))),
  });
  return { ...statement, canonical };
}

/**
 * Normalizes a `Principal` element. `"*"` and `{"AWS": "*"}` both mean any
 * principal and become `AWS *`. A bare 12-digit account ID becomes
 * `arn:aws:iam::ID:root`, the form IAM stores it in.
 */
function normalizePrincipals(element: unknown): TrustPrincipal[] {
  if (element === "*") return [{ type: "AWS", value: "*" }];
  if (!isRecord(element)) return [{ type: "unknown", value: JSON.stringify(element) }];

  const principals: TrustPrincipal[] = [];
  for (const [type, values] of Object.entries(element)) {
    for (const value of toStrings(values)) {
      // NOTE: the root ARN always uses the `aws` partition, so an account ID written
      // plainly in an aws-cn or aws-us-gov policy compares as a different principal.
      const normalized = type === "AWS" && ACCOUNT_ID.test(value) ? `arn:aws:iam::${value}:root` : value;
      principals.push({ type, value: normalized });
    }
  }
  return principals;
}

function normalizeConditions(element: unknown): PolicyCondition[] {
  if (!isRecord(element)) return [];

  const conditions: PolicyCondition[] = [];
  for (const [operator, tests] of Object.entries(element)) {
    if (!isRecord(tests)) continue;
    for (const [key, values] of Object.entries(tests)) {
      conditions.push({ operator, key, values: toStrings(values) });
    }
  }
  return conditions;
}

function sortedPrincipals(principals: TrustPrincipal[] | undefined): string[] | undefined {
  return principals?.map((principal) => `${principal.type}|${principal.value}`).sort(compareText);
}

function toArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Converts a one-or-many element to strings; IAM treats `true` and `"true"` alike. */
function toStrings(value: unknown): string[] {
  return toArray(value).map((item) => (typeof item === "string" ? item : JSON.stringify(item)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
