import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { checkText, ofTypes } from "../../lib/limits";
import { literalPrefix } from "../../lib/tokens";
import { asRecord } from "../../lib/values";

/** IAM resource types whose tags IAM limits the same way. */
export const TAGGED_TYPES = [
  "aws_iam_role",
  "aws_iam_user",
  "aws_iam_instance_profile",
  "aws_iam_openid_connect_provider",
  "aws_iam_saml_provider",
  "aws_iam_policy",
];

/** Largest number of tags on one IAM resource. */
export const MAX_TAGS = 50;

/** Tags beyond IAM's count, key and value limits. */
export const limitIamTags: Rule = {
  id: "LIMIT-IAM-TAGS",
  severity: "error",
  description: "An IAM resource has more than 50 tags, a tag key longer than 128 characters, a tag value longer than 256, or a key starting with `aws:`.",
  reason: "IAM quotas (IAM User Guide, \"IAM and AWS STS quotas\" and \"Tagging IAM resources\"): 50 tags per resource, keys 1-128 characters, values 0-256, and the `aws:` prefix is reserved. IAM rejects others at apply time. Provider default_tags also count and are not seen here.",
  fix: "Keep at most 50 tags with keys of 128 and values of 256 characters at most, and no `aws:` key prefix.",
  check(ctx) {
    return ofTypes(ctx.resources, TAGGED_TYPES).flatMap((r) => {
      const tags = asRecord(r.config.tags);
      if (!tags) return [];
      const entries = Object.entries(tags);
      const found = entries.flatMap(([key, value]) => {
        const keyField = `tags[${JSON.stringify(key)}]`;
        const own = [
          ...checkText(limitIamTags, r, `${keyField} key`, key, { min: 1, max: 128 }),
          ...checkText(limitIamTags, r, keyField, value, { min: 0, max: 256 }),
        ];
        if (literalPrefix(key).toLowerCase().startsWith("aws:")) {
          own.push(findingOf(limitIamTags, r, { field: `${keyField} key`, received: JSON.stringify(key), message: "tag keys starting with aws: are reserved" }));
        }
        return own;
      });
      if (entries.length > MAX_TAGS) {
        found.unshift(
          findingOf(limitIamTags, r, {
            field: "tags",
            received: `${entries.length} tags`,
            message: `${entries.length} tags; the maximum is ${MAX_TAGS}`,
          }),
        );
      }
      return found;
    });
  },
};
