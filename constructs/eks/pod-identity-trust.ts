/**
 * The trust statements of roles used through EKS Pod Identity.
 *
 * The EKS Auth service (`pods.eks.amazonaws.com`) calls `sts:AssumeRole`
 * for the pod and `sts:TagSession` to attach the session tags
 * `eks-cluster-arn`, `eks-cluster-name`, `kubernetes-namespace`,
 * `kubernetes-service-account`, `kubernetes-pod-name` and
 * `kubernetes-pod-uid` (Amazon EKS User Guide, "Create IAM role with trust
 * policy required by EKS Pod Identity").
 *
 * NOTE: that guide documents no `aws:SourceAccount` or `aws:SourceArn`
 * condition for `pods.eks.amazonaws.com`, so none is added here.
 */
import { TrustStatement } from "../iam/trust-policy";

/** The service principal of EKS Pod Identity. */
export const POD_IDENTITY_PRINCIPAL = "pods.eks.amazonaws.com";

/** One service account of one cluster. */
export interface PodIdentityTarget {
  /** The EKS cluster name, as `aws eks list-clusters` shows it. */
  readonly clusterName: string;
  /** The namespace of the service account. */
  readonly namespace: string;
  /** The service account name. */
  readonly serviceAccount: string;
}

const ACTIONS = ["sts:AssumeRole", "sts:TagSession"];

/**
 * Builds the trust statements for EKS Pod Identity.
 *
 * Without `targets`, one statement trusts the service for any
 * association. With them, each target gets its own statement whose
 * `StringEquals` conditions on the request tags name its cluster,
 * namespace and service account. Separate statements keep the three
 * values paired: lists in one statement would also admit a service
 * account of one target in the namespace of another. The conditions
 * cover both actions, because STS checks the request tags of the
 * `sts:TagSession` permission against the same trust policy.
 */
export function podIdentityTrustStatements(targets?: readonly PodIdentityTarget[]): TrustStatement[] {
  const base: TrustStatement = { Effect: "Allow", Principal: { Service: POD_IDENTITY_PRINCIPAL }, Action: ACTIONS };
  if (targets === undefined) {
    return [base];
  }
  return [...targets].sort(compareTargets).map((target) => ({
    ...base,
    Condition: {
      StringEquals: {
        "aws:RequestTag/eks-cluster-name": target.clusterName,
        "aws:RequestTag/kubernetes-namespace": target.namespace,
        "aws:RequestTag/kubernetes-service-account": target.serviceAccount,
      },
    },
  }));
}

function compareTargets(a: PodIdentityTarget, b: PodIdentityTarget): number {
  const key = (target: PodIdentityTarget) => [target.clusterName, target.namespace, target.serviceAccount].join("\u0000");
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}
