import { Rule } from "../../model";
import { atlasUsers } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { show } from "../../lib/values";

/** Users without scopes, which reach every cluster of the project. */
export const atlasUserNoScopes: Rule = {
  id: "ATLAS-USER-NO-SCOPES",
  severity: "warning",
  description: "A database user has no scopes, so it can log in to every cluster and data lake of the project.",
  reason:
    "Roles apply on every cluster in the project unless scopes narrow them; a workload that needs one cluster then also reaches clusters added later.",
  fix: 'Add scopes { name = "<cluster>", type = "CLUSTER" }, or suppress this rule with a reason when project-wide access is intended.',
  check(ctx) {
    return atlasUsers(ctx).flatMap((user) => {
      const scopes = user.config.scopes;
      if (Array.isArray(scopes) ? scopes.length > 0 : scopes !== undefined) return [];
      return [
        findingOf(atlasUserNoScopes, user, {
          field: "scopes",
          received: show(scopes),
          message: "no scopes: the user can reach every cluster and data lake in the project",
        }),
      ];
    });
  },
};
