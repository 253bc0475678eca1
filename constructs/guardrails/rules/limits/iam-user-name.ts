import { Rule } from "../../model";
import { checkText, IAM_NAME_ALLOWED, IAM_NAME_PATTERN, ofTypes } from "../../lib/limits";

/** IAM user names outside 1-64 characters of `[\w+=,.@-]`. */
export const limitIamUserName: Rule = {
  id: "LIMIT-IAM-USER-NAME",
  severity: "error",
  description: "An aws_iam_user name is longer than 64 characters or has characters outside `[\\w+=,.@-]`.",
  reason: "IAM quotas and the CreateUser API: user names are 1-64 characters of letters, digits and + = , . @ _ -; IAM rejects others at apply time.",
  fix: "Shorten the user name to 64 characters and use only letters, digits and + = , . @ _ -.",
  check(ctx) {
    return ofTypes(ctx.resources, ["aws_iam_user"]).flatMap((r) =>
      checkText(limitIamUserName, r, "name", r.config.name, { min: 1, max: 64, pattern: IAM_NAME_PATTERN, allowed: IAM_NAME_ALLOWED }),
    );
  },
};
