import { Rule } from "../../model";
import { atlasUsers, iamType, usernameIdentity } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { show } from "../../lib/values";

/** `aws_iam_type` that does not match the kind of ARN in the username. */
export const atlasUserIamTypeMismatch: Rule = {
  id: "ATLAS-USER-IAM-TYPE-MISMATCH",
  severity: "error",
  description: "aws_iam_type is ROLE for a user ARN (`:user/`) or USER for a role ARN (`:role/`).",
  reason:
    "Atlas maps a caller to a database user by ARN kind: assumed-role callers are looked up as ROLE users, IAM users as USER users. A mismatch means the user is never found.",
  fix: "Set aws_iam_type to ROLE for `arn:...:role/...` usernames and USER for `arn:...:user/...` usernames.",
  check(ctx) {
    return atlasUsers(ctx).flatMap((user) => {
      const declared = iamType(user)?.toUpperCase();
      const { kind } = usernameIdentity(ctx, user.config.username);
      let expected: string | undefined;
      if (kind === "role") expected = "ROLE";
      if (kind === "user") expected = "USER";
      if (!expected || (declared !== "ROLE" && declared !== "USER") || declared === expected) return [];
      return [
        findingOf(atlasUserIamTypeMismatch, user, {
          field: "aws_iam_type",
          received: show(user.config.aws_iam_type),
          message: `aws_iam_type is ${declared} but username ${show(user.config.username)} is an IAM ${kind} ARN`,
          fix: `Set aws_iam_type to "${expected}".`,
        }),
      ];
    });
  },
};
