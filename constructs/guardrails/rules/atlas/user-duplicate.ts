import { Rule, SynthResource } from "../../model";
import { ATLAS_USER, atlasUsers } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { isKnownString } from "../../lib/tokens";
import { isRepeated, show } from "../../lib/values";

type Key = [unknown, unknown, unknown];

function keyOf(user: SynthResource): Key {
  return [user.config.project_id, user.config.username, user.config.auth_database_name];
}

function sameKey(a: Key, b: Key, literalOnly: boolean): boolean {
  return a.every(
    (v, i) => typeof v === "string" && v === b[i] && (!literalOnly || isKnownString(v)),
  );
}

/** Two database users with the same project, username and auth database. */
export const atlasUserDuplicate: Rule = {
  id: "ATLAS-USER-DUPLICATE",
  severity: "error",
  description: "Two mongodbatlas_database_user blocks share project_id, username and auth_database_name, in one stack or across stacks of the app.",
  reason:
    "Atlas keys a database user by project, auth database and username. The second create fails with a conflict, or two stacks fight over one user and each apply undoes the other's roles.",
  fix: "Keep one database user per identity and project; grant all its roles in that one block.",
  check(ctx) {
    const own = atlasUsers(ctx).filter((u) => !isRepeated(u.config));
    const ownPaths = new Set(ctx.resources.map((r) => r.path));
    const others = (ctx.allResourcesInApp ?? []).filter(
      (r) => r.type === ATLAS_USER && !ownPaths.has(r.path) && !isRepeated(r.config),
    );
    return own.flatMap((user, i) => {
      const key = keyOf(user);
      const earlier = own.slice(0, i).find((o) => sameKey(keyOf(o), key, false));
      const elsewhere = earlier ? undefined : others.find((o) => sameKey(keyOf(o), key, true));
      const twin = earlier ?? elsewhere;
      if (!twin) return [];
      return [
        findingOf(atlasUserDuplicate, user, {
          field: "username",
          received: show(user.config.username),
          message: `same project_id, username and auth_database_name as ${twin.path}${elsewhere ? " in another stack" : ""}`,
        }),
      ];
    });
  },
};
