/**
 * Knowledge about IAM condition operators needed to tell whether a change of
 * operator or of values widens the set of requests a statement admits.
 * Operator semantics follow the AWS IAM User Guide, "IAM JSON policy elements: Condition operators".
 */

/** Direction of a change in what a condition admits. */
export type Direction = "same" | "wider" | "narrower" | "unknown";

/** Meaning of a value list: any value may match, no value may match, or neither (Bool, Null, ordering operators). */
export type ValueListMeaning = "any-of" | "none-of" | "other";

const ANY_OF = new Set([
  "StringEquals",
  "StringEqualsIgnoreCase",
  "StringLike",
  "ArnEquals",
  "ArnLike",
  "NumericEquals",
  "DateEquals",
  "BinaryEquals",
  "IpAddress",
]);

const NONE_OF = new Set([
  "StringNotEquals",
  "StringNotEqualsIgnoreCase",
  "StringNotLike",
  "ArnNotEquals",
  "ArnNotLike",
  "NumericNotEquals",
  "DateNotEquals",
  "NotIpAddress",
]);

/** Base-operator changes (`from>to`) that admit more requests with the same values. */
const WIDENING = new Set([
  "StringEquals>StringEqualsIgnoreCase",
  "StringEquals>StringLike",
  "StringNotEqualsIgnoreCase>StringNotEquals",
  "StringNotLike>StringNotEquals",
]);

/** Base-operator pairs that AWS documents as behaving identically. */
const EQUIVALENT = new Set(["ArnEquals>ArnLike", "ArnLike>ArnEquals", "ArnNotEquals>ArnNotLike", "ArnNotLike>ArnNotEquals"]);

interface OperatorParts {
  setQualifier: string;
  base: string;
  ifExists: boolean;
}

function splitOperator(operator: string): OperatorParts {
  let rest = operator;
  let setQualifier = "";
  const colon = rest.indexOf(":");
  if (colon >= 0) {
    setQualifier = rest.slice(0, colon);
    rest = rest.slice(colon + 1);
  }
  const ifExists = rest.endsWith("IfExists");
  const base = ifExists ? rest.slice(0, -"IfExists".length) : rest;
  return { setQualifier, base, ifExists };
}

/** Returns how the value list of `operator` is read, ignoring set qualifiers and `IfExists`. */
export function valueListMeaning(operator: string): ValueListMeaning {
  const { base } = splitOperator(operator);
  if (ANY_OF.has(base)) return "any-of";
  if (NONE_OF.has(base)) return "none-of";
  return "other";
}

/**
 * Compares two operators applied to the same key and values. Adding `IfExists`
 * widens because a request without the key then passes. A change of
 * `ForAllValues`/`ForAnyValue` qualifier, or between unrelated operators,
 * returns "unknown" so that callers treat it as a possible widening.
 */
export function compareOperators(from: string, to: string): Direction {
  if (from === to) return "same";
  const left = splitOperator(from);
  const right = splitOperator(to);
  if (left.setQualifier !== right.setQualifier) return "unknown";

  const baseDirection = compareBases(left.base, right.base);
  let existsDirection: Direction = "same";
  if (!left.ifExists && right.ifExists) existsDirection = "wider";
  if (left.ifExists && !right.ifExists) existsDirection = "narrower";

  if (baseDirection === "unknown") return "unknown";
  if (baseDirection === "same") return existsDirection;
  if (existsDirection === "same" || existsDirection === baseDirection) return baseDirection;
  return "unknown";
}

function compareBases(from: string, to: string): Direction {
  if (from === to) return "same";
  const pair = `${from}>${to}`;
  if (EQUIVALENT.has(pair)) return "same";
  if (WIDENING.has(pair)) return "wider";
  if (WIDENING.has(`${to}>${from}`)) return "narrower";
  return "unknown";
}
