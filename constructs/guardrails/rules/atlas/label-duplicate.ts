import { Rule } from "../../model";
import { atlasUsers } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { literalValue } from "../../lib/tokens";
import { blockList, show } from "../../lib/values";

/** Labels with the same key twice on one user. */
export const atlasLabelDuplicate: Rule = {
  id: "ATLAS-LABEL-DUPLICATE",
  severity: "error",
  description: "A database user has two labels with the same key.",
  reason: "Atlas keeps one value per label key; the provider then reads back fewer labels than configured and plans a change on every run.",
  fix: "Keep one labels block per key.",
  check(ctx) {
    return atlasUsers(ctx).flatMap((user) => {
      const seen = new Set<string>();
      return (blockList(user.config.labels) ?? []).flatMap((label, i) => {
        const key = literalValue(label.key);
        if (key === undefined) return [];
        if (!seen.has(key)) {
          seen.add(key);
          return [];
        }
        return [
          findingOf(atlasLabelDuplicate, user, {
            field: `labels[${i}].key`,
            received: show(label.key),
            message: `label key ${show(key)} is used more than once`,
          }),
        ];
      });
    });
  },
};
