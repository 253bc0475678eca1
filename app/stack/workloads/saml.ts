import { SamlAccess } from "../../../constructs";
import { SamlWorkloadConfig } from "../../config/workloads/saml";
import { samlProviderOf } from "../saml-providers";
import { WorkloadBuilder, accessOutputs, atlasOptions, roleOptions } from "./types";

/** Builds a role that a SAML provider's users assume and its Atlas user. */
export const buildSaml: WorkloadBuilder<SamlWorkloadConfig> = (context, workload) => {
  const provider = samlProviderOf(context, workload.provider);
  const access = new SamlAccess(context.scope, workload.name, {
    ...roleOptions(context, workload),
    atlas: atlasOptions(context, workload.access),
    provider,
    audiences: workload.audiences,
    sessionTags: workload.sessionTags,
  });
  return {
    construct: access,
    outputs: {
      ...accessOutputs(access),
      saml_provider_arn: access.samlProviderArn,
      // The value of the identity provider's https://aws.amazon.com/SAML/Attributes/Role attribute.
      saml_role_attribute: access.roleAttributeValue,
    },
  };
};
