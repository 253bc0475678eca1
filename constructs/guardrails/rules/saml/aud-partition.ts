import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { audiencePartition, SAML_AUDIENCES, samlPartitions, samlStatements } from "../../lib/saml";
import { hasWildcard, isPositiveOperator } from "../../lib/statement";
import { literalValue } from "../../lib/tokens";

/** `SAML:aud` values that are not the sign-in endpoint of the provider's partition. */
export const samlAudPartition: Rule = {
  id: "SAML-AUD-PARTITION",
  severity: "error",
  description: "A `SAML:aud` value is not the AWS sign-in endpoint of the SAML provider's partition.",
  reason:
    "AWS sets SAML:aud to the endpoint that received the assertion: https://signin.aws.amazon.com/saml (or https://REGION.signin.aws.amazon.com/saml) in aws, https://signin.amazonaws.cn/saml in aws-cn, https://signin.amazonaws-us-gov.com/saml in aws-us-gov. Another value never matches, so nobody can sign in.",
  fix: "Use the sign-in endpoint of the partition in the SAML provider ARN.",
  check(ctx) {
    return samlStatements(ctx).flatMap(({ doc, statement }) => {
      const partitions = samlPartitions(statement);
      return statement.conditions.flatMap((cond) => {
        if (cond.variable.toLowerCase() !== "saml:aud" || !isPositiveOperator(cond.test)) return [];
        const bad = cond.values.filter((v) => {
          const aud = literalValue(v);
          if (aud === undefined || hasWildcard(v)) return false;
          const part = audiencePartition(aud);
          return part === undefined || (partitions.length > 0 && !partitions.includes(part));
        });
        if (bad.length === 0) return [];
        const expected = (partitions.length > 0 ? partitions : Object.keys(SAML_AUDIENCES))
          .flatMap((p) => SAML_AUDIENCES[p]?.exact ?? [])
          .join(" or ");
        return [
          findingOf(samlAudPartition, doc.owner, {
            field: cond.field,
            received: JSON.stringify(bad),
            message:
              partitions.length > 0
                ? `SAML:aud does not match partition ${partitions.join(", ")} of the SAML provider; expected ${expected}`
                : `SAML:aud is not an AWS sign-in endpoint; expected ${expected}`,
          }),
        ];
      });
    });
  },
};
