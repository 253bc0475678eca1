import { Rule } from "../../model";
import { checkText, ofTypes } from "../../lib/limits";

/** Types whose `path` IAM validates the same way. */
export const PATH_TYPES = ["aws_iam_role", "aws_iam_user", "aws_iam_instance_profile"];

/** IAM paths that are too long or not `/` or `/.../`. */
export const limitIamPath: Rule = {
  id: "LIMIT-IAM-PATH",
  severity: "error",
  description: "A role, user or instance profile path is longer than 512 characters, or is not `/` or `/text/` of printable ASCII.",
  reason: "IAM quotas (IAM User Guide, \"IAM and AWS STS quotas\"; CreateRole API Path): paths are 1-512 characters, `/` alone or starting and ending with `/`, with characters ! (0x21) to ~ (0x7E). IAM rejects others at apply time.",
  fix: "Use `/` or a path like `/team/app/` of at most 512 characters.",
  check(ctx) {
    return ofTypes(ctx.resources, PATH_TYPES).flatMap((r) =>
      checkText(limitIamPath, r, "path", r.config.path, {
        min: 1,
        max: 512,
        pattern: /^(\/|\/[\x21-\x7E]+\/)$/,
        allowed: "a leading and trailing slash around printable ASCII without spaces",
      }),
    );
  },
};
