import { Rule } from "../../model";
import { classifyArn, known, parseArn } from "../../lib/arn";
import { findingOf } from "../../lib/finding";
import { identifiersOfType } from "../../lib/statement";
import { literalValue } from "../../lib/tokens";
import { BUILT_IN_WEB_IDPS, webIdentityStatements } from "../../lib/web-identity";

/** Issuer host/path of each Federated principal; undefined when any is not literal. */
function issuers(ids: string[]): string[] | undefined {
  const out: string[] = [];
  for (const id of ids) {
    const literal = literalValue(id);
    if (literal === undefined) return undefined;
    if (BUILT_IN_WEB_IDPS.includes(literal)) {
      out.push(literal);
      continue;
    }
    const parts = parseArn(literal);
    if (!parts || classifyArn(parts) !== "oidc-provider" || !known(parts.resource)) return undefined;
    out.push(parts.resource.slice("oidc-provider/".length));
  }
  return out;
}

/** OIDC claim keys naming an issuer other than the trusted provider. */
export const oidcConditionKeyIssuerMismatch: Rule = {
  id: "OIDC-CONDITION-KEY-ISSUER-MISMATCH",
  severity: "error",
  description: "A web identity condition key names an issuer (`HOST/PATH:claim`) that is not the issuer of the statement's Federated principal.",
  reason:
    "Tokens of the trusted provider only carry keys of their own issuer. A key copied from another cluster or provider is never present, so the condition never matches and the role cannot be assumed.",
  fix: "Use the issuer of the Federated principal in the key, e.g. the part after `oidc-provider/` in its ARN.",
  check(ctx) {
    return webIdentityStatements(ctx).flatMap(({ doc, statement }) => {
      const trusted = issuers(identifiersOfType(statement, "Federated"));
      if (!trusted || trusted.length === 0) return [];
      const lower = trusted.map((t) => t.toLowerCase());
      return statement.conditions.flatMap((cond) => {
        const key = literalValue(cond.variable);
        if (key === undefined) return [];
        const colon = key.lastIndexOf(":");
        const issuer = colon < 0 ? "" : key.slice(0, colon);
        if (!issuer.includes(".") || /^(https?:|arn:)/i.test(issuer) || lower.includes(issuer.toLowerCase())) return [];
        return [
          findingOf(oidcConditionKeyIssuerMismatch, doc.owner, {
            field: cond.field,
            received: JSON.stringify(cond.variable),
            message: `condition key names issuer ${issuer}, but the statement trusts ${trusted.join(", ")}`,
          }),
        ];
      });
    });
  },
};
