import { Construct } from "constructs";
import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { serviceTrust, trustPolicy } from "../iam/trust-policy";
import { WorkloadAccess, WorkloadAccessProps } from "./workload-access";

/** Props for {@link Ec2InstanceAccess}. */
export type Ec2InstanceAccessProps = WorkloadAccessProps;

/**
 * A role trusted by `ec2.amazonaws.com`, its instance profile, and its Atlas user.
 *
 * Launch instances with {@link Ec2InstanceAccess.instanceProfileName}. The
 * driver reads the role's credentials from the instance metadata service.
 * Containers on the instance are one network hop further away, so with
 * IMDSv2 the instance needs `http_put_response_hop_limit = 2` in its
 * `metadata_options`, or they receive no credentials.
 */
export class Ec2InstanceAccess extends WorkloadAccess {
  /** The instance profile that carries the role. */
  public readonly instanceProfile: IamInstanceProfile;

  public constructor(scope: Construct, id: string, props: Ec2InstanceAccessProps) {
    super(scope, id, props, {
      description: `EC2 instance role with MONGODB-AWS access to Atlas (${id})`,
      trust: () => trustPolicy(serviceTrust("ec2.amazonaws.com")),
    });
    this.instanceProfile = new IamInstanceProfile(this, "InstanceProfile", {
      name: this.roleName,
      role: this.role.name,
      tags: this.role.tagsInput,
    });
  }

  /** The instance profile name, known at synth time. */
  public get instanceProfileName(): string {
    return this.roleName;
  }

  /** The instance profile ARN, resolved at apply time. */
  public get instanceProfileArn(): string {
    return this.instanceProfile.arn;
  }
}
