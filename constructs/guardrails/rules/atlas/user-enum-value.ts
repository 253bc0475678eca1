import { Rule } from "../../model";
import { atlasUsers } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { literalValue } from "../../lib/tokens";
import { show } from "../../lib/values";

/** Accepted values of the user's enum fields (provider mongodbatlas 1.x). */
export const USER_ENUMS: Record<string, string[]> = {
  aws_iam_type: ["NONE", "USER", "ROLE"],
  x509_type: ["NONE", "MANAGED", "CUSTOMER"],
  ldap_auth_type: ["NONE", "USER", "GROUP"],
  oidc_auth_type: ["NONE", "IDP_GROUP", "USER"],
};

/** Enum fields of a database user with a value outside the accepted set, case included. */
export const atlasUserEnumValue: Rule = {
  id: "ATLAS-USER-ENUM-VALUE",
  severity: "error",
  description: "aws_iam_type, x509_type, ldap_auth_type or oidc_auth_type has a value outside its accepted set (values are upper case).",
  reason: "The Atlas API compares these values exactly: `role` is rejected or read back as `ROLE`, so the plan shows a change on every run.",
  fix: "Use the exact upper-case value, e.g. aws_iam_type = \"ROLE\".",
  check(ctx) {
    return atlasUsers(ctx).flatMap((user) =>
      Object.entries(USER_ENUMS).flatMap(([field, allowed]) => {
        const raw = user.config[field];
        const value = literalValue(raw);
        if (raw === undefined || value === undefined || allowed.includes(value)) return [];
        const upper = value.toUpperCase();
        return [
          findingOf(atlasUserEnumValue, user, {
            field,
            received: show(raw),
            message: allowed.includes(upper)
              ? `${field} is case-sensitive; use "${upper}"`
              : `${field} must be one of ${allowed.join(", ")}`,
            fix: allowed.includes(upper) ? `Set ${field} to "${upper}".` : undefined,
          }),
        ];
      }),
    );
  },
};
