import { Rule } from "../../model";
import { atlasUsers, usernameIdentity } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { show } from "../../lib/values";

/** Usernames that are EC2 instance profile ARNs. */
export const atlasUserInstanceProfileArn: Rule = {
  id: "ATLAS-USER-INSTANCE-PROFILE-ARN",
  severity: "error",
  description: "A database user's username is an instance profile ARN (`:instance-profile/`).",
  reason:
    "Code on EC2 signs requests with the credentials of the role inside the instance profile; the caller identity is that role, so an instance profile ARN never matches.",
  fix: "Use the ARN of the role the instance profile holds (`${aws_iam_role.X.arn}`) with aws_iam_type ROLE.",
  check(ctx) {
    return atlasUsers(ctx).flatMap((user) =>
      usernameIdentity(ctx, user.config.username).kind === "instance-profile"
        ? [
            findingOf(atlasUserInstanceProfileArn, user, {
              field: "username",
              received: show(user.config.username),
              message: "username is an instance profile ARN; callers on EC2 authenticate as the role inside it",
            }),
          ]
        : [],
    );
  },
};
