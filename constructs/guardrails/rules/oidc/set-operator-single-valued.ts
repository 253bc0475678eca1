import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { claimOf } from "../../lib/statement";
import { webIdentityStatements } from "../../lib/web-identity";

const SINGLE_VALUED = ["sub", "aud"];

/** ForAllValues / ForAnyValue on the single-valued `sub` and `aud` claims. */
export const oidcSetOperatorSingleValued: Rule = {
  id: "OIDC-SET-OPERATOR-SINGLE-VALUED",
  severity: "error",
  description: "A web identity trust condition uses a ForAllValues: or ForAnyValue: operator on the single-valued `:sub` or `:aud` claim.",
  reason:
    "Set operators are for multivalued keys. ForAllValues is true when the key is absent, so the condition stops restricting anything; ForAnyValue works but hides that the claim has one value.",
  fix: "Drop the set prefix: use StringEquals (or StringLike) on :sub and :aud.",
  check(ctx) {
    return webIdentityStatements(ctx).flatMap(({ doc, statement }) =>
      statement.conditions.flatMap((cond) => {
        const set = /^(ForAllValues|ForAnyValue):/i.exec(cond.test)?.[1];
        const claim = claimOf(cond);
        if (!set || !claim || !SINGLE_VALUED.includes(claim)) return [];
        const all = set.toLowerCase() === "forallvalues";
        return [
          findingOf(oidcSetOperatorSingleValued, doc.owner, {
            field: cond.field,
            received: JSON.stringify(cond.test),
            message: all
              ? `${cond.test} on the single-valued :${claim} claim is also true when the claim is missing`
              : `${cond.test} on the single-valued :${claim} claim; use the plain operator`,
            severity: all ? "error" : "warning",
          }),
        ];
      }),
    );
  },
};
