import { Rule } from "../../model";
import { atlasUsers, userRoles } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { literalValue } from "../../lib/tokens";
import { show } from "../../lib/values";

const FIELDS = ["role_name", "database_name"];

/** Roles with an empty role_name or database_name. */
export const atlasRoleEmptyField: Rule = {
  id: "ATLAS-ROLE-EMPTY-FIELD",
  severity: "error",
  description: "A roles block has an empty or blank role_name or database_name.",
  reason: "The Atlas API rejects a role without a role or database name, so apply fails after the IAM side is already created.",
  fix: "Give every roles block a role_name and a database_name.",
  check(ctx) {
    return atlasUsers(ctx).flatMap((user) =>
      (userRoles(user) ?? []).flatMap((role, i) =>
        FIELDS.flatMap((field) => {
          const raw = role[field];
          const value = raw === undefined ? "" : literalValue(raw);
          if (value === undefined || value.trim() !== "") return [];
          return [
            findingOf(atlasRoleEmptyField, user, {
              field: `roles[${i}].${field}`,
              received: show(raw),
              message: `${field} is empty`,
            }),
          ];
        }),
      ),
    );
  },
};
