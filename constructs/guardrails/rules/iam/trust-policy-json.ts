import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { parsePolicyText } from "../../lib/policy";
import { wholeReference } from "../../lib/refs";
import { hasInterpolation } from "../../lib/tokens";

/** Literal trust policies that are not valid JSON. */
export const iamTrustPolicyJson: Rule = {
  id: "IAM-TRUST-POLICY-JSON",
  severity: "error",
  description: "An aws_iam_role has a literal assume_role_policy that is not valid JSON.",
  reason: "IAM rejects the role with MalformedPolicyDocument at apply time, after other resources of the stack may already exist.",
  fix: "Build the trust policy with JSON.stringify or a DataAwsIamPolicyDocument instead of hand-written text.",
  check(ctx) {
    return ctx.resources
      .filter((r) => r.type === "aws_iam_role")
      .flatMap((role) => {
        const text = role.config.assume_role_policy;
        if (typeof text !== "string" || wholeReference(text) || hasInterpolation(text)) return [];
        if (parsePolicyText(text) !== undefined) return [];
        return [
          findingOf(iamTrustPolicyJson, role, {
            field: "assume_role_policy",
            received: text.length > 80 ? JSON.stringify(text.slice(0, 80) + "...") : JSON.stringify(text),
            message: "assume_role_policy is not valid JSON",
          }),
        ];
      });
  },
};
