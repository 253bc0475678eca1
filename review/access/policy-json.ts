/**
 * Parsing of IAM policy documents that may hold Terraform interpolations.
 *
 * cdktf resolves tokens after the policy was turned into JSON, so an
 * interpolation such as `${replace(aws_iam_openid_connect_provider.eks.url, "https://", "")}`
 * sits in the policy string with unescaped quotes, and the text is not valid
 * JSON until Terraform evaluates it. Each interpolation is swapped for a
 * placeholder, the JSON is parsed, and the placeholders are swapped back.
 */
import { interpolationEnd } from "./terraform-template";

/** One principal of a statement, such as `Service` `lambda.amazonaws.com`. */
export interface PolicyPrincipal {
  /** `Service`, `Federated`, `AWS`, `CanonicalUser`, or `*` for `"Principal": "*"`. */
  readonly type: string;
  /** The principal as written; may hold interpolations. */
  readonly value: string;
}

/** One condition test: operator, key and the values it accepts. */
export interface PolicyCondition {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

/** A statement in a uniform shape: single values become lists. */
export interface PolicyStatement {
  readonly effect: string;
  readonly principals: readonly PolicyPrincipal[];
  /** True when the statement uses NotPrincipal, which names who is excluded. */
  readonly notPrincipal: boolean;
  readonly actions: readonly string[];
  /** True when the statement uses NotAction, which names what is excluded. */
  readonly notAction: boolean;
  readonly conditions: readonly PolicyCondition[];
}

/** Raised when a policy cannot be read; the message gives the reason. */
export class PolicyParseError extends Error {}

const PLACEHOLDER_OPEN = "\uE000";
const PLACEHOLDER_CLOSE = "\uE001";
const PLACEHOLDER_PATTERN = /\uE000(\d+)\uE001/g;

/** Parses a JSON policy document whose strings may hold `${...}` interpolations. */
export function parsePolicyJson(text: string): PolicyStatement[] {
  const { json, interpolations } = replaceInterpolations(text);
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    throw new PolicyParseError(`invalid JSON (${(error as Error).message})`);
  }
  return normalizeDocument(restore(document, interpolations));
}

/** Normalizes an already parsed policy document. */
export function normalizeDocument(document: unknown): PolicyStatement[] {
  if (!isRecord(document)) throw new PolicyParseError("is not a JSON object");
  const statements = document.Statement;
  if (statements === undefined) throw new PolicyParseError("has no Statement");
  return (Array.isArray(statements) ? statements : [statements]).map((statement, index) => normalizeStatement(statement, index));
}

function normalizeStatement(statement: unknown, index: number): PolicyStatement {
  if (!isRecord(statement)) throw new PolicyParseError(`Statement[${index}] is not an object`);
  const principal = statement.Principal ?? statement.NotPrincipal;
  return {
    effect: typeof statement.Effect === "string" ? statement.Effect : "",
    principals: normalizePrincipals(principal),
    notPrincipal: statement.Principal === undefined && statement.NotPrincipal !== undefined,
    actions: stringList(statement.Action ?? statement.NotAction),
    notAction: statement.Action === undefined && statement.NotAction !== undefined,
    conditions: normalizeConditions(statement.Condition),
  };
}

function normalizePrincipals(principal: unknown): PolicyPrincipal[] {
  if (typeof principal === "string") return [{ type: "*", value: principal }];
  if (!isRecord(principal)) return [];
  return Object.entries(principal).flatMap(([type, values]) => stringList(values).map((value) => ({ type, value })));
}

function normalizeConditions(condition: unknown): PolicyCondition[] {
  if (!isRecord(condition)) return [];
  return Object.entries(condition).flatMap(([operator, tests]) =>
    isRecord(tests) ? Object.entries(tests).map(([key, values]) => ({ operator, key, values: stringList(values) })) : [],
  );
}

function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((item) => (typeof item === "string" ? item : JSON.stringify(item)));
}

/**
 * Swaps each interpolation for a numbered placeholder. An interpolation
 * outside a JSON string, such as `"AWS": ${jsonencode(var.arns)}`, becomes a
 * quoted placeholder so that the document still parses.
 */
function replaceInterpolations(text: string): { json: string; interpolations: string[] } {
  const interpolations: string[] = [];
  let json = "";
  let inString = false;
  let index = 0;
  while (index < text.length) {
    const character = text[index];
    if (text.startsWith("$${", index)) {
      // Kept as written: the restored strings are read as templates again later.
      json += "$${";
      index += 3;
      continue;
    }
    if (text.startsWith("${", index)) {
      const end = interpolationEnd(text, index + 2);
      if (end >= 0) {
        const placeholder = `${PLACEHOLDER_OPEN}${interpolations.length}${PLACEHOLDER_CLOSE}`;
        interpolations.push(text.slice(index, end + 1));
        json += inString ? placeholder : `"${placeholder}"`;
        index = end + 1;
        continue;
      }
    }
    if (inString && character === "\\") {
      json += text.slice(index, index + 2);
      index += 2;
      continue;
    }
    if (character === '"') inString = !inString;
    json += character;
    index += 1;
  }
  return { json, interpolations };
}

function restore(value: unknown, interpolations: readonly string[]): unknown {
  const restoreText = (text: string) => text.replace(PLACEHOLDER_PATTERN, (_, number: string) => interpolations[Number(number)]);
  if (typeof value === "string") return restoreText(value);
  if (Array.isArray(value)) return value.map((item) => restore(item, interpolations));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [restoreText(key), restore(item, interpolations)]));
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
