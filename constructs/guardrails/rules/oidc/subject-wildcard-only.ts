import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { baseOperator, claimOf, isPositiveOperator } from "../../lib/statement";
import { webIdentityStatements } from "../../lib/web-identity";

/** A `:sub` pattern that matches every subject. */
export const oidcSubjectWildcardOnly: Rule = {
  id: "OIDC-SUBJECT-WILDCARD-ONLY",
  severity: "error",
  description: "A `:sub` condition under StringLike has a value made only of wildcards, such as `*`.",
  reason: "A bare `*` subject matches every identity of the issuer; the condition looks restrictive but is not.",
  fix: "Name the subject, e.g. system:serviceaccount:NAMESPACE:NAME or repo:ORG/REPO:ref:refs/heads/main.",
  check(ctx) {
    return webIdentityStatements(ctx).flatMap(({ doc, statement }) =>
      statement.conditions.flatMap((cond) => {
        if (claimOf(cond) !== "sub" || !isPositiveOperator(cond.test) || baseOperator(cond.test) !== "stringlike") return [];
        const bad = cond.values.filter((v) => /^[*?]*\*[*?]*$/.test(v));
        if (bad.length === 0) return [];
        return [
          findingOf(oidcSubjectWildcardOnly, doc.owner, {
            field: cond.field,
            received: JSON.stringify(bad),
            message: "the subject pattern matches every identity of the issuer",
          }),
        ];
      }),
    );
  },
};
