import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { ofTypes } from "../../lib/limits";
import { literalValue } from "../../lib/tokens";
import { show } from "../../lib/values";

/** Shortest and longest max_session_duration IAM accepts, in seconds. */
export const SESSION_MIN = 3600;
export const SESSION_MAX = 43200;

/** Reads a number from a number or a literal numeric string. */
export function numberValue(raw: unknown): number | undefined {
  if (typeof raw === "number") return raw;
  const text = literalValue(raw);
  return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text) : undefined;
}

/** max_session_duration outside 3600..43200 seconds. */
export const limitRoleSessionDuration: Rule = {
  id: "LIMIT-ROLE-SESSION-DURATION",
  severity: "error",
  description: "An aws_iam_role max_session_duration is not a whole number of seconds between 3600 and 43200.",
  reason: "CreateRole API (IAM API Reference): MaxSessionDuration is 3600 to 43200 seconds (1 to 12 hours); IAM rejects other values at apply time.",
  fix: "Set max_session_duration between 3600 and 43200.",
  check(ctx) {
    return ofTypes(ctx.resources, ["aws_iam_role"]).flatMap((role) => {
      const raw = role.config.max_session_duration;
      const value = numberValue(raw);
      if (value === undefined || (Number.isInteger(value) && value >= SESSION_MIN && value <= SESSION_MAX)) return [];
      return [
        findingOf(limitRoleSessionDuration, role, {
          field: "max_session_duration",
          received: show(raw),
          message: `max_session_duration must be a whole number from ${SESSION_MIN} to ${SESSION_MAX} seconds`,
        }),
      ];
    });
  },
};
