import { Rule } from "../../model";
import { classifyArn, parseArn } from "../../lib/arn";
import { findingOf } from "../../lib/finding";
import { ofTypes } from "../../lib/limits";
import { wholeReference } from "../../lib/refs";
import { identifiersOfType } from "../../lib/statement";
import { roleTrust } from "../../lib/trust";
import { show } from "../../lib/values";
import { numberValue, SESSION_MIN } from "./role-session-duration";

function isRoleArn(id: string): boolean {
  const ref = wholeReference(id);
  if (ref) return ref.type === "aws_iam_role" && ref.attribute === "arn";
  const parts = parseArn(id);
  return parts !== undefined && classifyArn(parts) === "role";
}

/** Long session durations on roles that are assumed from another role. */
export const limitChainedSessionDuration: Rule = {
  id: "LIMIT-CHAINED-SESSION-DURATION",
  severity: "warning",
  description: "A role trusted by another role (role chaining) has max_session_duration above 3600 seconds.",
  reason: "AWS caps sessions obtained by role chaining at one hour whatever max_session_duration says (IAM User Guide, role chaining); a caller asking for more gets an error, and credentials expire earlier than the setting suggests.",
  fix: "Request at most 3600 seconds when assuming this role from another role, or have the workload assume it directly.",
  check(ctx) {
    return ofTypes(ctx.resources, ["aws_iam_role"]).flatMap((role) => {
      const seconds = numberValue(role.config.max_session_duration);
      if (seconds === undefined || seconds <= SESSION_MIN) return [];
      const doc = roleTrust(ctx, role);
      const chained = doc?.statements.some(
        (s) => s.effect.toLowerCase() === "allow" && identifiersOfType(s, "AWS").some(isRoleArn),
      );
      if (!chained) return [];
      return [
        findingOf(limitChainedSessionDuration, role, {
          field: "max_session_duration",
          received: show(role.config.max_session_duration),
          message: "another role can assume this role, and chained sessions last at most 3600 seconds",
        }),
      ];
    });
  },
};
