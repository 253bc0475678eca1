import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { samlStatements } from "../../lib/saml";
import { actionsUnknown, allowsAction, hasWildcard, sameAction } from "../../lib/statement";

const ALLOWED = ["sts:AssumeRoleWithSAML", "sts:TagSession", "sts:SetSourceIdentity"];

/** SAML trust with actions other than AssumeRoleWithSAML, TagSession and SetSourceIdentity. */
export const samlAction: Rule = {
  id: "SAML-ACTION",
  severity: "error",
  description:
    "A SAML provider principal is allowed an action other than sts:AssumeRoleWithSAML, sts:TagSession or sts:SetSourceIdentity, or is not allowed sts:AssumeRoleWithSAML.",
  reason:
    "SAML federation calls sts:AssumeRoleWithSAML only (tags and source identity ride on that call); any other action is never used, and without AssumeRoleWithSAML nobody can sign in.",
  fix: 'Allow exactly ["sts:AssumeRoleWithSAML"] (plus sts:TagSession or sts:SetSourceIdentity when the IdP sends them).',
  check(ctx) {
    return samlStatements(ctx).flatMap(({ doc, statement }) => {
      if (actionsUnknown(statement)) return [];
      const field = statement.actionsField;
      // Plain sts:AssumeRole is reported by PRINCIPAL-FEDERATED-PLAIN-ASSUME-ROLE, wildcards by PRINCIPAL-WILDCARD-ACTION.
      const plain = statement.actions.some((a) => sameAction(a, "sts:AssumeRole"));
      const extra = statement.actions.filter(
        (a) => !hasWildcard(a) && !sameAction(a, "sts:AssumeRole") && !ALLOWED.some((x) => sameAction(a, x)),
      );
      const found = [];
      if (extra.length > 0) {
        found.push(
          findingOf(samlAction, doc.owner, {
            field,
            received: JSON.stringify(extra),
            message: `a SAML principal only uses sts:AssumeRoleWithSAML; ${extra.join(", ")} is never used`,
          }),
        );
      }
      if (!plain && !allowsAction(statement, "sts:AssumeRoleWithSAML")) {
        found.push(
          findingOf(samlAction, doc.owner, {
            field,
            received: JSON.stringify(statement.actions),
            message: "the SAML statement does not allow sts:AssumeRoleWithSAML, so every SAML sign-in is denied",
          }),
        );
      }
      return found;
    });
  },
};
