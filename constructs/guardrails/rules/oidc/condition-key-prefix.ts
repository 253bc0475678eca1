import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { literalPrefix } from "../../lib/tokens";
import { webIdentityStatements } from "../../lib/web-identity";

/** OIDC condition keys written with a URL scheme or an ARN in front. */
export const oidcConditionKeyPrefix: Rule = {
  id: "OIDC-CONDITION-KEY-PREFIX",
  severity: "error",
  description: "A web identity trust condition key starts with `https://` or with an ARN instead of the issuer host and path.",
  reason:
    "IAM names OIDC claim keys `<issuer host/path>:<claim>`, without scheme and without ARN. A key with either prefix is never present in the request, so the condition never matches and nobody can assume the role (or, under a negated operator, it never restricts).",
  fix: "Write the key as `oidc.eks.REGION.amazonaws.com/id/ID:sub` (no `https://`, no `arn:...:oidc-provider/`).",
  check(ctx) {
    return webIdentityStatements(ctx).flatMap(({ doc, statement }) =>
      statement.conditions.flatMap((cond) => {
        const prefix = literalPrefix(cond.variable);
        const scheme = /^https?:\/\//i.test(prefix);
        if (!scheme && !/^arn:/i.test(prefix)) return [];
        return [
          findingOf(oidcConditionKeyPrefix, doc.owner, {
            field: cond.field,
            received: JSON.stringify(cond.variable),
            message: scheme
              ? "condition key starts with a URL scheme; IAM keys OIDC claims by issuer host and path only"
              : "condition key starts with an ARN; IAM keys OIDC claims by issuer host and path only",
          }),
        ];
      }),
    );
  },
};
