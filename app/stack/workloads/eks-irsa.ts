import { EksIrsaAccess, IRSA_ROLE_ANNOTATION } from "../../../constructs";
import { EksIrsaWorkloadConfig } from "../../config/workloads/eks-irsa";
import { eksOidcProviderOf } from "../eks-oidc-providers";
import { WorkloadBuilder, accessOutputs, atlasOptions, roleOptions } from "./types";

/** Builds a role for IAM roles for service accounts (IRSA) and its Atlas user. */
export const buildEksIrsa: WorkloadBuilder<EksIrsaWorkloadConfig> = (context, workload) => {
  const access = new EksIrsaAccess(context.scope, workload.name, {
    ...roleOptions(context, workload),
    atlas: atlasOptions(context, workload.access),
    oidcProvider: eksOidcProviderOf(context, workload.cluster),
    serviceAccounts: workload.serviceAccounts,
  });
  return {
    construct: access,
    outputs: {
      ...accessOutputs(access),
      // One line to paste under the service account's metadata.annotations.
      service_account_annotation: `${IRSA_ROLE_ANNOTATION}: ${access.serviceAccountAnnotations[IRSA_ROLE_ANNOTATION]}`,
    },
  };
};
