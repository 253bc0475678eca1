/**
 * Evaluates the `Condition` element of an IAM policy statement. pbac 0.3.2 supplies the
 * value comparisons (its `conditions.StringEquals`, `StringLike`, `ArnLike`, `Bool`,
 * `Numeric*`, `Date*` and `IpAddress` functions compare one request value with one policy
 * value). Everything around those comparisons is implemented here, because pbac's own
 * `evaluateCondition` differs from IAM in ways that change trust decisions:
 *
 * - pbac reads only the first key of each operator block, so in
 *   `StringEquals: {"<issuer>:sub": ..., "<issuer>:aud": ...}` the audience is never
 *   checked. Here every key of every operator must match.
 * - pbac substitutes the key name for a missing key, so `StringLike: {"k": "*"}` matches a
 *   request without `k`. Here a missing key follows IAM: it fails positive operators,
 *   satisfies negated operators (`StringNotEquals`, `ArnNotLike`, `NotIpAddress`, ...),
 *   `...IfExists` operators and `ForAllValues:` qualifiers, and fails `ForAnyValue:`.
 * - pbac treats a negated operator with several policy values as "differs from any value".
 *   IAM means "equals none of the values", which is what this module computes.
 * - pbac looks keys up case-sensitively. IAM condition key names are case-insensitive, so
 *   the lookup here ignores case (values still compare case-sensitively where IAM does).
 * - pbac's `Null` operator needs a JSON boolean, while here `"true"` and `"false"` work as in IAM.
 */

/** Context keys of a request. A string array is a multivalued key such as `aws:TagKeys`. */
export type RequestContext = Record<string, string | string[]>;

/** A statement's `Condition` element: operator, then context key, then policy value(s). */
export type ConditionElement = Record<string, Record<string, unknown>>;

/** The part of a pbac instance this module calls. */
export interface PbacComparisons {
  conditions: Record<string, (this: PbacComparisons, requestValue: unknown, policyValue: unknown) => boolean>;
}

/** How one IAM operator maps to a pbac comparison. */
interface OperatorRule {
  /** pbac function that decides a positive match of one request value with one policy value. */
  comparison: string;
  /** True for operators that are satisfied when the value matches none of the policy values. */
  negated: boolean;
  /** Conversion of both sides before the pbac comparison. */
  convert: "none" | "number" | "date";
}

function rule(comparison: string, negated = false, convert: OperatorRule["convert"] = "none"): OperatorRule {
  return { comparison, negated, convert };
}

// IAM treats ArnEquals and ArnLike identically, and both accept wildcards.
const OPERATORS: Record<string, OperatorRule> = {
  StringEquals: rule("StringEquals"),
  StringNotEquals: rule("StringEquals", true),
  StringEqualsIgnoreCase: rule("StringEqualsIgnoreCase"),
  StringNotEqualsIgnoreCase: rule("StringEqualsIgnoreCase", true),
  StringLike: rule("StringLike"),
  StringNotLike: rule("StringLike", true),
  ArnEquals: rule("ArnLike"),
  ArnLike: rule("ArnLike"),
  ArnNotEquals: rule("ArnLike", true),
  ArnNotLike: rule("ArnLike", true),
  NumericEquals: rule("NumericEquals", false, "number"),
  NumericNotEquals: rule("NumericEquals", true, "number"),
  NumericLessThan: rule("NumericLessThan", false, "number"),
  NumericLessThanEquals: rule("NumericLessThanEquals", false, "number"),
  NumericGreaterThan: rule("NumericGreaterThan", false, "number"),
  NumericGreaterThanEquals: rule("NumericGreaterThanEquals", false, "number"),
  DateEquals: rule("DateEquals", false, "date"),
  DateNotEquals: rule("DateEquals", true, "date"),
  DateLessThan: rule("DateLessThan", false, "date"),
  DateLessThanEquals: rule("DateLessThanEquals", false, "date"),
  DateGreaterThan: rule("DateGreaterThan", false, "date"),
  DateGreaterThanEquals: rule("DateGreaterThanEquals", false, "date"),
  Bool: rule("Bool"),
  IpAddress: rule("IpAddress"),
  NotIpAddress: rule("IpAddress", true),
};

/** An operator name split into its set qualifier, base operator and IfExists suffix. */
interface ParsedOperator {
  qualifier?: "ForAnyValue" | "ForAllValues";
  base: string;
  ifExists: boolean;
}

/**
 * Reports whether `context` satisfies every operator and key of `condition`. An absent
 * condition is always satisfied.
 *
 * @param where Location used in error messages, such as `Statement[0].Condition`.
 * @throws Error for an unsupported operator, a policy variable in a value, a multivalued
 *   key under a single-valued operator, or two context keys that differ only in case.
 */
export function conditionMatches(
  condition: ConditionElement | undefined,
  context: RequestContext,
  pbac: PbacComparisons,
  where: string,
): boolean {
  if (condition === undefined) {
    return true;
  }

  return Object.entries(condition).every(([operatorName, block]) => {
    const operator = parseOperator(operatorName, where);
    return Object.entries(block).every(([key, rawValues]) => {
      const path = `${where}.${operatorName}["${key}"]`;
      const policyValues = toPolicyValues(rawValues, path);
      const requestValues = lookupContextKey(context, key);
      return keyMatches(operator, policyValues, requestValues, pbac, path);
    });
  });
}

function parseOperator(name: string, where: string): ParsedOperator {
  const match = /^(?:(ForAnyValue|ForAllValues):)?(.+?)(IfExists)?$/.exec(name);
  const base = match?.[2] ?? name;
  if (!match || (base !== "Null" && !(base in OPERATORS))) {
    throw new Error(
      `Unsupported condition operator "${name}" at ${where}: supported operators are Null, ` +
        `${Object.keys(OPERATORS).join(", ")}, optionally with ForAnyValue:/ForAllValues: and IfExists.`,
    );
  }
  return {
    qualifier: match[1] as ParsedOperator["qualifier"],
    base,
    ifExists: match[3] !== undefined,
  };
}

function toPolicyValues(raw: unknown, path: string): string[] {
  const values = Array.isArray(raw) ? raw : [raw];
  return values.map((value) => {
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      throw new Error(`Invalid condition value ${JSON.stringify(value)} at ${path}: use a string, number or boolean.`);
    }
    const text = String(value);
    if (text.includes("${")) {
      throw new Error(
        `Policy variable in condition value ${JSON.stringify(text)} at ${path} is not supported: ` +
          "substitute the concrete value before evaluating.",
      );
    }
    return text;
  });
}

/** Returns the values of `key`, matched without regard to case, or undefined when absent. */
function lookupContextKey(context: RequestContext, key: string): string[] | undefined {
  const matches = Object.keys(context).filter((candidate) => candidate.toLowerCase() === key.toLowerCase());
  if (matches.length > 1) {
    throw new Error(
      `Ambiguous request context: keys ${matches.join(", ")} differ only in case, and IAM condition keys ` +
        "are case-insensitive. Keep one of them.",
    );
  }
  if (matches.length === 0) {
    return undefined;
  }
  const value = context[matches[0]];
  return Array.isArray(value) ? value : [value];
}

function keyMatches(
  operator: ParsedOperator,
  policyValues: string[],
  requestValues: string[] | undefined,
  pbac: PbacComparisons,
  path: string,
): boolean {
  if (operator.base === "Null") {
    const expectAbsent = policyValues.some((value) => value.toLowerCase() === "true");
    return expectAbsent === (requestValues === undefined);
  }

  const rule = OPERATORS[operator.base];
  if (requestValues === undefined) {
    if (operator.ifExists || operator.qualifier === "ForAllValues") {
      return true;
    }
    if (operator.qualifier === "ForAnyValue") {
      return false;
    }
    return rule.negated;
  }

  const matchesAnyPolicyValue = (requestValue: string): boolean =>
    policyValues.some((policyValue) => compare(rule, requestValue, policyValue, pbac));
  const satisfies = (requestValue: string): boolean =>
    rule.negated ? !matchesAnyPolicyValue(requestValue) : matchesAnyPolicyValue(requestValue);

  if (operator.qualifier === "ForAllValues") {
    return requestValues.every(satisfies);
  }
  if (operator.qualifier === "ForAnyValue") {
    return requestValues.some(satisfies);
  }
  if (requestValues.length !== 1) {
    throw new Error(
      `Context key at ${path} has ${requestValues.length} values, but operator "${operator.base}" is ` +
        "single-valued: use ForAnyValue: or ForAllValues:, or pass one value.",
    );
  }
  return satisfies(requestValues[0]);
}

function compare(rule: OperatorRule, requestValue: string, policyValue: string, pbac: PbacComparisons): boolean {
  const comparison = pbac.conditions[rule.comparison];
  if (rule.convert === "number") {
    return comparison.call(pbac, Number(requestValue), Number(policyValue));
  }
  if (rule.convert === "date") {
    return comparison.call(pbac, toDate(requestValue), toDate(policyValue));
  }
  return comparison.call(pbac, requestValue, policyValue);
}

/** Converts an ISO 8601 date or epoch seconds, both accepted by IAM, to the `Date` pbac compares. */
function toDate(value: string): Date {
  return /^\d+$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
}
