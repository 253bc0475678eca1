import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { ofTypes } from "../../lib/limits";
import { literalValue } from "../../lib/tokens";
import { show } from "../../lib/values";

/** Largest number of thumbprints on one IAM OIDC provider. */
export const MAX_THUMBPRINTS = 5;

/** OIDC providers with too many or malformed thumbprints. */
export const limitOidcThumbprints: Rule = {
  id: "LIMIT-OIDC-THUMBPRINTS",
  severity: "error",
  description: "An aws_iam_openid_connect_provider lists more than 5 thumbprints, or a thumbprint that is not 40 hex characters.",
  reason: "IAM quotas and the CreateOpenIDConnectProvider API: at most 5 thumbprints per provider, each a 40-character hex SHA-1 fingerprint; IAM rejects others at apply time.",
  fix: "Keep at most 5 thumbprints of 40 hex characters each (or omit thumbprint_list and let IAM use its trusted CAs).",
  check(ctx) {
    return ofTypes(ctx.resources, ["aws_iam_openid_connect_provider"]).flatMap((p) => {
      const list = p.config.thumbprint_list;
      if (!Array.isArray(list)) return [];
      const found = list.flatMap((raw, i) => {
        const value = literalValue(raw);
        if (value === undefined || /^[0-9a-fA-F]{40}$/.test(value)) return [];
        return [
          findingOf(limitOidcThumbprints, p, {
            field: `thumbprint_list[${i}]`,
            received: show(raw),
            message: `thumbprint_list[${i}] must be 40 hex characters`,
          }),
        ];
      });
      if (list.length > MAX_THUMBPRINTS) {
        found.unshift(
          findingOf(limitOidcThumbprints, p, {
            field: "thumbprint_list",
            received: `${list.length} entries`,
            message: `thumbprint_list has ${list.length} entries; the maximum is ${MAX_THUMBPRINTS}`,
          }),
        );
      }
      return found;
    });
  },
};
