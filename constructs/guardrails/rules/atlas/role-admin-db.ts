import { Rule } from "../../model";
import { atlasUsers, userRoles } from "../../lib/atlas";
import { ADMIN_ONLY_ROLES, isBuiltInRole } from "../../lib/atlas-roles";
import { findingOf } from "../../lib/finding";
import { wholeReference } from "../../lib/refs";
import { literalValue } from "../../lib/tokens";
import { show } from "../../lib/values";

/** Cluster-wide and custom roles granted on a database other than `admin`. */
export const atlasRoleAdminDb: Rule = {
  id: "ATLAS-ROLE-ADMIN-DB",
  severity: "error",
  description:
    "A cluster-wide built-in role (atlasAdmin, backup, clusterMonitor, dbAdminAnyDatabase, enableSharding, readAnyDatabase, readWriteAnyDatabase) or a custom role is granted on a database other than `admin`.",
  reason:
    "These roles exist only in the `admin` database (Atlas creates custom roles there too); the Atlas API rejects them on any other database, so apply fails.",
  fix: 'Set database_name to "admin" for this role.',
  check(ctx) {
    return atlasUsers(ctx).flatMap((user) =>
      (userRoles(user) ?? []).flatMap((role, i) => {
        const name = literalValue(role.role_name);
        const ref = wholeReference(role.role_name);
        const custom = ref ? ref.type === "mongodbatlas_custom_db_role" : name !== undefined && !isBuiltInRole(name);
        const adminOnly = name !== undefined && ADMIN_ONLY_ROLES.includes(name);
        if (!custom && !adminOnly) return [];
        const db = literalValue(role.database_name);
        if (db === undefined && role.database_name !== undefined) return [];
        if (db === "admin") return [];
        const label = name !== undefined ? `role ${name}` : "custom role";
        return [
          findingOf(atlasRoleAdminDb, user, {
            field: `roles[${i}].database_name`,
            received: show(role.database_name),
            message: `${label} must be granted on the admin database`,
          }),
        ];
      }),
    );
  },
};
