import { Rule } from "../../model";
import { atlasUsers, isIamUser } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { literalValue } from "../../lib/tokens";
import { show } from "../../lib/values";

const MECHANISM_FIELDS = ["x509_type", "ldap_auth_type", "oidc_auth_type"];

/** IAM users that also carry a password or another auth mechanism. */
export const atlasUserCredentialMix: Rule = {
  id: "ATLAS-USER-CREDENTIAL-MIX",
  severity: "error",
  description: "An IAM database user also sets password, x509_type, ldap_auth_type or oidc_auth_type.",
  reason:
    "A database user has exactly one auth mechanism. Atlas rejects the mix, or the provider keeps a password in state that can never be used, and the plan never settles.",
  fix: "Remove password and leave x509_type, ldap_auth_type and oidc_auth_type unset (or NONE) on IAM users.",
  check(ctx) {
    return atlasUsers(ctx)
      .filter(isIamUser)
      .flatMap((user) => {
        const found = [];
        const password = user.config.password;
        if (password !== undefined && password !== null && password !== "") {
          found.push(
            findingOf(atlasUserCredentialMix, user, {
              field: "password",
              received: "(set)",
              message: "password is set on an IAM user",
              fix: "Remove password; IAM users authenticate with signed AWS requests.",
            }),
          );
        }
        for (const field of MECHANISM_FIELDS) {
          const raw = user.config[field];
          if (raw === undefined || raw === null) continue;
          const value = literalValue(raw);
          if (value === undefined || value.toUpperCase() === "NONE") continue;
          found.push(
            findingOf(atlasUserCredentialMix, user, {
              field,
              received: show(raw),
              message: `${field} is set on an IAM user`,
              fix: `Remove ${field} or set it to "NONE".`,
            }),
          );
        }
        return found;
      });
  },
};
