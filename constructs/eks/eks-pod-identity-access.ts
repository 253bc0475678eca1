import { Construct, IConstruct } from "constructs";
import { ITerraformDependable } from "cdktf";
import { EksPodIdentityAssociation } from "@cdktf/provider-aws/lib/eks-pod-identity-association";
import { ConstructInputError } from "../private/errors";
import { isUnresolved } from "../private/tokens";
import { trustPolicy } from "../iam/trust-policy";
import { WorkloadAccess, WorkloadAccessProps } from "../workloads/workload-access";
import { NameProblem, checkEksClusterName, checkNamespace, checkServiceAccountName } from "./kubernetes-names";
import { PodIdentityTarget, podIdentityTrustStatements } from "./pod-identity-trust";

/** Props for {@link EksPodIdentityAccess}. */
export interface EksPodIdentityAccessProps extends WorkloadAccessProps {
  /**
   * The service accounts to associate with the role, at least one. Each
   * gets one `aws_eks_pod_identity_association`, addressed by its cluster,
   * namespace and name. The names must be known at synth time, without
   * wildcards.
   */
  readonly associations: readonly PodIdentityTarget[];
  /**
   * Limits the trust policy to the listed associations through the
   * session tags EKS sends (`aws:RequestTag/eks-cluster-name`,
   * `kubernetes-namespace`, `kubernetes-service-account`). Without it,
   * any Pod Identity association of the account that names the role can
   * use it; creating one needs `iam:PassRole` on the role.
   *
   * @default - true, or false when `disableSessionTags` is true
   */
  readonly scopeSessionTags?: boolean;
  /**
   * Stops EKS from attaching session tags (`disable_session_tags`), which
   * can help with a `PackedPolicyTooLarge` error. The scoping of
   * `scopeSessionTags` then cannot work, so setting both is an error.
   *
   * @default false
   */
  readonly disableSessionTags?: boolean;
  /**
   * Resources the associations wait for, such as the cluster when this
   * stack creates it.
   *
   * @default - none
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A role that pods of EKS clusters receive through EKS Pod Identity, its
 * associations with service accounts, and its Atlas user.
 *
 * The role trusts `pods.eks.amazonaws.com` for `sts:AssumeRole` and
 * `sts:TagSession`. The clusters need the EKS Pod Identity Agent add-on.
 * EKS then sets `AWS_CONTAINER_CREDENTIALS_FULL_URI` and
 * `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` in the pods, and only code that
 * reads credentials through the AWS SDK credential chain finds them: the
 * Node.js driver does so through `@aws-sdk/credential-providers`.
 */
export class EksPodIdentityAccess extends WorkloadAccess {
  /** The associations, in the order given. */
  public readonly associations: EksPodIdentityAssociation[];

  public constructor(scope: Construct, id: string, props: EksPodIdentityAccessProps) {
    const disableSessionTags = props.disableSessionTags ?? false;
    const scoped = props.scopeSessionTags ?? !disableSessionTags;
    super(scope, id, props, {
      description: `EKS Pod Identity role with MONGODB-AWS access to Atlas (${id})`,
      trust: ({ scope: self }) => {
        validateAssociations(self, props.associations);
        if (scoped && disableSessionTags) {
          throw new ConstructInputError(self, {
            field: "scopeSessionTags",
            received: true,
            problem: "needs the session tags that disableSessionTags turns off",
            fix: "Set scopeSessionTags to false to trust every association of the role, or remove disableSessionTags.",
          });
        }
        return trustPolicy(...podIdentityTrustStatements(scoped ? props.associations : undefined));
      },
    });

    const container = new Construct(this, "Associations");
    this.associations = props.associations.map((target) => new EksPodIdentityAssociation(
      container,
      // Cluster names may hold underscores but namespaces and service accounts cannot, so the ID is unambiguous.
      `${target.clusterName}_${target.namespace}_${target.serviceAccount}`,
      {
        clusterName: target.clusterName,
        namespace: target.namespace,
        serviceAccount: target.serviceAccount,
        roleArn: this.roleArn,
        disableSessionTags: props.disableSessionTags,
        tags: this.role.tagsInput,
        dependsOn: props.dependsOn,
      },
    ));
  }
}

function validateAssociations(scope: IConstruct, associations: readonly PodIdentityTarget[]): void {
  if (associations.length === 0) {
    throw new ConstructInputError(scope, {
      field: "associations",
      received: [],
      problem: "must list at least one service account",
      fix: "Add the cluster, namespace and service account the pods run as.",
    });
  }
  const seen = new Map<string, number>();
  associations.forEach((target, index) => {
    const fields: [string, string, NameProblem | undefined][] = [
      ["clusterName", target.clusterName, literalName(target.clusterName, checkEksClusterName)],
      ["namespace", target.namespace, literalName(target.namespace, (value) => checkNamespace(value, false))],
      ["serviceAccount", target.serviceAccount, literalName(target.serviceAccount, (value) => checkServiceAccountName(value, false))],
    ];
    for (const [field, value, problem] of fields) {
      if (problem !== undefined) {
        throw new ConstructInputError(scope, { field: `associations[${index}].${field}`, received: value, ...problem });
      }
    }
    const key = `${target.clusterName}/${target.namespace}/${target.serviceAccount}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new ConstructInputError(scope, {
        field: `associations[${index}]`,
        received: target,
        problem: `repeats associations[${first}]`,
        fix: "List each service account of a cluster once.",
      });
    }
    seen.set(key, index);
  });
}

/** Rejects a value known only at apply time, because it becomes part of a Terraform address. */
function literalName(value: string, check: (value: string) => NameProblem | undefined): NameProblem | undefined {
  if (isUnresolved(value)) {
    return {
      problem: "must be known at synth time, because it forms the association's Terraform address",
      fix: "Write the name as text. When this stack creates the cluster, also pass the cluster in dependsOn.",
    };
  }
  return check(value);
}
