import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { claimOf, hasUnknownKey, isPositiveOperator } from "../../lib/statement";
import { webIdentityStatements } from "../../lib/web-identity";

/** Web identity trust without an `:aud` condition. */
export const oidcAudMissing: Rule = {
  id: "OIDC-AUD-MISSING",
  severity: "warning",
  description: "A web identity trust statement has no condition on the `:aud` claim.",
  reason:
    "The audience ties the token to AWS (`sts.amazonaws.com` for EKS and GitHub). Without it, a token the issuer minted for another service with the same subject is also accepted.",
  fix: 'Add a StringEquals condition on "<issuer>:aud", e.g. "sts.amazonaws.com".',
  check(ctx) {
    return webIdentityStatements(ctx).flatMap(({ doc, statement }) => {
      if (!statement.known || hasUnknownKey(statement)) return [];
      if (statement.conditions.some((c) => isPositiveOperator(c.test) && claimOf(c) === "aud")) return [];
      return [
        findingOf(oidcAudMissing, doc.owner, {
          field: statement.conditionsField,
          received: JSON.stringify(statement.conditions.map((c) => c.variable)),
          message: "no condition on the :aud claim, so tokens minted for other audiences are accepted",
        }),
      ];
    });
  },
};
