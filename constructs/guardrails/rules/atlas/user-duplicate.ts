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
  const block = blockIndex(ctx, own).get(blockKey(stack, ref.type, ref.name));
  if (!block || isRepeated(block.config)) return username;
  const placement = placementOf(ctx, block, own);
  const name = literalValue(block.config.name);
  const path = block.config.path === undefined ? "/" : literalValue(block.config.path);
  const account = singleAccountOf(placement.providerBlock);
  const partition = partitionOf(placement.providerBlock);
  if (name === undefined || path === undefined || account === undefined || partition === undefined) return username;
  return `arn:${partition}:iam::${account}:${kind}${path}${name}`;
}

function blockKey(stack: string | undefined, type: string, name: string): string {
  return `${stack ?? ""}\u0000${type}\u0000${name}`;
}

const INDEXES = new WeakMap<RuleContext, Map<boolean, Map<string, SynthResource>>>();

/** Roles and users by stack, type and name, built once per context so that resolving a username is a lookup. */
function blockIndex(ctx: RuleContext, own: boolean): Map<string, SynthResource> {
  let byOwn = INDEXES.get(ctx);
  if (byOwn === undefined) {
    byOwn = new Map();
    INDEXES.set(ctx, byOwn);
  }
  let index = byOwn.get(own);
  if (index === undefined) {
    index = new Map();
    for (const block of own ? ctx.resources : (ctx.allResourcesInApp ?? [])) {
      if (ARN_TYPES[block.type] === undefined) continue;
      const key = blockKey(placementOf(ctx, block, own).stack, block.type, block.name);
      if (!index.has(key)) index.set(key, block);
    }
    byOwn.set(own, index);
  }
  return index;
}

/** A string equal for two keys exactly when sameKey holds; undefined when a part is not a string or, with literalOnly, not literal. */
function keyText(key: Key, literalOnly: boolean): string | undefined {
  if (!key.every((v) => typeof v === "string" && (!literalOnly || isKnownString(v)))) return undefined;
  return (key as string[]).join("\u0000");
}

function keyOf(ctx: RuleContext, user: SynthResource, own: boolean): Key {
  return [user.config.project_id, resolvedUsername(ctx, user, own), user.config.auth_database_name];
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
    // Only users of other stacks in a project of this stack can be twins, so the others are filtered first.
    const projects = new Set(own.map((user) => user.config.project_id));
    const otherByKey = new Map<string, SynthResource>();
    for (const other of others.filter((user) => projects.has(user.config.project_id))) {
      const text = keyText(keyOf(ctx, other, false), true);
      if (text !== undefined && !otherByKey.has(text)) otherByKey.set(text, other);
    }
    const firstByKey = new Map<string, SynthResource>();
    return own.flatMap((user) => {
      const key = keyOf(ctx, user, true);
      const text = keyText(key, false);
      if (text === undefined) return [];
      const earlier = firstByKey.get(text);
      if (earlier === undefined) firstByKey.set(text, user);
      const literal = keyText(key, true);
      const elsewhere = earlier || literal === undefined ? undefined : otherByKey.get(literal);
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
