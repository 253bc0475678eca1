import { Rule } from "../../model";
import { known, pathAndName } from "../../lib/arn";
import { atlasUsers, usernameIdentity } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { literalValue } from "../../lib/tokens";
import { show } from "../../lib/values";

/** Atlas usernames that carry an IAM role path. */
export const iamRolePathAtlasUser: Rule = {
  id: "IAM-ROLE-PATH-ATLAS-USER",
  severity: "error",
  description:
    "An Atlas username is the ARN of a role with a path other than `/`, by `${aws_iam_role.X.arn}` or as a literal `arn:aws:iam::ACCOUNT:role/some/path/name`.",
  reason:
    "A caller's assumed-role ARN (`arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION`) carries the role name but never its path, so Atlas looks up `arn:aws:iam::ACCOUNT:role/NAME` and never finds a username that includes the path.",
  fix: "Create the role with path `/`, or set username to `arn:PARTITION:iam::ACCOUNT:role/NAME` without the path; suppress this rule only after checking a login works.",
  check(ctx) {
    return atlasUsers(ctx).flatMap((user) => {
      const id = usernameIdentity(ctx, user.config.username);
      if (id.kind !== "role") return [];
      let path: string | undefined;
      if (id.ref?.data) return [];
      if (id.block && id.ref?.type === "aws_iam_role") {
        const raw = id.block.config.path;
        path = raw === undefined ? "/" : literalValue(raw);
      } else if (id.parts) {
        const split = pathAndName(id.parts.resource);
        path = known(split.path) ? split.path : undefined;
      }
      if (path === undefined || path === "/") return [];
      return [
        findingOf(iamRolePathAtlasUser, user, {
          field: "username",
          received: show(user.config.username),
          message: `the role has path ${show(path)}, but callers present an ARN without the path, so this username never matches`,
        }),
      ];
    });
  },
};
