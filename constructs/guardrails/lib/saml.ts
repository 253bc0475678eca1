/** Trust statements for SAML 2.0 federation. */
import { RuleContext } from "../model";
import { classifyArn, known, parseArn } from "./arn";
import { PolicyStatement } from "./policy";
import { wholeReference } from "./refs";
import { identifiersOfType } from "./statement";
import { TrustStatement, trustStatements } from "./trust";

/** True when a Federated identifier is a SAML provider (by literal ARN or by reference). */
export function isSamlProvider(id: string): boolean {
  const ref = wholeReference(id);
  if (ref) return ref.type === "aws_iam_saml_provider" && ref.attribute === "arn";
  const parts = parseArn(id);
  return parts !== undefined && classifyArn(parts) === "saml-provider";
}

/** Allow statements whose Federated principal is a SAML provider. */
export function samlStatements(ctx: RuleContext): TrustStatement[] {
  return trustStatements(ctx).filter(({ statement }) => identifiersOfType(statement, "Federated").some(isSamlProvider));
}

/** Partitions of the statement's literal SAML provider ARNs; empty when none is literal. */
export function samlPartitions(st: PolicyStatement): string[] {
  const out = new Set<string>();
  for (const id of identifiersOfType(st, "Federated")) {
    const parts = parseArn(id);
    if (parts && classifyArn(parts) === "saml-provider" && known(parts.partition)) out.add(parts.partition);
  }
  return [...out];
}

/** Sign-in endpoints that IAM accepts as `SAML:aud`, by partition. */
export const SAML_AUDIENCES: Record<string, { exact: string[]; regional?: RegExp }> = {
  aws: {
    exact: ["https://signin.aws.amazon.com/saml"],
    regional: /^https:\/\/[a-z]{2}(-[a-z]+)+-\d+\.signin\.aws\.amazon\.com\/saml$/,
  },
  "aws-cn": { exact: ["https://signin.amazonaws.cn/saml"] },
  "aws-us-gov": { exact: ["https://signin.amazonaws-us-gov.com/saml"] },
};

/** Returns the partition whose sign-in endpoint the audience is, or undefined. */
export function audiencePartition(aud: string): string | undefined {
  return Object.entries(SAML_AUDIENCES).find(
    ([, spec]) => spec.exact.includes(aud) || (spec.regional !== undefined && spec.regional.test(aud)),
  )?.[0];
}
