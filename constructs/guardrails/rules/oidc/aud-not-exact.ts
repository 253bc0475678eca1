import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { baseOperator, claimOf, hasWildcard } from "../../lib/statement";
import { webIdentityStatements } from "../../lib/web-identity";

/** Audience compared by pattern instead of by equality. */
export const oidcAudNotExact: Rule = {
  id: "OIDC-AUD-NOT-EXACT",
  severity: "error",
  description: "The `:aud` claim is compared with StringLike instead of StringEquals.",
  reason:
    "An audience is one fixed client id. A pattern such as `*` or `sts.*` accepts tokens minted for other clients; StringLike without a wildcard works but invites one later.",
  fix: 'Compare :aud with StringEquals against the exact client id, e.g. "sts.amazonaws.com".',
  check(ctx) {
    return webIdentityStatements(ctx).flatMap(({ doc, statement }) =>
      statement.conditions.flatMap((cond) => {
        if (claimOf(cond) !== "aud" || baseOperator(cond.test) !== "stringlike") return [];
        const wild = cond.values.some(hasWildcard);
        return [
          findingOf(oidcAudNotExact, doc.owner, {
            field: cond.field,
            received: JSON.stringify(cond.values),
            message: wild
              ? "the audience is matched by a wildcard pattern, so tokens for other clients are accepted"
              : "the audience is compared with StringLike; use StringEquals",
            severity: wild ? "error" : "warning",
          }),
        ];
      }),
    );
  },
};
