import { Construct } from "constructs";
import { ISamlProvider, SamlProvider } from "../../constructs";
import { childContainer } from "./container";
import { BuildContext } from "./workloads/types";

// Upper case keeps the ID apart from workload names, which are lower case.
const CONTAINER_ID = "SamlProviders";

/**
 * Creates every SAML provider of the environment that has a metadata file,
 * once per stack. They exist even while no workload uses them, so removing
 * the last saml workload destroys no provider.
 */
export function addSamlProviders(context: BuildContext): void {
  for (const provider of context.environment.saml?.providers ?? []) {
    const container = containerOf(context);
    if (provider.metadataFile !== undefined && container.node.tryFindChild(provider.name) === undefined) {
      // The loader has resolved metadataFile against the configuration file's folder.
      SamlProvider.fromMetadataFile(container, provider.name, { name: provider.name, metadataFile: provider.metadataFile });
    }
  }
}

/** Returns the environment's SAML provider named `name`: one this stack creates, or a reference by ARN. */
export function samlProviderOf(context: BuildContext, name: string): ISamlProvider {
  const config = (context.environment.saml?.providers ?? []).find((candidate) => candidate.name === name);
  if (config === undefined) {
    throw new Error(`SAML provider ${name} is not in environment ${context.environment.name}; the configuration checks should have rejected it`);
  }
  addSamlProviders(context);
  const container = containerOf(context);
  const created = container.node.tryFindChild(name);
  if (created instanceof SamlProvider) {
    return created;
  }
  return SamlProvider.fromArn(container, config.arn as string);
}

function containerOf(context: BuildContext): Construct {
  return childContainer(context.scope, CONTAINER_ID);
}
