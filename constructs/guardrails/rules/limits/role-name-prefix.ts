import { Rule } from "../../model";
import { checkText, IAM_NAME_ALLOWED, IAM_NAME_PATTERN, ofTypes } from "../../lib/limits";

/** Role name prefixes longer than 38 characters. */
export const limitRoleNamePrefix: Rule = {
  id: "LIMIT-ROLE-NAME-PREFIX",
  severity: "error",
  description: "An aws_iam_role name_prefix is longer than 38 characters or has characters outside `[\\w+=,.@-]`.",
  reason: "The AWS provider appends a 26-character unique suffix to name_prefix, and role names are limited to 64 characters (IAM quotas), so the prefix may be at most 38; the provider rejects longer prefixes at plan time.",
  fix: "Shorten name_prefix to 38 characters or fewer.",
  check(ctx) {
    return ofTypes(ctx.resources, ["aws_iam_role"]).flatMap((r) =>
      checkText(limitRoleNamePrefix, r, "name_prefix", r.config.name_prefix, { min: 1, max: 38, pattern: IAM_NAME_PATTERN, allowed: IAM_NAME_ALLOWED }),
    );
  },
};
