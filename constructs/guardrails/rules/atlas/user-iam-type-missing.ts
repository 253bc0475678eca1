import { Rule } from "../../model";
import { atlasUsers, iamType, usernameIdentity } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { show } from "../../lib/values";

/** Usernames that are IAM ARNs on users that do not use IAM authentication. */
export const atlasUserIamTypeMissing: Rule = {
  id: "ATLAS-USER-IAM-TYPE-MISSING",
  severity: "error",
  description: "A username is an IAM role or user ARN but aws_iam_type is missing or NONE.",
  reason:
    "Without aws_iam_type Atlas creates a SCRAM password user that happens to be named like an ARN; MONGODB-AWS logins never reach it.",
  fix: 'Set aws_iam_type to "ROLE" (role ARN) or "USER" (user ARN) and auth_database_name to "$external".',
  check(ctx) {
    return atlasUsers(ctx).flatMap((user) => {
      if (iamType(user) !== "NONE") return [];
      const { kind } = usernameIdentity(ctx, user.config.username);
      if (kind !== "role" && kind !== "user") return [];
      const expected = kind === "role" ? "ROLE" : "USER";
      return [
        findingOf(atlasUserIamTypeMissing, user, {
          field: "aws_iam_type",
          received: show(user.config.aws_iam_type),
          message: `username is an IAM ${kind} ARN but aws_iam_type is not set to ${expected}`,
          fix: `Set aws_iam_type to "${expected}" and auth_database_name to "$external".`,
        }),
      ];
    });
  },
};
