import { statSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { ConfigProblem } from "./problems";
import { EnvironmentConfig, PlatformConfig } from "./schema";

/**
 * Checks the SAML settings that the schema cannot: unique provider names,
 * provider names that saml workloads use, and providers created twice in
 * one account.
 */
export function checkSamlReferences(config: PlatformConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  config.environments.forEach((environment, environmentIndex) => {
    const providers = environment.saml?.providers ?? [];
    const base = `environments[${environmentIndex}].saml.providers`;
    const names = providers.map((provider) => provider.name);
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index) {
        problems.push({ path: `${base}[${index}].name`, message: `repeats the name of ${base}[${names.indexOf(name)}]. Names must be unique`, received: name });
      }
    });
    problems.push(...unknownProviders(config, environment, environmentIndex));
  });
  problems.push(...providersCreatedTwice(config));
  return problems;
}

/**
 * Resolves each `metadataFile` against the folder of the configuration
 * file, in place, and reports files that do not exist.
 */
export function resolveSamlMetadataFiles(config: PlatformConfig, configFile: string): ConfigProblem[] {
  const folder = dirname(configFile);
  const problems: ConfigProblem[] = [];
  config.environments.forEach((environment, environmentIndex) => {
    (environment.saml?.providers ?? []).forEach((provider, providerIndex) => {
      if (provider.metadataFile === undefined) {
        return;
      }
      const path = isAbsolute(provider.metadataFile) ? provider.metadataFile : resolve(folder, provider.metadataFile);
      if (!isFile(path)) {
        problems.push({
          path: `environments[${environmentIndex}].saml.providers[${providerIndex}].metadataFile`,
          message: `names no file: ${path} does not exist. Give the path of the metadata XML relative to the configuration file`,
          received: provider.metadataFile,
        });
        return;
      }
      provider.metadataFile = path;
    });
  });
  return problems;
}

function unknownProviders(config: PlatformConfig, environment: EnvironmentConfig, environmentIndex: number): ConfigProblem[] {
  const known = (environment.saml?.providers ?? []).map((provider) => provider.name);
  return config.workloads.flatMap((workload, workloadIndex) => {
    if (workload.kind !== "saml" || known.includes(workload.provider)) {
      return [];
    }
    const choice = known.length === 0 ? "It has none" : `Use one of ${known.join(", ")}`;
    return [{
      path: `workloads[${workloadIndex}].provider`,
      message: `is not a SAML provider of environment ${environment.name}. ${choice}, or add it to environments[${environmentIndex}].saml.providers`,
      received: workload.provider,
    }];
  });
}

/** IAM provider names are unique per account, so two environments of one account cannot both create the same one. */
function providersCreatedTwice(config: PlatformConfig): ConfigProblem[] {
  const creators = new Map<string, number>();
  const problems: ConfigProblem[] = [];
  config.environments.forEach((environment, environmentIndex) => {
    const accountId = environment.aws.accountId;
    if (accountId === undefined) {
      return;
    }
    (environment.saml?.providers ?? []).forEach((provider, providerIndex) => {
      if (provider.metadataFile === undefined) {
        return;
      }
      const key = `${accountId}/${provider.name}`;
      const first = creators.get(key);
      if (first === undefined) {
        creators.set(key, environmentIndex);
        return;
      }
      problems.push({
        path: `environments[${environmentIndex}].saml.providers[${providerIndex}].name`,
        message: `is also created by environments[${first}] in account ${accountId}, and IAM provider names are unique per account. Create it in one environment and refer to it by arn in the other`,
        received: provider.name,
      });
    });
  });
  return problems;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
