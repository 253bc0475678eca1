import { Rule } from "../../model";
import { classifyArn, parseArn } from "../../lib/arn";
import { findingOf } from "../../lib/finding";
import { wholeReference } from "../../lib/refs";
import { principalsOfType } from "../../lib/statement";
import { literalValue } from "../../lib/tokens";
import { BUILT_IN_WEB_IDPS, webIdentityStatements } from "../../lib/web-identity";

const OIDC_TYPES = ["aws_iam_openid_connect_provider"];
const SAML_TYPES = ["aws_iam_saml_provider"];

/** True / false when the identifier is known to be / not be an OIDC provider; undefined when unknown. */
function isOidcProvider(id: string): boolean | undefined {
  const ref = wholeReference(id);
  if (ref) {
    if (OIDC_TYPES.includes(ref.type) && ref.attribute === "arn") return true;
    if (SAML_TYPES.includes(ref.type)) return false;
    return undefined;
  }
  const parts = parseArn(id);
  if (parts) {
    const kind = classifyArn(parts);
    return kind === "unknown" ? undefined : kind === "oidc-provider";
  }
  const literal = literalValue(id);
  return literal === undefined ? undefined : BUILT_IN_WEB_IDPS.includes(literal);
}

/** Web identity trust whose Federated principal is not an OIDC provider. */
export const oidcFederatedNotOidcProvider: Rule = {
  id: "OIDC-FEDERATED-NOT-OIDC-PROVIDER",
  severity: "error",
  description:
    "A statement allows sts:AssumeRoleWithWebIdentity for a Federated principal that is not an oidc-provider ARN (or a built-in web identity provider).",
  reason:
    "STS accepts a web identity token only for the IAM OIDC provider of its issuer. An issuer URL, a SAML provider or an account ARN as principal never matches, so the role cannot be assumed.",
  fix: "Use the ARN of the aws_iam_openid_connect_provider, e.g. `${aws_iam_openid_connect_provider.eks.arn}` or `arn:aws:iam::ACCOUNT:oidc-provider/ISSUER-HOST-PATH`.",
  check(ctx) {
    return webIdentityStatements(ctx).flatMap(({ doc, statement }) =>
      principalsOfType(statement, "Federated").flatMap((p) => {
        const bad = p.identifiers.filter((id) => isOidcProvider(id) === false);
        if (bad.length === 0) return [];
        return [
          findingOf(oidcFederatedNotOidcProvider, doc.owner, {
            field: p.field,
            received: JSON.stringify(bad),
            message: "the Federated principal of a web identity statement must be an oidc-provider ARN",
          }),
        ];
      }),
    );
  },
};
