import { Construct, IConstruct } from "constructs";
import { Fn, TerraformStack } from "cdktf";
import { DataMongodbatlasAdvancedCluster } from "@cdktf/provider-mongodbatlas/lib/data-mongodbatlas-advanced-cluster";
import { ConstructInputError } from "../private/errors";
import { isUnresolved } from "../private/tokens";

/** An Atlas cluster that a database user may reach. */
export interface AtlasClusterRef {
  /** The cluster name as shown in Atlas. */
  readonly name: string;
  /**
   * The cluster's SRV host name, for example `orders.ab1cd.mongodb.net`,
   * without `mongodb+srv://`.
   *
   * Giving it keeps connection strings literal at synth time.
   *
   * @default - read at apply time from the `mongodbatlas_advanced_cluster` data source
   */
  readonly srvHost?: string;
}

/** Cluster names Atlas accepts: letters, digits and hyphens, at most 64 characters. */
const CLUSTER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const HOST_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Validates a cluster reference; `field` names it in messages. */
export function validateClusterRef(scope: IConstruct, cluster: AtlasClusterRef, field: string): void {
  if (!isUnresolved(cluster.name) && !CLUSTER_NAME_PATTERN.test(cluster.name)) {
    throw new ConstructInputError(scope, {
      field: `${field}.name`,
      received: cluster.name,
      problem: "must be 1 to 64 letters, digits or hyphens, starting with a letter or digit",
      fix: "Use the cluster name exactly as Atlas shows it.",
    });
  }
  const host = cluster.srvHost;
  if (host === undefined || isUnresolved(host)) {
    return;
  }
  if (!HOST_PATTERN.test(host)) {
    throw new ConstructInputError(scope, {
      field: `${field}.srvHost`,
      received: host,
      problem: "must be a lowercase host name without scheme, credentials, port or path",
      fix: 'Copy the host from the cluster\'s SRV connection string, the part after "mongodb+srv://", for example orders.ab1cd.mongodb.net.',
    });
  }
}

/**
 * Returns the SRV host of a cluster: the literal given, or an apply-time
 * reference to a data source that reads it from Atlas. One data source per
 * project and cluster is shared by the whole stack.
 */
export function clusterSrvHost(scope: IConstruct, projectId: string, cluster: AtlasClusterRef): string {
  if (cluster.srvHost !== undefined) {
    return cluster.srvHost;
  }
  const lookup = clusterLookup(scope, projectId, cluster.name);
  const srv = lookup.connectionStrings.get(0).standardSrv;
  return Fn.replace(srv, "mongodb+srv://", "");
}

function clusterLookup(scope: IConstruct, projectId: string, name: string): DataMongodbatlasAdvancedCluster {
  const stack = TerraformStack.of(scope);
  const container = (stack.node.tryFindChild("AtlasClusters") as Construct | undefined) ?? new Construct(stack, "AtlasClusters");
  const id = isUnresolved(projectId) ? name : `${projectId}-${name}`;
  const existing = container.node.tryFindChild(id);
  if (existing instanceof DataMongodbatlasAdvancedCluster) {
    return existing;
  }
  return new DataMongodbatlasAdvancedCluster(container, id, { projectId, name });
}
