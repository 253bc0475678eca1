import { Construct, IConstruct } from "constructs";
import { ConstructInputError } from "../private/errors";
import { isUnresolved } from "../private/tokens";
import { trustPolicy } from "../iam/trust-policy";
import { WorkloadAccess, WorkloadAccessProps } from "../workloads/workload-access";
import { IEksOidcProvider } from "./eks-oidc-provider";
import { ServiceAccountRef, irsaTrustStatements, serviceAccountSubject } from "./irsa-trust";
import { checkNamespace, checkServiceAccountName, checkServiceAccountPattern } from "./kubernetes-names";

/** The service account annotation that names the role a pod assumes with IRSA. */
export const IRSA_ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";

/** Props for {@link EksIrsaAccess}. */
export interface EksIrsaAccessProps extends WorkloadAccessProps {
  /** The cluster's IAM OIDC provider, from {@link EksOidcProvider}. */
  readonly oidcProvider: IEksOidcProvider;
  /**
   * The service accounts that may assume the role, at least one.
   *
   * `*` and `?` match any characters and any one character, through
   * `StringLike`. A name of `*` trusts every service account of the
   * namespace, and is accepted only with an exact namespace. A namespace
   * may hold wildcards, as in `team-*`, after its first three
   * characters, and must not match `kube-system`, `kube-public`,
   * `kube-node-lease` or `default`. Read with each wildcard as one
   * character, a pattern must still be a valid namespace or name.
   */
  readonly serviceAccounts: readonly ServiceAccountRef[];
}

/**
 * A role that pods of an EKS cluster assume with IAM roles for service
 * accounts (IRSA), and its Atlas user.
 *
 * The role trusts the cluster's OIDC provider for the listed service
 * accounts and the audience `sts.amazonaws.com`. Annotate each service
 * account with {@link EksIrsaAccess.serviceAccountAnnotations}; EKS then
 * mounts a token into the pods and sets `AWS_ROLE_ARN` and
 * `AWS_WEB_IDENTITY_TOKEN_FILE`, which the AWS SDK credential chain reads.
 */
export class EksIrsaAccess extends WorkloadAccess {
  /** Annotations for the service accounts: `eks.amazonaws.com/role-arn` set to the role ARN. */
  public readonly serviceAccountAnnotations: Record<string, string>;
  /** The OIDC provider the role trusts. */
  public readonly oidcProvider: IEksOidcProvider;

  public constructor(scope: Construct, id: string, props: EksIrsaAccessProps) {
    super(scope, id, props, {
      description: `EKS service account role (IRSA) with MONGODB-AWS access to Atlas (${id})`,
      trust: ({ scope: self }) => {
        validateServiceAccounts(self, props.serviceAccounts);
        return trustPolicy(...irsaTrustStatements(props.oidcProvider, props.serviceAccounts.map(serviceAccountSubject)));
      },
    });
    this.oidcProvider = props.oidcProvider;
    if (props.oidcProvider.dependable !== undefined) {
      this.role.dependsOn = [...(this.role.dependsOn ?? []), props.oidcProvider.dependable.fqn];
    }
    this.serviceAccountAnnotations = { [IRSA_ROLE_ANNOTATION]: this.roleArn };
  }
}

function validateServiceAccounts(scope: IConstruct, serviceAccounts: readonly ServiceAccountRef[]): void {
  if (serviceAccounts.length === 0) {
    throw new ConstructInputError(scope, {
      field: "serviceAccounts",
      received: [],
      problem: "must list at least one service account",
      fix: "Add the namespace and name of the service account the pods run as, for example { namespace: \"orders\", name: \"orders-api\" }.",
    });
  }
  const seen = new Map<string, number>();
  serviceAccounts.forEach((serviceAccount, index) => {
    const fields: [string, string, typeof checkNamespace][] = [
      ["namespace", serviceAccount.namespace, checkNamespace],
      ["name", serviceAccount.name, checkServiceAccountName],
    ];
    for (const [field, value, check] of fields) {
      const problem = isUnresolved(value) ? undefined : check(value, true);
      if (problem !== undefined) {
        throw new ConstructInputError(scope, { field: `serviceAccounts[${index}].${field}`, received: value, ...problem });
      }
    }
    const pairProblem = isUnresolved(serviceAccount.namespace) || isUnresolved(serviceAccount.name)
      ? undefined
      : checkServiceAccountPattern(serviceAccount.namespace, serviceAccount.name);
    if (pairProblem !== undefined) {
      throw new ConstructInputError(scope, { field: `serviceAccounts[${index}].name`, received: serviceAccount.name, ...pairProblem });
    }
    const subject = serviceAccountSubject(serviceAccount);
    const first = seen.get(subject);
    if (first !== undefined) {
      throw new ConstructInputError(scope, {
        field: `serviceAccounts[${index}]`,
        received: serviceAccount,
        problem: `repeats serviceAccounts[${first}]`,
        fix: "List each service account once.",
      });
    }
    seen.set(subject, index);
  });
}
