import { Rule } from "../../model";
import { atlasUsers, EXTERNAL_DB, isIamUser } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { literalValue } from "../../lib/tokens";
import { show } from "../../lib/values";

/** IAM users whose auth database is not `$external`. */
export const atlasUserAuthDb: Rule = {
  id: "ATLAS-USER-AUTH-DB",
  severity: "error",
  description: "An IAM database user has auth_database_name other than `$external`.",
  reason:
    "Atlas keeps users of external mechanisms (MONGODB-AWS, X.509, LDAP, OIDC) in the `$external` database; the Atlas API rejects an IAM user in any other auth database.",
  fix: 'Set auth_database_name to "$external".',
  check(ctx) {
    return atlasUsers(ctx)
      .filter(isIamUser)
      .flatMap((user) => {
        const raw = user.config.auth_database_name;
        const value = literalValue(raw);
        if (raw !== undefined && (value === undefined || value === EXTERNAL_DB)) return [];
        return [
          findingOf(atlasUserAuthDb, user, {
            field: "auth_database_name",
            received: show(raw),
            message: `auth_database_name must be "${EXTERNAL_DB}" for an IAM user`,
          }),
        ];
      });
  },
};
