/**
 * Decides whether an IAM role's trust policy lets a caller assume the role, offline.
 *
 * Engine choice: pbac 0.3.2 (MIT) does the IAM-style value comparisons and action
 * wildcard matching. `@cloud-copilot/iam-simulate` is a fuller simulator but is licensed
 * AGPL-3.0. Its `runSimulation` (0.1.100) also keeps only the context keys that its action
 * catalogue or the global key list allows for the request
 * (src/simulation_engine/contextKeys.ts) and reports the rest in `ignoredContextKeys`. An EKS issuer key such as
 * `oidc.eks.us-east-1.amazonaws.com/id/<id>:sub` names one cluster, so no catalogue can
 * list it. A caller who does not inspect `ignoredContextKeys` then evaluates an IRSA policy
 * without the subject, and the right service account is denied.
 *
 * What pbac does here: it validates each statement's Effect/Action/Condition shape against
 * its JSON schema (`new PBAC(...)`), matches `Action`/`NotAction` patterns
 * (`evaluateAction`, after both sides are lower-cased because IAM action names are
 * case-insensitive), and compares single values inside conditions.
 *
 * What this adapter does: it parses and checks the policy (a trust policy must have a
 * Principal or NotPrincipal and must not have Resource), matches principals
 * (iam-principal.ts), applies IAM's condition rules around pbac's comparisons
 * (iam-condition.ts), and combines statements: any matching Deny gives `ExplicitDeny`,
 * otherwise any matching Allow gives `Allow`, otherwise `ImplicitDeny`.
 *
 * NOTE: only the trust policy is evaluated. SCPs, RCPs, the caller's identity policy (for
 * an AWS principal in another account) and session policies are out of scope.
 */
import { conditionMatches, type ConditionElement, type PbacComparisons, type RequestContext } from "./iam-condition";
import { principalMatches, type PrincipalElement, type TrustPrincipal } from "./iam-principal";

export type { RequestContext } from "./iam-condition";
export type { TrustPrincipal, TrustPrincipalType } from "./iam-principal";

/** An sts:AssumeRole* request against one role. */
export interface TrustRequest {
  principal: TrustPrincipal;
  /** Action such as `sts:AssumeRoleWithWebIdentity`, compared case-insensitively. */
  action: string;
  /** Condition context keys, such as `aws:SourceAccount` or `<issuer>:sub`. */
  context: RequestContext;
}

/** Result of evaluating a trust policy for one request. */
export type TrustDecision = "Allow" | "ImplicitDeny" | "ExplicitDeny";

/** The part of a pbac instance the evaluator calls. */
interface PbacInstance extends PbacComparisons {
  evaluateAction(actions: string[], action: string): string | undefined;
}

type PbacConstructor = new (policies: object[]) => PbacInstance;

// pbac ships no type declarations, so its constructor is typed by the interface above.
const PBAC = require("pbac") as PbacConstructor;

/** One statement after parsing, with single strings widened to arrays. */
interface TrustStatement {
  where: string;
  effect: "Allow" | "Deny";
  principal?: PrincipalElement;
  notPrincipal?: PrincipalElement;
  action?: string[];
  notAction?: string[];
  condition?: ConditionElement;
}

/**
 * Evaluates `policy` (a JSON string or a parsed object) for `request`.
 *
 * @throws Error naming the statement and field when the policy is not a valid trust
 *   policy, and errors from iam-principal.ts and iam-condition.ts for inputs they
 *   cannot evaluate faithfully.
 */
export function evaluateTrustPolicy(policy: string | object, request: TrustRequest): TrustDecision {
  const statements = parseTrustPolicy(policy);
  const pbac = new PBAC([
    {
      Version: "2012-10-17",
      Statement: statements.map((statement) => ({
        Effect: statement.effect,
        ...(statement.action ? { Action: statement.action } : { NotAction: statement.notAction }),
        ...(statement.condition ? { Condition: statement.condition } : {}),
      })),
    },
  ]);

  const applies = (statement: TrustStatement): boolean =>
    statementPrincipalMatches(statement, request.principal) &&
    statementActionMatches(statement, request.action, pbac) &&
    conditionMatches(statement.condition, request.context, pbac, `${statement.where}.Condition`);

  if (statements.some((statement) => statement.effect === "Deny" && applies(statement))) {
    return "ExplicitDeny";
  }
  if (statements.some((statement) => statement.effect === "Allow" && applies(statement))) {
    return "Allow";
  }
  return "ImplicitDeny";
}

function statementPrincipalMatches(statement: TrustStatement, principal: TrustPrincipal): boolean {
  if (statement.principal !== undefined) {
    return principalMatches(statement.principal, principal);
  }
  return !principalMatches(statement.notPrincipal!, principal);
}

function statementActionMatches(statement: TrustStatement, action: string, pbac: PbacInstance): boolean {
  const requested = action.toLowerCase();
  if (statement.action !== undefined) {
    return pbac.evaluateAction(lowerCaseAll(statement.action), requested) !== undefined;
  }
  return pbac.evaluateAction(lowerCaseAll(statement.notAction!), requested) === undefined;
}

function lowerCaseAll(values: string[]): string[] {
  return values.map((value) => value.toLowerCase());
}

/** Parses a trust policy and checks the fields IAM requires or prohibits. */
function parseTrustPolicy(policy: string | object): TrustStatement[] {
  const document: unknown = typeof policy === "string" ? parseJson(policy) : policy;
  if (!isRecord(document) || document.Statement === undefined) {
    throw new Error(`Invalid trust policy: expected an object with a Statement field, received ${preview(document)}.`);
  }

  const rawStatements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  return rawStatements.map((raw, index) => parseStatement(raw, `Statement[${index}]`));
}

function parseStatement(raw: unknown, where: string): TrustStatement {
  if (!isRecord(raw)) {
    throw new Error(`Invalid ${where}: expected an object, received ${preview(raw)}.`);
  }
  if (raw.Effect !== "Allow" && raw.Effect !== "Deny") {
    throw new Error(`Invalid ${where}.Effect ${preview(raw.Effect)}: use "Allow" or "Deny".`);
  }
  if (raw.Resource !== undefined || raw.NotResource !== undefined) {
    throw new Error(`Invalid ${where}: a trust policy must not contain Resource or NotResource, so remove the field.`);
  }
  requireExactlyOne(raw, "Principal", "NotPrincipal", where);
  requireExactlyOne(raw, "Action", "NotAction", where);

  return {
    where,
    effect: raw.Effect,
    principal: raw.Principal === undefined ? undefined : toPrincipalElement(raw.Principal, `${where}.Principal`),
    notPrincipal:
      raw.NotPrincipal === undefined ? undefined : toPrincipalElement(raw.NotPrincipal, `${where}.NotPrincipal`),
    action: raw.Action === undefined ? undefined : toStringList(raw.Action, `${where}.Action`),
    notAction: raw.NotAction === undefined ? undefined : toStringList(raw.NotAction, `${where}.NotAction`),
    condition: raw.Condition === undefined ? undefined : toCondition(raw.Condition, `${where}.Condition`),
  };
}

function requireExactlyOne(raw: Record<string, unknown>, first: string, second: string, where: string): void {
  const count = Number(raw[first] !== undefined) + Number(raw[second] !== undefined);
  if (count !== 1) {
    throw new Error(`Invalid ${where}: a trust policy statement needs exactly one of ${first} or ${second}.`);
  }
}

function toPrincipalElement(raw: unknown, path: string): PrincipalElement {
  if (raw === "*") {
    return raw;
  }
  if (!isRecord(raw)) {
    throw new Error(`Invalid ${path} ${preview(raw)}: use "*" or an object such as {"Service": "lambda.amazonaws.com"}.`);
  }
  const element: Record<string, string[]> = {};
  for (const [type, names] of Object.entries(raw)) {
    element[type] = toStringList(names, `${path}.${type}`);
  }
  return element;
}

function toStringList(raw: unknown, path: string): string[] {
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.length === 0 || !values.every((value) => typeof value === "string")) {
    throw new Error(`Invalid ${path} ${preview(raw)}: use a string or a non-empty array of strings.`);
  }
  return values as string[];
}

function toCondition(raw: unknown, path: string): ConditionElement {
  if (!isRecord(raw) || !Object.values(raw).every(isRecord)) {
    throw new Error(`Invalid ${path} ${preview(raw)}: use {"<operator>": {"<context key>": <value or values>}}.`);
  }
  return raw as ConditionElement;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`Invalid trust policy JSON (${(error as Error).message}): ${text.slice(0, 200)}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function preview(value: unknown): string {
  return JSON.stringify(value)?.slice(0, 200) ?? String(value);
}
