import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { PolicyStatement } from "../../lib/policy";
import { literalText } from "../../lib/tokens";
import { trustDocuments } from "../../lib/trust";

/** Default IAM quota for a role trust policy, in characters without whitespace. */
export const DEFAULT_TRUST_POLICY_MAX = 2048;

function one(values: string[]): string | string[] {
  const texts = values.map(literalText);
  return texts.length === 1 ? texts[0] : texts;
}

/** Renders the statement as the provider does, without interpolations, so its size is a lower bound. */
function render(st: PolicyStatement): Record<string, unknown> {
  const out: Record<string, unknown> = { Effect: st.effect };
  if (st.actions.length) out.Action = one(st.actions);
  if (st.notActions.length) out.NotAction = one(st.notActions);
  const principals = (list: PolicyStatement["principals"]) =>
    list.length === 1 && list[0].type === "*"
      ? "*"
      : Object.fromEntries(list.map((p) => [p.type, one(p.identifiers)]));
  if (st.principals.length) out.Principal = principals(st.principals);
  if (st.notPrincipals.length) out.NotPrincipal = principals(st.notPrincipals);
  if (st.conditions.length) {
    const cond: Record<string, Record<string, unknown>> = {};
    for (const c of st.conditions) (cond[c.test] ??= {})[literalText(c.variable)] = one(c.values);
    out.Condition = cond;
  }
  return out;
}

/** Trust policies longer than the IAM quota. */
export const limitTrustPolicyLength: Rule = {
  id: "LIMIT-TRUST-POLICY-LENGTH",
  severity: "error",
  description: "A role trust policy is longer than the IAM quota (default 2048 characters, whitespace not counted).",
  reason:
    "IAM quotas (IAM User Guide, \"IAM and AWS STS quotas\", quota L-C07B4B0D \"Role trust policy length\"): 2048 characters by default, raisable through Service Quotas (older AWS quota tables give 4096 as the maximum, newer ones 8192). A longer policy fails at apply with LimitExceeded. Interpolated parts are not counted, so the measured length is a lower bound.",
  fix: "Merge statements or subjects (StringLike patterns, one statement per provider), or raise the quota and set the guardrail option trustPolicyMaxLength.",
  check(ctx) {
    const max = ctx.options?.trustPolicyMaxLength ?? DEFAULT_TRUST_POLICY_MAX;
    return trustDocuments(ctx).flatMap((doc) => {
      const raw = doc.owner.config.assume_role_policy;
      const text =
        doc.field === "assume_role_policy" && typeof raw === "string"
          ? literalText(raw)
          : JSON.stringify({ Version: "2012-10-17", Statement: doc.statements.map(render) });
      const length = text.replace(/\s/g, "").length;
      if (length <= max) return [];
      return [
        findingOf(limitTrustPolicyLength, doc.owner, {
          field: doc.field || "statement",
          received: `${length} characters`,
          message: `the trust policy is at least ${length} characters without whitespace; the limit is ${max}`,
        }),
      ];
    });
  },
};
