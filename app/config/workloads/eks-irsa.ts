import { z } from "zod";
import { checkNamespace, checkServiceAccountName } from "../../../constructs";
import { workloadBase } from "../common";
import { checkedString } from "../eks";

/** A service account, or with `*` and `?` a set of them, that may assume the role. */
export const irsaServiceAccountSchema = z.strictObject({
  namespace: checkedString((value) => checkNamespace(value, true))
    .describe("Namespace of the service account. Wildcards * and ? are accepted, but not a namespace of wildcards alone."),
  name: checkedString((value) => checkServiceAccountName(value, true))
    .describe("Service account name; * trusts every service account of the namespace."),
});

/** A role that pods assume with IAM roles for service accounts (IRSA). */
export const eksIrsaWorkloadSchema = z.strictObject({
  kind: z.literal("eks-irsa"),
  ...workloadBase,
  cluster: z.string().describe("Name of a cluster in the environment's eks.clusters; its OIDC provider is trusted."),
  serviceAccounts: z.array(irsaServiceAccountSchema)
    .min(1, "must list at least one service account. Add { namespace, name } of the service account the pods run as")
    .describe("The service accounts that may assume the role."),
});

export type EksIrsaWorkloadConfig = z.infer<typeof eksIrsaWorkloadSchema>;
