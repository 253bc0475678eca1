import { Rule } from "../../model";
import { atlasUsers, userRoles } from "../../lib/atlas";
import { COLLECTION_ROLES, isBuiltInRole } from "../../lib/atlas-roles";
import { findingOf } from "../../lib/finding";
import { literalValue } from "../../lib/tokens";
import { show } from "../../lib/values";

/** collection_name on a built-in role that cannot be narrowed to a collection. */
export const atlasRoleCollection: Rule = {
  id: "ATLAS-ROLE-COLLECTION",
  severity: "error",
  description: "collection_name is set on a built-in role other than read or readWrite.",
  reason:
    "Only read and readWrite can be narrowed to one collection; Atlas rejects or drops collection_name on the others, and the provider then shows a diff on every plan.",
  fix: "Remove collection_name, or use read/readWrite for collection-level access.",
  check(ctx) {
    return atlasUsers(ctx).flatMap((user) =>
      (userRoles(user) ?? []).flatMap((role, i) => {
        const name = literalValue(role.role_name);
        const collection = role.collection_name;
        if (name === undefined || !isBuiltInRole(name) || COLLECTION_ROLES.includes(name)) return [];
        if (collection === undefined || collection === null || collection === "") return [];
        return [
          findingOf(atlasRoleCollection, user, {
            field: `roles[${i}].collection_name`,
            received: show(collection),
            message: `role ${name} does not accept collection_name`,
          }),
        ];
      }),
    );
  },
};
