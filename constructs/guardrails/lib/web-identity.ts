/** Trust statements that let an OIDC identity assume a role. */
import { RuleContext } from "../model";
import { PolicyStatement } from "./policy";
import { mentionsType, resolveBlock, wholeReference } from "./refs";
import { allowsAction, identifiersOfType } from "./statement";
import { literalPrefix, literalText, literalValue } from "./tokens";
import { TrustStatement, trustStatements } from "./trust";

/** Web identity providers that IAM accepts without an oidc-provider resource. */
export const BUILT_IN_WEB_IDPS = ["cognito-identity.amazonaws.com", "accounts.google.com", "graph.facebook.com", "www.amazon.com"];

/** Allow statements with a Federated principal and sts:AssumeRoleWithWebIdentity. */
export function webIdentityStatements(ctx: RuleContext): TrustStatement[] {
  return trustStatements(ctx).filter(
    ({ statement }) =>
      identifiersOfType(statement, "Federated").length > 0 && allowsAction(statement, "sts:AssumeRoleWithWebIdentity"),
  );
}

/** True when every Federated principal is Amazon Cognito, whose tokens are pinned by `aud` and `amr`, not `sub`. */
export function onlyCognito(st: PolicyStatement): boolean {
  const ids = identifiersOfType(st, "Federated");
  return ids.length > 0 && ids.every((id) => literalValue(id) === "cognito-identity.amazonaws.com");
}

/** True when the statement's issuer is an EKS cluster, read from the principal ARN, the provider URL or the condition keys. */
export function isEksIssuer(ctx: RuleContext, st: PolicyStatement): boolean {
  const fromPrincipal = identifiersOfType(st, "Federated").some((id) => {
    if (literalText(id).includes("oidc-provider/oidc.eks.")) return true;
    const ref = wholeReference(id);
    if (!ref || ref.type !== "aws_iam_openid_connect_provider") return false;
    const provider = resolveBlock(ctx, ref);
    if (!provider) return false;
    const url = provider.config.url;
    return (typeof url === "string" && literalText(url).includes("oidc.eks.")) || mentionsType(url, "aws_eks_cluster");
  });
  const fromKeys = st.conditions.some(
    (c) => literalPrefix(c.variable).startsWith("oidc.eks.") || mentionsType(c.variable, "aws_eks_cluster"),
  );
  return fromPrincipal || fromKeys;
}
