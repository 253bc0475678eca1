import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { hasWildcard } from "../../lib/statement";
import { trustStatements } from "../../lib/trust";

/** Wildcard actions or NotAction in trust statements. */
export const principalWildcardAction: Rule = {
  id: "PRINCIPAL-WILDCARD-ACTION",
  severity: "error",
  description: "A trust statement allows wildcard actions (`*`, `sts:*`, `sts:AssumeRole*`) or uses NotAction.",
  reason:
    "A wildcard grants every way of assuming the role (web identity, SAML, session tags, source identity) to the principal, more than the one flow it needs; NotAction in an Allow grants everything not listed.",
  fix: "List the exact actions, e.g. sts:AssumeRoleWithWebIdentity, or sts:AssumeRole plus sts:TagSession for EKS Pod Identity.",
  check(ctx) {
    return trustStatements(ctx).flatMap(({ doc, statement }) => {
      const found = [];
      const wild = statement.actions.filter(hasWildcard);
      if (wild.length > 0) {
        const broad = wild.some((a) => a === "*" || a.toLowerCase() === "sts:*");
        found.push(
          findingOf(principalWildcardAction, doc.owner, {
            field: statement.actionsField,
            received: JSON.stringify(wild),
            message: broad ? "the trust statement allows every STS action" : "the trust statement allows actions by pattern",
            severity: broad ? "error" : "warning",
          }),
        );
      }
      if (statement.notActions.length > 0) {
        found.push(
          findingOf(principalWildcardAction, doc.owner, {
            field: statement.actionsField.replace(/Action$/, "NotAction").replace(/actions$/, "not_actions"),
            received: JSON.stringify(statement.notActions),
            message: "NotAction in an Allow trust statement allows every action not listed",
          }),
        );
      }
      return found;
    });
  },
};
