import { Construct } from "constructs";
import { EksOidcProvider, IEksOidcProvider } from "../../constructs";
import { childContainer } from "./container";
import { BuildContext } from "./workloads/types";

// Upper case keeps the ID apart from workload names, which are lower case.
const CONTAINER_ID = "EksOidcProviders";

/**
 * Creates the IAM OIDC provider of every EKS cluster of the environment
 * that sets `createOidcProvider`, once per stack; later calls find them.
 *
 * The EKS builders call it, so the providers exist while any EKS workload
 * does. A stack that calls it itself keeps them even without one.
 */
export function addEksOidcProviders(context: BuildContext): void {
  for (const cluster of context.environment.eks?.clusters ?? []) {
    if (cluster.createOidcProvider === true && cluster.oidcIssuerUrl !== undefined) {
      const container = containerOf(context);
      if (container.node.tryFindChild(cluster.name) === undefined) {
        new EksOidcProvider(container, cluster.name, { issuerUrl: cluster.oidcIssuerUrl });
      }
    }
  }
}

/**
 * Returns the IAM OIDC provider of an EKS cluster of the environment: the
 * one this stack creates, or a reference to an existing one by ARN or by
 * issuer URL.
 */
export function eksOidcProviderOf(context: BuildContext, clusterName: string): IEksOidcProvider {
  const cluster = context.environment.eks?.clusters.find((candidate) => candidate.name === clusterName);
  if (cluster === undefined) {
    throw new Error(`EKS cluster ${clusterName} is not in environment ${context.environment.name}; the configuration checks should have rejected it`);
  }
  addEksOidcProviders(context);
  const container = containerOf(context);
  const created = container.node.tryFindChild(clusterName);
  if (created instanceof EksOidcProvider) {
    return created;
  }
  if (cluster.oidcProviderArn !== undefined) {
    return EksOidcProvider.fromProviderArn(container, cluster.oidcProviderArn, cluster.oidcIssuerUrl);
  }
  if (cluster.oidcIssuerUrl !== undefined) {
    return EksOidcProvider.fromIssuerUrl(container, cluster.oidcIssuerUrl);
  }
  throw new Error(`EKS cluster ${clusterName} of environment ${context.environment.name} has no OIDC issuer; the configuration checks should have rejected it`);
}

function containerOf(context: BuildContext): Construct {
  return childContainer(context.scope, CONTAINER_ID);
}
