import { Rule } from "../../model";
import { atlasUsers } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { literalValue } from "../../lib/tokens";
import { blockList, show } from "../../lib/values";

const SCOPE_TYPES = ["CLUSTER", "DATA_LAKE"];

/** Scopes with a type Atlas does not know or an empty name. */
export const atlasScopeType: Rule = {
  id: "ATLAS-SCOPE-TYPE",
  severity: "error",
  description: "A scopes block has a type other than CLUSTER or DATA_LAKE (exact case), or an empty name.",
  reason: "Atlas accepts only CLUSTER and DATA_LAKE, in upper case; other values are rejected or read back differently and diff forever.",
  fix: 'Use type "CLUSTER" or "DATA_LAKE" and the exact cluster or data lake name.',
  check(ctx) {
    return atlasUsers(ctx).flatMap((user) =>
      (blockList(user.config.scopes) ?? []).flatMap((scope, i) => {
        const found = [];
        const type = literalValue(scope.type);
        if (type !== undefined && !SCOPE_TYPES.includes(type)) {
          const upper = type.toUpperCase();
          found.push(
            findingOf(atlasScopeType, user, {
              field: `scopes[${i}].type`,
              received: show(scope.type),
              message: SCOPE_TYPES.includes(upper)
                ? `scope type is case-sensitive; use "${upper}"`
                : "scope type must be CLUSTER or DATA_LAKE",
            }),
          );
        }
        const name = scope.name === undefined ? "" : literalValue(scope.name);
        if (name !== undefined && name.trim() === "") {
          found.push(
            findingOf(atlasScopeType, user, {
              field: `scopes[${i}].name`,
              received: show(scope.name),
              message: "scope name is empty",
            }),
          );
        }
        return found;
      }),
    );
  },
};
