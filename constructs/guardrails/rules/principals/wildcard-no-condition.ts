import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { trustStatements } from "../../lib/trust";

/** Trust for everyone, without conditions. */
export const principalWildcardNoCondition: Rule = {
  id: "PRINCIPAL-WILDCARD-NO-CONDITION",
  severity: "error",
  description: 'A trust statement allows Principal "*" or {"AWS": "*"} without any condition.',
  reason: "Any AWS identity in any account can then assume the role and reach whatever it grants, Atlas access included.",
  fix: "Name the principals (role ARNs, a service, an OIDC provider), or add conditions such as aws:PrincipalOrgID.",
  check(ctx) {
    return trustStatements(ctx).flatMap(({ doc, statement }) => {
      if (!statement.known || statement.conditions.length > 0) return [];
      const open = statement.principals.find(
        (p) => p.type === "*" || (p.type.toLowerCase() === "aws" && p.identifiers.includes("*")),
      );
      if (!open) return [];
      return [
        findingOf(principalWildcardNoCondition, doc.owner, {
          field: open.field,
          received: JSON.stringify(open.identifiers),
          message: "every AWS principal can assume this role: the statement has a wildcard principal and no condition",
        }),
      ];
    });
  },
};
