import { Rule, SynthResource } from "../../model";
import { ATLAS_USER, atlasUsers } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { isKnownString } from "../../lib/tokens";
import { instanceCount, show } from "../../lib/values";

/** Documented default: Atlas supports at most 100 database users per project. */
export const DEFAULT_ATLAS_USERS_PER_PROJECT = 100;

function count(users: SynthResource[]): number {
  // Unknown count/for_each counts as one instance: a lower bound, so a finding is never a guess.
  return users.reduce((n, u) => n + (instanceCount(u.config) ?? 1), 0);
}

/** More database users in one project than Atlas allows. */
export const atlasProjectUserLimit: Rule = {
  id: "ATLAS-PROJECT-USER-LIMIT",
  severity: "error",
  description: "One Atlas project gets more database users than the per-project limit (default 100).",
  reason:
    "The Atlas Admin API (createDatabaseUser) documents a maximum of 100 database users per project unless Support raises it; the user past the limit fails to create with GROUP_USERS_LIMIT_EXCEEDED. Source: MongoDB Atlas CLI/Admin API reference, `atlas api databaseUsers createDatabaseUser`.",
  fix: "Spread users across projects, or share one IAM role between workloads; if Support raised the limit, set the guardrail option atlasUsersPerProject.",
  check(ctx) {
    const limit = ctx.options?.atlasUsersPerProject ?? DEFAULT_ATLAS_USERS_PER_PROJECT;
    const ownPaths = new Set(ctx.resources.map((r) => r.path));
    const others = (ctx.allResourcesInApp ?? []).filter((r) => r.type === ATLAS_USER && !ownPaths.has(r.path));
    const byProject = new Map<string, SynthResource[]>();
    for (const user of atlasUsers(ctx)) {
      const project = user.config.project_id;
      if (typeof project !== "string") continue;
      byProject.set(project, [...(byProject.get(project) ?? []), user]);
    }
    return [...byProject.entries()].flatMap(([project, users]) => {
      const elsewhere = isKnownString(project) ? others.filter((o) => o.config.project_id === project) : [];
      const total = count(users) + count(elsewhere);
      if (total <= limit) return [];
      const last = users[users.length - 1];
      return [
        findingOf(atlasProjectUserLimit, last, {
          field: "project_id",
          received: show(project),
          message: `project has at least ${total} database users across the app; the limit is ${limit}`,
        }),
      ];
    });
  },
};
