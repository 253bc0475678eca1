import { Rule } from "../../model";
import { atlasUsers } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { literalPrefix, literalSuffix } from "../../lib/tokens";
import { show } from "../../lib/values";

/** Usernames with leading or trailing whitespace. */
export const atlasUsernameWhitespace: Rule = {
  id: "ATLAS-USERNAME-WHITESPACE",
  severity: "error",
  description: "A database username starts or ends with whitespace.",
  reason: "The caller's ARN never has spaces, so a padded ARN never matches a login; for other users the padding is easy to miss and hard to type.",
  fix: "Remove the leading and trailing whitespace from the username.",
  check(ctx) {
    return atlasUsers(ctx).flatMap((user) => {
      const name = user.config.username;
      if (typeof name !== "string") return [];
      if (!/^\s/.test(literalPrefix(name)) && !/\s$/.test(literalSuffix(name))) return [];
      return [
        findingOf(atlasUsernameWhitespace, user, {
          field: "username",
          received: show(name),
          message: "username has leading or trailing whitespace",
        }),
      ];
    });
  },
};
