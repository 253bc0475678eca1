import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { samlStatements } from "../../lib/saml";
import { allowsAction, hasUnknownKey, isPositiveOperator } from "../../lib/statement";

/** SAML trust without a `SAML:aud` condition. */
export const samlAudMissing: Rule = {
  id: "SAML-AUD-MISSING",
  severity: "error",
  description: "A statement allowing sts:AssumeRoleWithSAML has no condition on `SAML:aud`.",
  reason:
    "SAML:aud pins the assertion's recipient to the AWS sign-in endpoint; without it an assertion the IdP issued for another service provider can be replayed to assume the role.",
  fix: 'Add StringEquals "SAML:aud" = "https://signin.aws.amazon.com/saml" (or your partition\'s endpoint).',
  check(ctx) {
    return samlStatements(ctx).flatMap(({ doc, statement }) => {
      if (!statement.known || hasUnknownKey(statement) || !allowsAction(statement, "sts:AssumeRoleWithSAML")) return [];
      const pinned = statement.conditions.some(
        (c) => isPositiveOperator(c.test) && c.variable.toLowerCase() === "saml:aud",
      );
      if (pinned) return [];
      return [
        findingOf(samlAudMissing, doc.owner, {
          field: statement.conditionsField,
          received: JSON.stringify(statement.conditions.map((c) => c.variable)),
          message: "no SAML:aud condition, so assertions for other service providers are accepted",
        }),
      ];
    });
  },
};
