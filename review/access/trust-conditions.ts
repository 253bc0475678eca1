/**
 * Condition lookups for trust statements, and plain words for the
 * conditions a principal's own description does not already cover.
 * IAM compares condition keys without regard to case, and so do these.
 */
import { PolicyCondition } from "./policy-json";
import { templateWords } from "./terraform-template";

/** Operator families whose values may hold the `*` and `?` wildcards. */
const LIKE_OPERATORS = /^(ForAnyValue:|ForAllValues:)?(StringLike|ArnLike|ArnEquals)(IfExists)?$/i;

/** Returns the conditions on one key, matched without regard to case. */
export function conditionsOn(conditions: readonly PolicyCondition[], key: string): PolicyCondition[] {
  const expected = key.toLowerCase();
  return conditions.filter((condition) => condition.key.toLowerCase() === expected);
}

/** Tells whether an operator treats `*` and `?` as wildcards. The IAM documentation says ArnEquals does, like ArnLike. */
export function isWildcardOperator(operator: string): boolean {
  return LIKE_OPERATORS.test(operator);
}

/** Tells whether an operator requires the key to equal or match one of the values, so it is neither a negation nor a Null test. */
export function isPositiveOperator(operator: string): boolean {
  return !/Not|^Null$/i.test(operator.replace(/^(ForAnyValue|ForAllValues):/i, ""));
}

/** Returns the values a positive test on `key` accepts, in order, without repeats. */
export function acceptedValues(conditions: readonly PolicyCondition[], key: string): string[] {
  const values = conditionsOn(conditions, key)
    .filter((condition) => isPositiveOperator(condition.operator))
    .flatMap((condition) => condition.values);
  return [...new Set(values)];
}

/**
 * Words for the conditions `consumed` rejects, such as
 * ` when aws:PrincipalOrgID is o-abc123`; empty when none remain.
 */
export function remainingConditionWords(conditions: readonly PolicyCondition[], consumed: (key: string) => boolean): string {
  const remaining = conditions.filter((condition) => !consumed(condition.key.toLowerCase()));
  if (remaining.length === 0) return "";
  return ` when ${remaining.map(conditionWords).join(" and ")}`;
}

function conditionWords(condition: PolicyCondition): string {
  const match = /^(ForAnyValue:|ForAllValues:)?(.*?)(IfExists)?$/i.exec(condition.operator) as RegExpExecArray;
  const [, quantifier, base, ifExists] = match;
  const subject = quantifier === undefined
    ? condition.key
    : `${quantifier.toLowerCase().startsWith("forany") ? "any value of" : "every value of"} ${condition.key}`;
  const values = condition.values.map(templateWords);
  const suffix = ifExists === undefined ? "" : " (when present)";
  if (/^Null$/i.test(base)) {
    return `${subject} is ${values.every((value) => value === "true") ? "absent" : "present"}${suffix}`;
  }
  return `${subject} ${operatorWords(base)} ${values.join(" or ")}${suffix}`;
}

function operatorWords(operator: string): string {
  const lower = operator.toLowerCase();
  if (lower.endsWith("notequals") || lower.endsWith("notequalsignorecase")) return "is not";
  if (lower.endsWith("notlike")) return "does not match";
  if (lower.endsWith("like")) return "matches";
  if (lower.endsWith("equals") || lower.endsWith("equalsignorecase") || lower === "bool") return "is";
  if (lower === "ipaddress") return "is in";
  if (lower === "notipaddress") return "is not in";
  return `(${operator})`;
}
