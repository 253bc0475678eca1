/** The AWS partitions whose ARNs, sign-in endpoints and regions this library supports. */
export type Partition = "aws" | "aws-cn" | "aws-us-gov";

/** The partitions, in a stable order for messages. */
export const PARTITIONS: readonly Partition[] = ["aws", "aws-cn", "aws-us-gov"];

/** Region names such as `eu-west-1`, `us-gov-west-1` or `cn-north-1`. */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

/** Returns the partition that a region belongs to, from its name. */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith("cn-")) {
    return "aws-cn";
  }
  if (region.startsWith("us-gov-")) {
    return "aws-us-gov";
  }
  return "aws";
}
