import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { checkText, ofTypes } from "../../lib/limits";

/** Largest number of client ids (audiences) on one IAM OIDC provider. */
export const MAX_CLIENT_IDS = 100;

/** OIDC providers with too many or too long client ids. */
export const limitOidcClientIds: Rule = {
  id: "LIMIT-OIDC-CLIENT-IDS",
  severity: "error",
  description: "An aws_iam_openid_connect_provider lists more than 100 client ids, or a client id longer than 255 characters.",
  reason: "IAM quotas and the CreateOpenIDConnectProvider API: at most 100 client ids per OIDC provider, each 1-255 characters; IAM rejects more at apply time.",
  fix: "Keep at most 100 client ids, or split audiences over several providers for different issuers.",
  check(ctx) {
    return ofTypes(ctx.resources, ["aws_iam_openid_connect_provider"]).flatMap((p) => {
      const list = p.config.client_id_list;
      if (!Array.isArray(list)) return [];
      const found = list.flatMap((id, i) => checkText(limitOidcClientIds, p, `client_id_list[${i}]`, id, { min: 1, max: 255 }));
      if (list.length > MAX_CLIENT_IDS) {
        found.unshift(
          findingOf(limitOidcClientIds, p, {
            field: "client_id_list",
            received: `${list.length} entries`,
            message: `client_id_list has ${list.length} entries; the maximum is ${MAX_CLIENT_IDS}`,
          }),
        );
      }
      return found;
    });
  },
};
