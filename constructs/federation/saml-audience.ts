import { IConstruct } from "constructs";
import { ConstructInputError } from "../private/errors";
import { isUnresolved } from "../private/tokens";
import { PARTITIONS, Partition, REGION_PATTERN, partitionOfRegion } from "../iam/partition";

/** The domain of the AWS sign-in service in each partition. */
const SIGN_IN_DOMAINS: Readonly<Record<Partition, string>> = {
  aws: "aws.amazon.com",
  "aws-cn": "amazonaws.cn",
  "aws-us-gov": "amazonaws-us-gov.com",
};

const ENDPOINT_PATTERN = /^https:\/\/(?:([a-z0-9-]+)\.)?signin\.(aws\.amazon\.com|amazonaws\.cn|amazonaws-us-gov\.com)\/saml$/;

/** The region whose sign-in endpoint has no region code in its host name. */
const REGION_WITHOUT_CODE = "us-east-1";

/**
 * Returns the default SAML audience of a partition: the sign-in endpoint to
 * which the identity provider posts its assertion, for example
 * `https://signin.aws.amazon.com/saml`.
 */
export function defaultSamlAudience(partition: Partition): string {
  return `https://signin.${SIGN_IN_DOMAINS[partition]}/saml`;
}

/**
 * Checks the audiences a SAML role accepts and returns them.
 *
 * Each must be the partition's sign-in endpoint or a regional one,
 * `https://REGION.signin.DOMAIN/saml`, whose region lies in the partition.
 * us-east-1 has no regional form, because its endpoint is the one without a
 * region code. When `partition` is undefined, the audiences only have to
 * agree with each other.
 */
export function validateSamlAudiences(scope: IConstruct, audiences: readonly string[], partition: Partition | undefined): string[] {
  if (audiences.length === 0) {
    throw new ConstructInputError(scope, {
      field: "audiences",
      received: audiences,
      problem: "must list at least one sign-in endpoint",
      fix: "Omit audiences to accept the partition's default endpoint.",
    });
  }
  let expected = partition;
  audiences.forEach((audience, index) => {
    const field = `audiences[${index}]`;
    if (isUnresolved(audience)) {
      return;
    }
    const actual = partitionOfAudience(scope, field, audience);
    if (expected !== undefined && actual !== expected) {
      throw new ConstructInputError(scope, {
        field,
        received: audience,
        problem: `is a sign-in endpoint of partition ${actual}, but the role is in partition ${expected}`,
        fix: `Use ${defaultSamlAudience(expected)} or a regional endpoint of a region in ${expected}.`,
      });
    }
    expected = actual;
  });
  const repeated = audiences.find((audience, index) => audiences.indexOf(audience) !== index);
  if (repeated !== undefined) {
    throw new ConstructInputError(scope, {
      field: "audiences",
      received: repeated,
      problem: "lists an endpoint twice",
      fix: "Remove the repeated entry.",
    });
  }
  return [...audiences];
}

function partitionOfAudience(scope: IConstruct, field: string, audience: string): Partition {
  const match = ENDPOINT_PATTERN.exec(audience);
  if (match === null) {
    throw new ConstructInputError(scope, {
      field,
      received: audience,
      problem: "is not an AWS sign-in SAML endpoint",
      fix: `Use ${PARTITIONS.map(defaultSamlAudience).join(", ")}, or a regional endpoint such as https://eu-west-1.signin.aws.amazon.com/saml.`,
    });
  }
  const [, region, domain] = match;
  const partition = PARTITIONS.find((candidate) => SIGN_IN_DOMAINS[candidate] === domain) as Partition;
  if (region === undefined) {
    return partition;
  }
  if (!REGION_PATTERN.test(region)) {
    throw new ConstructInputError(scope, {
      field,
      received: audience,
      problem: `names ${region}, which is not an AWS region code`,
      fix: "Use a region code such as eu-west-1 before .signin.",
    });
  }
  if (region === REGION_WITHOUT_CODE) {
    throw new ConstructInputError(scope, {
      field,
      received: audience,
      problem: "names us-east-1, whose sign-in endpoint has no region code",
      fix: `Use ${defaultSamlAudience("aws")} for us-east-1.`,
    });
  }
  if (partitionOfRegion(region) !== partition) {
    throw new ConstructInputError(scope, {
      field,
      received: audience,
      problem: `names region ${region} of partition ${partitionOfRegion(region)} under the sign-in domain of ${partition}`,
      fix: `Use https://${region}.signin.${SIGN_IN_DOMAINS[partitionOfRegion(region)]}/saml.`,
    });
  }
  return partition;
}
