import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamUser } from "@cdktf/provider-aws/lib/iam-user";

/** The IAM identity type Atlas records for a database user. */
export type AwsIamType = "ROLE" | "USER";

/**
 * The IAM identity an Atlas database user is keyed on.
 *
 * Create one with a static method. The `aws_iam_type` of the Atlas user
 * follows from it and is never typed by hand.
 */
export class AtlasPrincipal {
  /** A role defined in the same app; the Atlas user is created after it. */
  public static fromRole(role: IamRole): AtlasPrincipal {
    return new AtlasPrincipal(role.arn, "ROLE");
  }

  /** An IAM user defined in the same app. */
  public static fromUser(user: IamUser): AtlasPrincipal {
    return new AtlasPrincipal(user.arn, "USER");
  }

  /**
   * A role ARN, literal or a reference to a role defined elsewhere in the
   * app. A literal is checked to be a role ARN.
   */
  public static fromRoleArn(arn: string): AtlasPrincipal {
    return new AtlasPrincipal(arn, "ROLE");
  }

  /** An IAM user ARN, literal or a reference. A literal is checked to be a user ARN. */
  public static fromUserArn(arn: string): AtlasPrincipal {
    return new AtlasPrincipal(arn, "USER");
  }

  /**
   * A literal ARN of an IAM role or user; the type is read from the ARN
   * (`:role/` gives ROLE, `:user/` gives USER).
   */
  public static fromArn(arn: string): AtlasPrincipal {
    return new AtlasPrincipal(arn, undefined);
  }

  private constructor(
    /** The ARN, literal or a reference. */
    public readonly arn: string,
    /** The type the caller stated by choosing the method, if any. */
    public readonly declaredType: AwsIamType | undefined,
  ) {}
}
