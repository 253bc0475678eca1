import { Rule } from "../../model";
import { checkText, IAM_NAME_ALLOWED, IAM_NAME_PATTERN, ofTypes } from "../../lib/limits";

/** Instance profile names outside 1-128 characters of `[\w+=,.@-]`. */
export const limitInstanceProfileName: Rule = {
  id: "LIMIT-INSTANCE-PROFILE-NAME",
  severity: "error",
  description: "An aws_iam_instance_profile name is longer than 128 characters or has characters outside `[\\w+=,.@-]`.",
  reason: "IAM quotas and the CreateInstanceProfile API: instance profile names are 1-128 characters of letters, digits and + = , . @ _ -; IAM rejects others at apply time.",
  fix: "Shorten the instance profile name to 128 characters and use only letters, digits and + = , . @ _ -.",
  check(ctx) {
    return ofTypes(ctx.resources, ["aws_iam_instance_profile"]).flatMap((r) =>
      checkText(limitInstanceProfileName, r, "name", r.config.name, { min: 1, max: 128, pattern: IAM_NAME_PATTERN, allowed: IAM_NAME_ALLOWED }),
    );
  },
};
