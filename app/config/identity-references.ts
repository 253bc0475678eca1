import { issuerHostOf, partitionOfRegion } from "../../constructs";
import { CreatedIamIdentity, createdIamIdentities, entityLabel, iamNameKey, namePrefixOf, referencedIamArns } from "./iam-identities";
import { ConfigProblem } from "./problems";
import { EnvironmentConfig, PlatformConfig } from "./schema";

const UNIQUE_NAMES = "IAM names are unique in an account, ignoring case, so the second create fails with EntityAlreadyExists";

/**
 * Checks the IAM identities of the workloads that synth accepts but apply
 * or Atlas rejects. It reports a role, user or instance profile name, or an
 * OIDC provider, created twice in one account. It also reports an ARN that
 * names a role or user another workload creates or refers to, and an ARN in
 * another partition than its environment.
 */
export function checkIdentityReferences(config: PlatformConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  config.environments.forEach((environment) => {
    const created = createdIamIdentities(config.workloads, environment);
    problems.push(...namesCreatedTwice(config, environment, created));
    problems.push(...referencesToCreated(config, environment, created));
    problems.push(...partitionMismatches(config, environment));
  });
  problems.push(...namesSharedAcrossEnvironments(config));
  problems.push(...arnsReferencedTwice(config));
  problems.push(...oidcProvidersCreatedTwice(config));
  return problems;
}

/** Reports two workloads of one environment whose roles or users get the same name. */
function namesCreatedTwice(config: PlatformConfig, environment: EnvironmentConfig, created: readonly CreatedIamIdentity[]): ConfigProblem[] {
  return created.flatMap((identity, index) => {
    const earlier = created.slice(0, index).find((other) => iamNameKey(other.kind, other.name) === iamNameKey(identity.kind, identity.name));
    // Two derived names of one environment meet only when their base names do, which the name and rename checks report.
    if (earlier === undefined || (!identity.explicit && !earlier.explicit)) {
      return [];
    }
    // The line goes to the name the config gives, where the fix is.
    const [reported, other] = identity.explicit ? [identity, earlier] : [earlier, identity];
    const fix = `Choose another ${reported.path.split(".").pop()}, or remove it to derive the name from the workload name`;
    return [{
      path: reported.path,
      message: `makes ${entityLabel(reported)} ${reported.name} in environment ${environment.name}, the name that workloads[${other.workloadIndex}] (${config.workloads[other.workloadIndex].name}) creates too. ${UNIQUE_NAMES}. ${fix}`,
      received: reported.received,
    }];
  });
}

/** Reports a role or user name that two environments of one account both create. */
function namesSharedAcrossEnvironments(config: PlatformConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen = new Map<string, { environment: EnvironmentConfig; identity: CreatedIamIdentity }>();
  config.environments.forEach((environment, environmentIndex) => {
    const accountId = environment.aws.accountId;
    if (accountId === undefined) {
      return;
    }
    const own = new Set<string>();
    for (const identity of createdIamIdentities(config.workloads, environment)) {
      const key = `${accountId}/${iamNameKey(identity.kind, identity.name)}`;
      const first = seen.get(key);
      if (first !== undefined && !own.has(key)) {
        const firstWorkload = config.workloads[first.identity.workloadIndex].name;
        const where = `${entityLabel(identity)} ${identity.name} in environment ${environment.name}, which environment ${first.environment.name} creates for workloads[${first.identity.workloadIndex}] (${firstWorkload}) in the same account ${accountId}`;
        problems.push(identity.explicit
          ? {
            path: identity.path,
            message: `makes ${where}. ${UNIQUE_NAMES}. Remove ${identity.path.split(".").pop()} so each environment derives its own name from its namePrefix, or deploy the environments to different accounts`,
            received: identity.received,
          }
          : {
            path: `environments[${environmentIndex}].namePrefix`,
            message: `gives workloads[${identity.workloadIndex}] (${config.workloads[identity.workloadIndex].name}) the ${where}. ${UNIQUE_NAMES}. Give this environment a namePrefix that no other environment of the account uses (now ${namePrefixOf(environment)})`,
            received: environment.namePrefix,
          });
      }
      own.add(key);
      if (first === undefined) {
        seen.set(key, { environment, identity });
      }
    }
  });
  return problems;
}

/** Reports an ARN that names a role or user that a workload of the same environment creates. */
function referencesToCreated(config: PlatformConfig, environment: EnvironmentConfig, created: readonly CreatedIamIdentity[]): ConfigProblem[] {
  const accountId = environment.aws.accountId;
  const partition = partitionOfRegion(environment.aws.region);
  if (accountId === undefined) {
    return [];
  }
  return referencedIamArns(config.workloads).flatMap((reference) => {
    const { parsed } = reference;
    if (parsed.accountId !== accountId || parsed.partition !== partition) {
      return [];
    }
    const creator = created.find((identity) => iamNameKey(identity.kind, identity.name) === iamNameKey(parsed.kind, parsed.name));
    if (creator === undefined) {
      return [];
    }
    const creatorName = config.workloads[creator.workloadIndex].name;
    return [{
      path: reference.path,
      message: `names ${parsed.kind} ${creator.name}, which workloads[${creator.workloadIndex}] (${creatorName}) creates in environment ${environment.name} of account ${accountId}. ` +
        `IAM names are unique in an account, ignoring case, so this ARN is that ${parsed.kind} or blocks its creation, and Atlas keeps one database user per ARN. ` +
        `Grant the access on workloads[${creator.workloadIndex}] and remove workloads[${reference.workloadIndex}] (${config.workloads[reference.workloadIndex].name}), or give the ARN of another ${parsed.kind}`,
      received: reference.arn,
    }];
  });
}

/** Reports two workloads that key Atlas users on the same ARN, which every environment would create twice. */
function arnsReferencedTwice(config: PlatformConfig): ConfigProblem[] {
  const references = referencedIamArns(config.workloads);
  return references.flatMap((reference, index) => {
    const earlier = references.slice(0, index).find((other) => other.arn === reference.arn);
    if (earlier === undefined) {
      return [];
    }
    return [{
      path: reference.path,
      message: `is the ARN of workloads[${earlier.workloadIndex}] (${config.workloads[earlier.workloadIndex].name}) too, and Atlas keeps one database user per ARN in a project, so the second create fails. Merge the two workloads into one that lists all grants`,
      received: reference.arn,
    }];
  });
}

/** Reports an ARN of another partition than the environment's region. */
function partitionMismatches(config: PlatformConfig, environment: EnvironmentConfig): ConfigProblem[] {
  const partition = partitionOfRegion(environment.aws.region);
  return referencedIamArns(config.workloads).flatMap((reference) => {
    const { parsed } = reference;
    if (parsed.partition === partition) {
      return [];
    }
    return [{
      path: reference.path,
      message: `is in partition ${parsed.partition}, but environment ${environment.name} is in region ${environment.aws.region} of partition ${partition}, whose workloads never sign in as it. ` +
        `Give the ARN of a ${parsed.kind} in partition ${partition}, arn:${partition}:iam::ACCOUNT:${parsed.kind}/NAME`,
      received: reference.arn,
    }];
  });
}

/**
 * Reports an OIDC provider created twice in one account. IAM keeps one
 * provider per issuer URL in an account, so the second create fails at
 * apply. Without an account ID, only the clusters of one environment are
 * compared.
 */
function oidcProvidersCreatedTwice(config: PlatformConfig): ConfigProblem[] {
  const creators = new Map<string, string>();
  const problems: ConfigProblem[] = [];
  config.environments.forEach((environment, environmentIndex) => {
    const account = environment.aws.accountId ?? `environment ${environmentIndex}`;
    (environment.eks?.clusters ?? []).forEach((cluster, clusterIndex) => {
      if (cluster.createOidcProvider !== true || cluster.oidcIssuerUrl === undefined) {
        return;
      }
      const host = issuerHostOf(cluster.oidcIssuerUrl);
      const key = `${account}/${host.toLowerCase()}`;
      const path = `environments[${environmentIndex}].eks.clusters[${clusterIndex}]`;
      const first = creators.get(key);
      if (first === undefined) {
        creators.set(key, path);
        return;
      }
      const where = environment.aws.accountId === undefined ? "the same environment" : `account ${environment.aws.accountId}`;
      problems.push({
        path: `${path}.createOidcProvider`,
        message: `creates the IAM OIDC provider of ${host}, which ${first} creates too in ${where}. IAM keeps one provider per issuer URL in an account, so the second create fails with EntityAlreadyExists. ` +
          "Create it in one environment, and set createOidcProvider to false here: the cluster then refers to the provider by its oidcIssuerUrl",
        received: true,
      });
    });
  });
  return problems;
}
