import { Rule } from "../../model";
import { atlasUsers } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { show } from "../../lib/values";

/** Users with no roles block. */
export const atlasUserNoRoles: Rule = {
  id: "ATLAS-USER-NO-ROLES",
  severity: "error",
  description: "A database user has no roles.",
  reason: "The Atlas API requires at least one role per database user; apply fails after the IAM role is already created.",
  fix: 'Add roles { role_name = "readWrite", database_name = "<db>" } for the databases the workload uses.',
  check(ctx) {
    return atlasUsers(ctx).flatMap((user) => {
      const roles = user.config.roles;
      if (roles !== undefined && (!Array.isArray(roles) || roles.length > 0)) return [];
      return [
        findingOf(atlasUserNoRoles, user, {
          field: "roles",
          received: show(roles),
          message: "the user has no roles",
        }),
      ];
    });
  },
};
