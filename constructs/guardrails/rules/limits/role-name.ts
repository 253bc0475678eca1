import { Rule } from "../../model";
import { checkText, IAM_NAME_ALLOWED, IAM_NAME_PATTERN, ofTypes } from "../../lib/limits";

/** IAM role names outside 1-64 characters of `[\w+=,.@-]`. */
export const limitRoleName: Rule = {
  id: "LIMIT-ROLE-NAME",
  severity: "error",
  description: "An aws_iam_role name is longer than 64 characters or has characters outside `[\\w+=,.@-]`.",
  reason: "IAM quotas (IAM User Guide, \"IAM and AWS STS quotas\"; CreateRole API): role names are 1-64 characters of letters, digits and + = , . @ _ -. IAM rejects others at apply time.",
  fix: "Shorten the role name to 64 characters or fewer and use only letters, digits and + = , . @ _ -.",
  check(ctx) {
    return ofTypes(ctx.resources, ["aws_iam_role"]).flatMap((r) =>
      checkText(limitRoleName, r, "name", r.config.name, { min: 1, max: 64, pattern: IAM_NAME_PATTERN, allowed: IAM_NAME_ALLOWED }),
    );
  },
};
