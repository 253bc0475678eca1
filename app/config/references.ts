import { checkEksReferences } from "./eks-references";
import { checkLifecycleReferences } from "./lifecycle-references";
import { checkBackendReferences } from "./backend-references";
import { ConfigProblem } from "./problems";
import { checkSuppressionReferences } from "./suppression-references";
import { PlatformConfig } from "./schema";
import { checkSamlReferences } from "./saml-references";
import { checkIdentityReferences } from "./identity-references";

/**
 * Checks what the schema cannot: unique names, and cluster names that
 * refer to clusters of every environment.
 */
export function checkReferences(config: PlatformConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  problems.push(...repeatedNames("environments", config.environments.map((environment) => environment.name)));
  problems.push(...repeatedNames("workloads", config.workloads.map((workload) => workload.name)));

  config.environments.forEach((environment, environmentIndex) => {
    problems.push(...repeatedNames(`environments[${environmentIndex}].atlas.clusters`, environment.atlas.clusters.map((cluster) => cluster.name)));
    const known = environment.atlas.clusters.map((cluster) => cluster.name);
    config.workloads.forEach((workload, workloadIndex) => {
      (workload.access.clusters ?? []).forEach((cluster, clusterIndex) => {
        if (!known.includes(cluster)) {
          problems.push({
            path: `workloads[${workloadIndex}].access.clusters[${clusterIndex}]`,
            message: `is not a cluster of environment ${environment.name}. Use one of ${known.join(", ")}, or add it to environments[${environmentIndex}].atlas.clusters`,
            received: cluster,
          });
        }
      });
    });
  });
  problems.push(...checkLifecycleReferences(config));
  problems.push(...checkBackendReferences(config));
  problems.push(...checkSuppressionReferences(config));
  problems.push(...checkEksReferences(config));
  problems.push(...checkSamlReferences(config));
  problems.push(...checkIdentityReferences(config));
  return problems;
}

function repeatedNames(path: string, names: readonly string[]): ConfigProblem[] {
  return names.flatMap((name, index) =>
    names.indexOf(name) === index
      ? []
      : [{ path: `${path}[${index}].name`, message: `repeats the name of ${path}[${names.indexOf(name)}]. Names must be unique`, received: name }],
  );
}
