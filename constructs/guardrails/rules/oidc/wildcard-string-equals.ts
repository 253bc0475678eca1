import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { baseOperator, hasWildcard, isPositiveOperator } from "../../lib/statement";
import { webIdentityStatements } from "../../lib/web-identity";

/** `*` or `?` in values compared with StringEquals. */
export const oidcWildcardStringEquals: Rule = {
  id: "OIDC-WILDCARD-STRING-EQUALS",
  severity: "error",
  description: "A web identity trust condition uses StringEquals with a value that contains `*` or `?`.",
  reason:
    "StringEquals compares characters literally; `*` and `?` only act as wildcards under StringLike. The condition never matches a real token, so the role cannot be assumed.",
  fix: "Use StringLike for a pattern, or write the exact value under StringEquals.",
  check(ctx) {
    return webIdentityStatements(ctx).flatMap(({ doc, statement }) =>
      statement.conditions.flatMap((cond) => {
        const op = baseOperator(cond.test);
        if (!isPositiveOperator(cond.test) || (op !== "stringequals" && op !== "stringequalsignorecase")) return [];
        const bad = cond.values.filter(hasWildcard);
        if (bad.length === 0) return [];
        return [
          findingOf(oidcWildcardStringEquals, doc.owner, {
            field: cond.field,
            received: JSON.stringify(bad),
            message: `${cond.test} treats * and ? literally, so ${cond.variable} never matches`,
          }),
        ];
      }),
    );
  },
};
