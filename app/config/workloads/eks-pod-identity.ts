import { z } from "zod";
import { checkNamespace, checkServiceAccountName } from "../../../constructs";
import { workloadBase } from "../common";
import { checkedString } from "../eks";

/** One service account of one cluster that receives the role. */
export const podIdentityAssociationSchema = z.strictObject({
  cluster: z.string().describe("Name of a cluster in the environment's eks.clusters."),
  namespace: checkedString((value) => checkNamespace(value, false)).describe("Namespace of the service account."),
  serviceAccount: checkedString((value) => checkServiceAccountName(value, false)).describe("Service account name."),
});

/** A role that pods receive through EKS Pod Identity associations. */
export const eksPodIdentityWorkloadSchema = z.strictObject({
  kind: z.literal("eks-pod-identity"),
  ...workloadBase,
  associations: z.array(podIdentityAssociationSchema)
    .min(1, "must list at least one association. Add { cluster, namespace, serviceAccount } of the service account the pods run as")
    .describe("One Pod Identity association is created per entry."),
  scopeSessionTags: z.boolean().optional()
    .describe("Limit the trust policy to the listed associations through the session tags EKS sends. Default true, or false with disableSessionTags."),
  disableSessionTags: z.boolean().optional().describe("Stop EKS from attaching session tags to the role session. Default false."),
});

export type EksPodIdentityWorkloadConfig = z.infer<typeof eksPodIdentityWorkloadSchema>;
