import { issuerHostOf, issuerHostOfProviderArn, partitionOfRegion } from "../../constructs";
import { EksClusterConfig } from "./eks";
import { ConfigProblem } from "./problems";
import { EnvironmentConfig, PlatformConfig } from "./schema";

/**
 * Checks the EKS settings that the schema cannot: each environment's EKS
 * clusters on their own, and the cluster names that EKS workloads use.
 */
export function checkEksReferences(config: PlatformConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  config.environments.forEach((environment, environmentIndex) => {
    const clusters = environment.eks?.clusters ?? [];
    clusters.forEach((cluster, clusterIndex) => {
      problems.push(...clusterProblems(environment, cluster, `environments[${environmentIndex}].eks.clusters[${clusterIndex}]`));
      const first = clusters.findIndex((candidate) => candidate.name === cluster.name);
      if (first !== clusterIndex) {
        problems.push({
          path: `environments[${environmentIndex}].eks.clusters[${clusterIndex}].name`,
          message: `repeats the name of environments[${environmentIndex}].eks.clusters[${first}]. Names must be unique`,
          received: cluster.name,
        });
      }
    });
    problems.push(...workloadProblems(config, environment, environmentIndex));
  });
  config.workloads.forEach((workload, workloadIndex) => {
    if (workload.kind === "eks-irsa") {
      const keys = workload.serviceAccounts.map((account) => `${account.namespace}:${account.name}`);
      problems.push(...repeatedEntries(`workloads[${workloadIndex}].serviceAccounts`, keys));
    }
    if (workload.kind === "eks-pod-identity") {
      const keys = workload.associations.map((association) => `${association.cluster}/${association.namespace}/${association.serviceAccount}`);
      problems.push(...repeatedEntries(`workloads[${workloadIndex}].associations`, keys));
      if (workload.scopeSessionTags === true && workload.disableSessionTags === true) {
        problems.push({
          path: `workloads[${workloadIndex}].scopeSessionTags`,
          message: "needs the session tags that disableSessionTags turns off. Set it to false to trust every association of the role, or remove disableSessionTags",
          received: true,
        });
      }
    }
  });
  return problems;
}

function repeatedEntries(path: string, keys: readonly string[]): ConfigProblem[] {
  return keys.flatMap((key, index) =>
    keys.indexOf(key) === index ? [] : [{ path: `${path}[${index}]`, message: `repeats ${path}[${keys.indexOf(key)}]. List each entry once`, received: key }],
  );
}

function clusterProblems(environment: EnvironmentConfig, cluster: EksClusterConfig, path: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const { oidcIssuerUrl, oidcProviderArn, createOidcProvider } = cluster;
  if (createOidcProvider === true && oidcIssuerUrl === undefined) {
    problems.push({
      path: `${path}.oidcIssuerUrl`,
      message: "is missing, but createOidcProvider needs it. Copy the issuer from aws eks describe-cluster --query cluster.identity.oidc.issuer",
      received: undefined,
    });
  }
  if (createOidcProvider === true && oidcProviderArn !== undefined) {
    problems.push({
      path: `${path}.oidcProviderArn`,
      message: "names an existing provider, but createOidcProvider creates one. Remove oidcProviderArn, or set createOidcProvider to false",
      received: oidcProviderArn,
    });
  }
  if (oidcProviderArn !== undefined) {
    // The schema has checked the form arn:PARTITION:iam::ACCOUNT:oidc-provider/ISSUER.
    const [, partition, , , accountId] = oidcProviderArn.split(":");
    const expectedPartition = partitionOfRegion(environment.aws.region);
    if (partition !== expectedPartition || (environment.aws.accountId !== undefined && accountId !== environment.aws.accountId)) {
      problems.push({
        path: `${path}.oidcProviderArn`,
        message: `must be in partition ${expectedPartition} and account ${environment.aws.accountId ?? "of the environment"}, because a role can only trust an OIDC provider of its own account`,
        received: oidcProviderArn,
      });
    }
    if (oidcIssuerUrl !== undefined && issuerHostOf(oidcIssuerUrl) !== issuerHostOfProviderArn(oidcProviderArn)) {
      problems.push({
        path: `${path}.oidcIssuerUrl`,
        message: `does not name the issuer of oidcProviderArn, which ends with ${issuerHostOfProviderArn(oidcProviderArn)}. Correct one of them, or omit oidcIssuerUrl`,
        received: oidcIssuerUrl,
      });
    }
  }
  return problems;
}

function workloadProblems(config: PlatformConfig, environment: EnvironmentConfig, environmentIndex: number): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const clusters = environment.eks?.clusters ?? [];
  const unknownCluster = (path: string, name: string): ConfigProblem | undefined => {
    if (clusters.some((cluster) => cluster.name === name)) {
      return undefined;
    }
    const known = clusters.length === 0 ? "It has none" : `Use one of ${clusters.map((cluster) => cluster.name).join(", ")}`;
    return {
      path,
      message: `is not an EKS cluster of environment ${environment.name}. ${known}, or add it to environments[${environmentIndex}].eks.clusters`,
      received: name,
    };
  };

  config.workloads.forEach((workload, workloadIndex) => {
    if (workload.kind === "eks-irsa") {
      const path = `workloads[${workloadIndex}].cluster`;
      const unknown = unknownCluster(path, workload.cluster);
      const cluster = clusters.find((candidate) => candidate.name === workload.cluster);
      if (unknown !== undefined) {
        problems.push(unknown);
      } else if (cluster !== undefined && cluster.oidcIssuerUrl === undefined && cluster.oidcProviderArn === undefined) {
        problems.push({
          path,
          message: `names a cluster of environment ${environment.name} without an OIDC issuer. Add oidcIssuerUrl or oidcProviderArn to environments[${environmentIndex}].eks.clusters[${clusters.indexOf(cluster)}]`,
          received: workload.cluster,
        });
      }
    }
    if (workload.kind === "eks-pod-identity") {
      workload.associations.forEach((association, associationIndex) => {
        const unknown = unknownCluster(`workloads[${workloadIndex}].associations[${associationIndex}].cluster`, association.cluster);
        if (unknown !== undefined) {
          problems.push(unknown);
        }
      });
    }
  });
  return problems;
}
