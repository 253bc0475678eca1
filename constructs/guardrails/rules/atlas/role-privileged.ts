import { Rule } from "../../model";
import { atlasUsers, userRoles } from "../../lib/atlas";
import { PRIVILEGED_ROLES } from "../../lib/atlas-roles";
import { findingOf } from "../../lib/finding";
import { literalValue } from "../../lib/tokens";
import { show } from "../../lib/values";

/** Roles that reach every database, granted without an explicit opt-in. */
export const atlasRolePrivileged: Rule = {
  id: "ATLAS-ROLE-PRIVILEGED",
  severity: "error",
  description:
    "A user is granted a role that reaches every database (atlasAdmin, readWriteAnyDatabase, readAnyDatabase, dbAdminAnyDatabase, backup) without an opt-in.",
  reason:
    "A workload identity with project-wide data access turns one leaked role session into a breach of every database; such grants must be a recorded decision, not a default.",
  fix: "Grant read/readWrite on the databases the workload uses, or opt in with suppressRule(construct, 'ATLAS-ROLE-PRIVILEGED', '<why this workload needs it>').",
  check(ctx) {
    return atlasUsers(ctx).flatMap((user) =>
      (userRoles(user) ?? []).flatMap((role, i) => {
        const name = literalValue(role.role_name);
        if (name === undefined || !PRIVILEGED_ROLES.includes(name)) return [];
        return [
          findingOf(atlasRolePrivileged, user, {
            field: `roles[${i}].role_name`,
            received: show(role.role_name),
            message: `${name} gives access to every database in the project and needs an explicit opt-in`,
          }),
        ];
      }),
    );
  },
};
