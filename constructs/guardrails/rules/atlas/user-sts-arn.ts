import { Rule } from "../../model";
import { atlasUsers, usernameIdentity } from "../../lib/atlas";
import { known } from "../../lib/arn";
import { findingOf } from "../../lib/finding";
import { show } from "../../lib/values";

/** Usernames that are STS session ARNs rather than IAM role ARNs. */
export const atlasUserStsArn: Rule = {
  id: "ATLAS-USER-STS-ARN",
  severity: "error",
  description: "A database user's username is an STS ARN (`arn:aws:sts::...:assumed-role/...`).",
  reason:
    "An assumed-role ARN names one session, not the role. Atlas stores the role ARN (`arn:aws:iam::ACCOUNT:role/NAME`) for ROLE users, so a session ARN never matches a later login.",
  fix: "Use the role ARN `arn:aws:iam::ACCOUNT:role/NAME` (or `${aws_iam_role.X.arn}`) with aws_iam_type ROLE.",
  check(ctx) {
    return atlasUsers(ctx).flatMap((user) => {
      const id = usernameIdentity(ctx, user.config.username);
      if (id.kind !== "assumed-role" && id.kind !== "sts-other") return [];
      const p = id.parts;
      const roleName = p && id.kind === "assumed-role" ? p.resource.split("/")[1] : undefined;
      const fix =
        p && roleName && known(p.partition) && known(p.account) && known(roleName)
          ? `Use "arn:${p.partition}:iam::${p.account}:role/${roleName}" with aws_iam_type ROLE.`
          : undefined;
      return [
        findingOf(atlasUserStsArn, user, {
          field: "username",
          received: show(user.config.username),
          message: "username is an STS session ARN; Atlas matches the IAM role ARN, never a session",
          fix,
        }),
      ];
    });
  },
};
