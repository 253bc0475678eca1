import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";

/**
 * Generates configurations of a chosen size for the synthesis benchmark.
 *
 * The size counts role and Atlas user pairs, the unit that synthesis cost
 * follows. Every workload of a file is deployed into every environment, and
 * each environment has its own Atlas project, which takes at most 100
 * database users (the app's guardrail rejects more). So a size spreads over
 * at least {@link MIN_ENVIRONMENTS} environments, and over more once a file
 * would need more than 100 workloads: 1,000 pairs are 100 workloads in 10
 * environments.
 */

/** The kind-specific fields of one generated workload, from its position in the file. */
export type KindFields = (index: number) => Record<string, unknown>;

/**
 * One entry per workload kind the generator mixes in, in rotation. Adding a
 * kind is one line here; list only kinds the config schema accepts, because
 * the generated file is validated before it is measured.
 */
export const KIND_FIELDS: Readonly<Record<string, KindFields>> = {
  lambda: (index) => ({ vpcAccess: index % 2 === 0 }),
  ecs: (index) => ({ executionRoleArn: `arn:aws:iam::111122223333:role/ecs-execution-${index}` }),
  ec2: () => ({ maxSessionDuration: 7200 }),
};

/** The minimum number of environments in a generated file, each its own AWS account and Atlas project. */
export const MIN_ENVIRONMENTS = 5;
/** Atlas's default limit of database users in one project, which the app's guardrail enforces. */
export const USERS_PER_PROJECT = 100;

const REGIONS = ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-2"];

const CLUSTERS = ["orders", "catalog", "analytics"];

/** Returns the number of environments a size spreads over: at least {@link MIN_ENVIRONMENTS}, and enough for the per-project limit. */
export function environmentCount(pairs: number): number {
  return Math.max(MIN_ENVIRONMENTS, Math.ceil(pairs / USERS_PER_PROJECT));
}

/**
 * Builds a configuration with `pairs` role and Atlas user pairs of mixed kinds,
 * spread evenly over {@link environmentCount} environments.
 *
 * @throws Error when `pairs` does not split evenly over the environments
 */
export function generateConfig(pairs: number, kinds: Readonly<Record<string, KindFields>> = KIND_FIELDS): Record<string, unknown> {
  const environments = Number.isInteger(pairs) && pairs > 0 ? environmentCount(pairs) : 0;
  if (environments === 0 || pairs % environments !== 0) {
    throw new Error(`pairs must be a positive whole number that splits evenly over ${environments || MIN_ENVIRONMENTS} environments, got ${pairs}. Choose a size such as 10, 100, 1000 or 5000`);
  }
  const kindNames = Object.keys(kinds);
  const workloads = Array.from({ length: pairs / environments }, (_, index) => {
    const kind = kindNames[index % kindNames.length];
    return { name: `${kind}-${index}`, kind, ...kinds[kind](index), access: accessFor(index) };
  });
  return { environments: Array.from({ length: environments }, (_, index) => environmentFor(index)), workloads };
}

/** Writes {@link generateConfig}'s result as `platform-PAIRS.yaml` into `folder` and returns its path. */
export function writeGeneratedConfig(folder: string, pairs: number): string {
  const file = join(folder, `platform-${pairs}.yaml`);
  writeFileSync(file, stringify(generateConfig(pairs)));
  return file;
}

function environmentFor(index: number): Record<string, unknown> {
  return {
    name: `env-${String(index + 1).padStart(2, "0")}`,
    aws: { region: REGIONS[index % REGIONS.length], accountId: String(100000000000 + index * 1111111) },
    atlas: {
      projectId: `65f1c0ffee0ddba11caf${index.toString(16).padStart(4, "0")}`,
      clusters: CLUSTERS.map((cluster) => ({ name: cluster, srvHost: `${cluster}.x7k2p.mongodb.net` })),
    },
  };
}

function accessFor(index: number): Record<string, unknown> {
  const database = `service-${index % 50}`;
  const grants: Record<string, string>[] = [{ role: "readWrite", database }];
  if (index % 3 === 0) {
    grants.push({ role: "read", database: "catalog", collection: "products" });
  }
  const clusters = index % 4 === 0 ? [CLUSTERS[0], CLUSTERS[2]] : [CLUSTERS[index % CLUSTERS.length]];
  return { grants, clusters, labels: { team: `team-${index % 12}` } };
}
