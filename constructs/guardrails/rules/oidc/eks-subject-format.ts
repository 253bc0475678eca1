import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { claimOf, isPositiveOperator } from "../../lib/statement";
import { hasInterpolation, literalPrefix } from "../../lib/tokens";
import { isEksIssuer, webIdentityStatements } from "../../lib/web-identity";

const SUBJECT = /^system:serviceaccount:[^:/\s]+:[^:/\s]+$/;
const HEAD = "system:serviceaccount:";

function wellFormed(value: string): boolean {
  if (/^[*?]+$/.test(value)) return true; // reported by OIDC-SUBJECT-WILDCARD-ONLY
  if (!hasInterpolation(value)) return SUBJECT.test(value);
  const prefix = literalPrefix(value);
  return HEAD.startsWith(prefix) || prefix.startsWith(HEAD);
}

/** EKS subjects that are not `system:serviceaccount:NAMESPACE:NAME`. */
export const oidcEksSubjectFormat: Rule = {
  id: "OIDC-EKS-SUBJECT-FORMAT",
  severity: "error",
  description: "An EKS (oidc.eks.*) trust condition on `:sub` has a value not of the form `system:serviceaccount:NAMESPACE:NAME`.",
  reason:
    "EKS service account tokens carry exactly `system:serviceaccount:NAMESPACE:NAME` as subject. Other shapes (`system:serviceaccounts:...`, `NAMESPACE:NAME`, `NAMESPACE/NAME`) never match, so the pod cannot assume the role.",
  fix: 'Use "system:serviceaccount:<namespace>:<service account name>".',
  check(ctx) {
    return webIdentityStatements(ctx)
      .filter(({ statement }) => isEksIssuer(ctx, statement))
      .flatMap(({ doc, statement }) =>
        statement.conditions.flatMap((cond) => {
          if (claimOf(cond) !== "sub" || !isPositiveOperator(cond.test)) return [];
          const bad = cond.values.filter((v) => !wellFormed(v));
          if (bad.length === 0) return [];
          return [
            findingOf(oidcEksSubjectFormat, doc.owner, {
              field: cond.field,
              received: JSON.stringify(bad),
              message: "EKS subjects have the form system:serviceaccount:NAMESPACE:NAME",
            }),
          ];
        }),
      );
  },
};
