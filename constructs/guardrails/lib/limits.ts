/** Length and character checks on literal input, shared by the IAM limit rules. */
import { Finding, Rule, SynthResource } from "../model";
import { findingOf } from "./finding";
import { literalText, literalValue } from "./tokens";
import { show } from "./values";

/** Length bounds and allowed characters of one IAM name-like field. */
export interface TextLimit {
  min: number;
  max: number;
  /** Pattern the whole value must match. */
  pattern?: RegExp;
  /** Human wording of the pattern, for messages. */
  allowed?: string;
}

/**
 * Checks one text field. A fully literal value is checked in full. A partly
 * interpolated value is checked only against `max`, by its literal characters,
 * because they are a lower bound of the final length.
 */
export function checkText(
  rule: Pick<Rule, "id" | "severity" | "fix">,
  block: SynthResource,
  field: string,
  raw: unknown,
  limit: TextLimit,
): Finding[] {
  if (typeof raw !== "string") return [];
  const value = literalValue(raw);
  const length = value !== undefined ? value.length : literalText(raw).length;
  if (length > limit.max) {
    return [
      findingOf(rule, block, {
        field,
        received: show(raw),
        message: `${field} is ${value === undefined ? "at least " : ""}${length} characters; the maximum is ${limit.max}`,
      }),
    ];
  }
  if (value === undefined) return [];
  if (length < limit.min) {
    return [findingOf(rule, block, { field, received: show(raw), message: `${field} is empty; the minimum is ${limit.min} character(s)` })];
  }
  if (limit.pattern && !limit.pattern.test(value)) {
    return [
      findingOf(rule, block, {
        field,
        received: show(raw),
        message: `${field} has characters IAM does not allow; allowed: ${limit.allowed ?? String(limit.pattern)}`,
      }),
    ];
  }
  return [];
}

/** Characters IAM allows in user, role and instance profile names. */
export const IAM_NAME_PATTERN = /^[\w+=,.@-]+$/;

/** Wording of IAM_NAME_PATTERN. */
export const IAM_NAME_ALLOWED = "letters, digits and + = , . @ _ -";

/** Resources of the given types. */
export function ofTypes(resources: SynthResource[], types: string[]): SynthResource[] {
  return resources.filter((r) => types.includes(r.type));
}
