import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { identifiersOfType, namesAction } from "../../lib/statement";
import { literalText } from "../../lib/tokens";
import { trustStatements } from "../../lib/trust";

/** Federated principals trusted with plain sts:AssumeRole. */
export const principalFederatedPlainAssumeRole: Rule = {
  id: "PRINCIPAL-FEDERATED-PLAIN-ASSUME-ROLE",
  severity: "error",
  description: "A Federated principal is trusted with plain `sts:AssumeRole`.",
  reason:
    "Federated identities call sts:AssumeRoleWithWebIdentity (OIDC) or sts:AssumeRoleWithSAML (SAML); a grant of sts:AssumeRole to them is never used, so the role cannot be assumed.",
  fix: "Allow sts:AssumeRoleWithWebIdentity for an OIDC provider, or sts:AssumeRoleWithSAML for a SAML provider.",
  check(ctx) {
    return trustStatements(ctx).flatMap(({ doc, statement }) => {
      const federated = identifiersOfType(statement, "Federated");
      if (federated.length === 0 || !namesAction(statement, "sts:AssumeRole")) return [];
      const saml = federated.some((id) => /saml-provider\/|aws_iam_saml_provider\./.test(literalText(id) + id));
      return [
        findingOf(principalFederatedPlainAssumeRole, doc.owner, {
          field: statement.actionsField,
          received: JSON.stringify(statement.actions),
          message: "a Federated principal cannot use sts:AssumeRole",
          fix: saml ? "Use sts:AssumeRoleWithSAML." : "Use sts:AssumeRoleWithWebIdentity.",
        }),
      ];
    });
  },
};
