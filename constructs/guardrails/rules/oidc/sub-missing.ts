import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { claimOf, hasUnknownKey, isPositiveOperator } from "../../lib/statement";
import { onlyCognito, webIdentityStatements } from "../../lib/web-identity";

/** Web identity trust without a `:sub` condition. */
export const oidcSubMissing: Rule = {
  id: "OIDC-SUB-MISSING",
  severity: "error",
  description: "A web identity trust statement has no condition on the `:sub` claim.",
  reason:
    "Without `:sub` any token of the issuer can assume the role: every service account of an EKS cluster, or every repository on GitHub Actions.",
  fix: 'Add a StringEquals condition on "<issuer>:sub" with the exact subject, e.g. "system:serviceaccount:NAMESPACE:NAME".',
  check(ctx) {
    return webIdentityStatements(ctx).flatMap(({ doc, statement }) => {
      if (!statement.known || hasUnknownKey(statement) || onlyCognito(statement)) return [];
      const pinned = statement.conditions.some((c) => isPositiveOperator(c.test) && claimOf(c) === "sub");
      if (pinned) return [];
      return [
        findingOf(oidcSubMissing, doc.owner, {
          field: statement.conditionsField,
          received: JSON.stringify(statement.conditions.map((c) => c.variable)),
          message: "no condition on the :sub claim, so any identity of the issuer can assume the role",
        }),
      ];
    });
  },
};
