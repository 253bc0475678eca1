import { Construct, IConstruct } from "constructs";
import { TerraformStack } from "cdktf";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { ConstructInputError } from "../private/errors";
import { isUnresolved } from "../private/tokens";
import { PARTITIONS, Partition, REGION_PATTERN, partitionOfRegion } from "./partition";

/** Props for {@link AwsEnvironment}. */
export interface AwsEnvironmentProps {
  /**
   * The 12-digit AWS account that the stack deploys into.
   *
   * Giving it keeps trust policies literal JSON at synth time.
   *
   * @default - read at apply time from `aws_caller_identity`
   */
  readonly accountId?: string;
  /**
   * The region the stack deploys into, for example `eu-west-1`.
   *
   * @default - read at apply time from `aws_region`
   */
  readonly region?: string;
  /**
   * The partition of the account.
   *
   * @default - derived from `region` when it is given, else read at apply time from `aws_partition`
   */
  readonly partition?: Partition;
}

const ID = "AwsEnvironment";
const ACCOUNT_PATTERN = /^\d{12}$/;

/**
 * The account, region and partition of one stack.
 *
 * Constructs of this library find it with {@link AwsEnvironment.of}. Values
 * that are not given are looked up through data sources, created only when
 * a construct needs them.
 */
export class AwsEnvironment extends Construct {
  /**
   * Returns the environment of the stack that contains `scope`, creating an
   * empty one (all values looked up at apply time) when the stack has none.
   */
  public static of(scope: IConstruct): AwsEnvironment {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(ID);
    return existing instanceof AwsEnvironment ? existing : new AwsEnvironment(stack, {});
  }

  private readonly props: AwsEnvironmentProps;
  private callerIdentity?: DataAwsCallerIdentity;
  private partitionLookup?: DataAwsPartition;
  private regionLookup?: DataAwsRegion;

  public constructor(stack: TerraformStack, props: AwsEnvironmentProps) {
    super(stack, ID);
    validate(this, props);
    this.props = props;
  }

  /** The account ID: the literal given, or a reference to `aws_caller_identity`. */
  public get accountId(): string {
    if (this.props.accountId !== undefined) {
      return this.props.accountId;
    }
    this.callerIdentity ??= new DataAwsCallerIdentity(this, "CallerIdentity");
    return this.callerIdentity.accountId;
  }

  /** The region: the literal given, or a reference to `aws_region`. */
  public get region(): string {
    if (this.props.region !== undefined) {
      return this.props.region;
    }
    this.regionLookup ??= new DataAwsRegion(this, "Region");
    return this.regionLookup.region;
  }

  /** The partition: the literal given or derived, or a reference to `aws_partition`. */
  public get partition(): string {
    if (this.props.partition !== undefined) {
      return this.props.partition;
    }
    if (this.props.region !== undefined && !isUnresolved(this.props.region)) {
      return partitionOfRegion(this.props.region);
    }
    this.partitionLookup ??= new DataAwsPartition(this, "Partition");
    return this.partitionLookup.partition;
  }

  /** Whether account, region and partition are all known at synth time. */
  public get isLiteral(): boolean {
    return [this.props.accountId, this.props.region].every((value) => value !== undefined && !isUnresolved(value));
  }
}

function validate(scope: IConstruct, props: AwsEnvironmentProps): void {
  const { accountId, region, partition } = props;
  if (accountId !== undefined && !isUnresolved(accountId) && !ACCOUNT_PATTERN.test(accountId)) {
    throw new ConstructInputError(scope, {
      field: "accountId",
      received: accountId,
      problem: "must be a 12-digit AWS account ID",
      fix: "Copy the account ID with its leading zeros, as a string.",
    });
  }
  if (region !== undefined && !isUnresolved(region) && !REGION_PATTERN.test(region)) {
    throw new ConstructInputError(scope, {
      field: "region",
      received: region,
      problem: "must be an AWS region name",
      fix: "Use a region code such as eu-west-1, not a display name or an availability zone.",
    });
  }
  if (partition !== undefined && !PARTITIONS.includes(partition)) {
    throw new ConstructInputError(scope, {
      field: "partition",
      received: partition,
      problem: `must be one of ${PARTITIONS.join(", ")}`,
      fix: "Omit it to derive the partition from the region.",
    });
  }
  if (partition !== undefined && region !== undefined && !isUnresolved(region) && partitionOfRegion(region) !== partition) {
    throw new ConstructInputError(scope, {
      field: "partition",
      received: partition,
      problem: `does not match region ${region}, which is in ${partitionOfRegion(region)}`,
      fix: "Omit partition or correct the region.",
    });
  }
}
