import { Rule, RuleContext, SynthResource } from "../../model";
import { partitionOf, placementOf, singleAccountOf } from "../../lib/accounts";
import { ATLAS_USER, atlasUsers } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { wholeReference } from "../../lib/refs";
import { isKnownString, literalValue } from "../../lib/tokens";
import { isRepeated, show } from "../../lib/values";

type Key = [unknown, unknown, unknown];

const ARN_TYPES: Readonly<Record<string, string>> = { aws_iam_role: "role", aws_iam_user: "user" };

/**
 * Resolves a username of the form `${aws_iam_role.X.arn}` or
 * `${aws_iam_user.X.arn}` to the literal ARN that IAM will give the block.
 * This needs a literal name and path, and an aws provider block with
 * exactly one literal allowed account and a literal region, from which
 * the partition follows. Any other username is returned unchanged.
 */
function resolvedUsername(ctx: RuleContext, user: SynthResource, own: boolean): unknown {
  const username = user.config.username;
  const ref = wholeReference(username);
  const kind = ref && !ref.data && ref.attribute === "arn" ? ARN_TYPES[ref.type] : undefined;
  if (!ref || !kind) return username;
  const stack = placementOf(ctx, user, own).stack;
  const pool = own ? ctx.resources : (ctx.allResourcesInApp ?? []);
  const block = pool.find((r) => r.type === ref.type && r.name === ref.name && placementOf(ctx, r, own).stack === stack);
  if (!block || isRepeated(block.config)) return username;
  const placement = placementOf(ctx, block, own);
  const name = literalValue(block.config.name);
  const path = block.config.path === undefined ? "/" : literalValue(block.config.path);
  const account = singleAccountOf(placement.providerBlock);
  const partition = partitionOf(placement.providerBlock);
  if (name === undefined || path === undefined || account === undefined || partition === undefined) return username;
  return `arn:${partition}:iam::${account}:${kind}${path}${name}`;
}

function keyOf(ctx: RuleContext, user: SynthResource, own: boolean): Key {
  return [user.config.project_id, resolvedUsername(ctx, user, own), user.config.auth_database_name];
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
  description:
    "Two mongodbatlas_database_user blocks share project_id, username and auth_database_name, in one stack or across stacks of the app. " +
    "A username `${aws_iam_role.X.arn}` or `${aws_iam_user.X.arn}` is compared as the ARN IAM gives the block, when its name and path are literal and its aws provider block has one literal allowed_account_ids entry and a literal region.",
  reason:
    "Atlas keys a database user by project, auth database and username. The second create fails with a conflict, or two stacks fight over one user and each apply undoes the other's roles.",
  fix: "Keep one database user per identity and project; grant all its roles in that one block.",
  check(ctx) {
    const own = atlasUsers(ctx).filter((u) => !isRepeated(u.config));
    const ownPaths = new Set(ctx.resources.map((r) => r.path));
    const others = (ctx.allResourcesInApp ?? []).filter(
      (r) => r.type === ATLAS_USER && !ownPaths.has(r.path) && !isRepeated(r.config),
    );
    const ownKeys = own.map((u) => keyOf(ctx, u, true));
    const otherKeys = others.map((u) => keyOf(ctx, u, false));
    return own.flatMap((user, i) => {
      const key = ownKeys[i];
      const earlier = own.find((_, j) => j < i && sameKey(ownKeys[j], key, false));
      const elsewhere = earlier ? undefined : others.find((_, j) => sameKey(otherKeys[j], key, true));
      const twin = earlier ?? elsewhere;
      if (!twin) return [];
      const resolved = key[1] === user.config.username ? "" : ` (${String(key[1])})`;
      return [
        findingOf(atlasUserDuplicate, user, {
          field: "username",
          received: show(user.config.username),
          message: `same project_id, username${resolved} and auth_database_name as ${twin.path}${elsewhere ? " in another stack" : ""}`,
        }),
      ];
    });
  },
};
