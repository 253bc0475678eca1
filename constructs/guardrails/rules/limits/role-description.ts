import { Rule } from "../../model";
import { checkText, ofTypes } from "../../lib/limits";

/** Role descriptions over 1000 characters or with characters IAM rejects. */
export const limitRoleDescription: Rule = {
  id: "LIMIT-ROLE-DESCRIPTION",
  severity: "error",
  description: "An aws_iam_role description is longer than 1000 characters or has characters outside tab, newline and Latin-1 printable text.",
  reason: "CreateRole API (IAM API Reference): Description is at most 1000 characters of `[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]`; IAM rejects others at apply time.",
  fix: "Shorten the description to 1000 characters and keep to Latin-1 text.",
  check(ctx) {
    return ofTypes(ctx.resources, ["aws_iam_role"]).flatMap((r) =>
      checkText(limitRoleDescription, r, "description", r.config.description, {
        min: 0,
        max: 1000,
        pattern: /^[\t\n\r\x20-\x7E\xA1-\xFF]*$/,
        allowed: "tab, newline and characters U+0020-U+007E, U+00A1-U+00FF",
      }),
    );
  },
};
