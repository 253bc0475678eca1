import { EksPodIdentityAccess } from "../../../constructs";
import { EksPodIdentityWorkloadConfig } from "../../config/workloads/eks-pod-identity";
import { addEksOidcProviders } from "../eks-oidc-providers";
import { WorkloadBuilder, accessOutputs, atlasOptions, roleOptions } from "./types";

/** Builds a role for EKS Pod Identity, its associations and its Atlas user. */
export const buildEksPodIdentity: WorkloadBuilder<EksPodIdentityWorkloadConfig> = (context, workload) => {
  // Providers of the environment's clusters stay while any EKS workload exists, whatever its kind.
  addEksOidcProviders(context);
  const access = new EksPodIdentityAccess(context.scope, workload.name, {
    ...roleOptions(context, workload),
    atlas: atlasOptions(context, workload.access),
    associations: workload.associations.map((association) => ({
      clusterName: association.cluster,
      namespace: association.namespace,
      serviceAccount: association.serviceAccount,
    })),
    scopeSessionTags: workload.scopeSessionTags,
    disableSessionTags: workload.disableSessionTags,
  });
  return { construct: access, outputs: accessOutputs(access) };
};
