import { z } from "zod";
import { checkNamespace, checkServiceAccountName, checkServiceAccountPattern } from "../../../constructs";
import { workloadBase } from "../common";
import { checkedString } from "../eks";

/** A service account, or with `*` and `?` a set of them, that may assume the role. */
export const irsaServiceAccountSchema = z.strictObject({
  namespace: checkedString((value) => checkNamespace(value, true))
    .describe("Namespace of the service account. Wildcards * and ? are accepted after the first 3 characters, in a pattern that matches none of kube-system, kube-public, kube-node-lease and default."),
  name: checkedString((value) => checkServiceAccountName(value, true))
    .describe("Service account name; * trusts every service account of the namespace and needs an exact namespace."),
}).superRefine((account, context) => {
  // A namespace rejected on its own already has its line; the pair is checked once it is valid.
  const problem = checkNamespace(account.namespace, true) === undefined ? checkServiceAccountPattern(account.namespace, account.name) : undefined;
  if (problem !== undefined) {
    // The loader appends the value received, so the fix loses its final period.
    context.addIssue({ code: "custom", path: ["name"], message: `${problem.problem}. ${problem.fix.replace(/\.$/, "")}` });
  }
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
