/**
 * fast-check arbitraries for configuration files: random valid configurations, and
 * mutations that each make a valid configuration invalid in one way.
 *
 * A valid configuration has 1 or 2 environments, which share cluster, EKS cluster and
 * SAML provider names so every workload's references resolve in each of them, and 1 to
 * 12 workloads of every kind.
 */
import fc from "fast-check";

/** A configuration as plain data, before it is written to a file. */
export interface RawConfig {
  environments: Record<string, unknown>[];
  workloads: Record<string, unknown>[];
}

/** The workload kinds the generator produces. A test checks that they are every kind of the schema. */
export const GENERATED_KINDS = ["lambda", "ecs", "ec2", "eks-irsa", "eks-pod-identity", "role-chain", "saml", "iam-user", "existing-role"] as const;

const REGIONS = ["eu-west-1", "us-east-1", "ap-southeast-2"];

/** Names of environments and workloads: short enough that every derived IAM name fits. */
const resourceName = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const label = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const accountId = fc.stringMatching(/^[1-9]\d{11}$/);
const databaseName = fc.stringMatching(/^[a-z][a-z0-9_]{0,9}$/);
const issuerId = fc.stringMatching(/^[0-9A-F]{32}$/);
const projectId = fc.stringMatching(/^[0-9a-f]{24}$/);
const hostId = fc.stringMatching(/^[a-z0-9]{5}$/);
const collectionName = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const externalId = fc.stringMatching(/^[a-z0-9-]{8,20}$/);
// Building a string arbitrary from a regular expression takes milliseconds, so each is built once, above.

/** Names shared by all environments, so that references resolve in each one. */
interface Universe {
  readonly environments: readonly string[];
  readonly accounts: readonly string[];
  readonly clusters: readonly string[];
  readonly eksClusters: readonly string[];
  readonly samlProviders: readonly string[];
}

const universe: fc.Arbitrary<Universe> = fc
  .record({
    environments: fc.uniqueArray(resourceName, { minLength: 1, maxLength: 2 }),
    clusters: fc.uniqueArray(label, { minLength: 1, maxLength: 3 }),
    eksClusters: fc.uniqueArray(label, { minLength: 1, maxLength: 2 }),
    samlProviders: fc.uniqueArray(label, { minLength: 1, maxLength: 2 }),
  })
  .chain((names) =>
    fc.uniqueArray(accountId, { minLength: names.environments.length, maxLength: names.environments.length }).map((accounts) => ({ ...names, accounts })),
  );

function environment(names: Universe, index: number, metadataFile: string): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({ region: fc.constantFrom(...REGIONS), literalAccount: fc.boolean(), project: projectId })
    .chain(({ region, literalAccount, project }) => {
      const account = literalAccount ? names.accounts[index] : undefined;
      const arnAccount = account ?? names.accounts[index];
      const eksCluster = (name: string) =>
        fc.oneof(
          fc.record({ id: issuerId, create: fc.boolean() }).map(({ id, create }) => ({
            name,
            oidcIssuerUrl: `https://oidc.eks.${region}.amazonaws.com/id/${id}`,
            createOidcProvider: create,
          })),
          issuerId.map((id) => ({ name, oidcProviderArn: `arn:aws:iam::${arnAccount}:oidc-provider/oidc.eks.${region}.amazonaws.com/id/${id}` })),
        );
      const samlProvider = (name: string) =>
        fc.constantFrom({ name, metadataFile }, { name, arn: `arn:aws:iam::${arnAccount}:saml-provider/${name}` });
      return fc.record({
        clusters: fc.tuple(...names.clusters.map((name) =>
          fc.option(hostId, { nil: undefined }).map((id) => ({ name, srvHost: id === undefined ? undefined : `${name}.${id}.mongodb.net` })),
        )),
        eks: fc.tuple(...names.eksClusters.map(eksCluster)),
        saml: fc.tuple(...names.samlProviders.map(samlProvider)),
      }).map(({ clusters, eks, saml }) => ({
        name: names.environments[index],
        aws: { region, accountId: account },
        atlas: { projectId: project, clusters },
        eks: { clusters: eks },
        saml: { providers: saml },
      }));
    });
}

function access(names: Universe): fc.Arbitrary<Record<string, unknown>> {
  const grant = fc.record({
    role: fc.constantFrom("read", "readWrite"),
    database: databaseName,
    collection: fc.option(collectionName, { nil: undefined }),
  });
  const grants = fc.uniqueArray(grant, { minLength: 1, maxLength: 3, selector: (item) => `${item.role}/${item.database}/${item.collection ?? ""}` });
  // The default database must be one that a grant reaches.
  return grants.chain((granted) =>
    fc.record({
      grants: fc.constant(granted),
      clusters: fc.subarray([...names.clusters], { minLength: 1 }),
      defaultDatabase: fc.option(fc.constantFrom(...granted.map((item) => item.database)), { nil: undefined }),
    }),
  );
}

/** Generates the fields of one kind, besides name and access. */
function kindFields(kind: (typeof GENERATED_KINDS)[number], names: Universe, name: string): fc.Arbitrary<Record<string, unknown>> {
  const pattern = (value: string) => fc.constantFrom(value, `${value}-*`);
  switch (kind) {
    case "lambda":
      return fc.record({ vpcAccess: fc.option(fc.boolean(), { nil: undefined }), environmentVariable: fc.option(fc.constantFrom("MONGODB_URI", "DB_URL"), { nil: undefined }) });
    case "ecs":
      return fc.record({ confusedDeputyProtection: fc.option(fc.boolean(), { nil: undefined }) });
    case "ec2":
      return fc.constant({});
    case "eks-irsa":
      return fc.record({
        cluster: fc.constantFrom(...names.eksClusters),
        serviceAccounts: fc.uniqueArray(fc.record({ namespace: label, name: label.chain(pattern) }), {
          minLength: 1,
          maxLength: 2,
          selector: (item) => `${item.namespace}:${item.name}`,
        }),
      });
    case "eks-pod-identity":
      return fc.record({
        associations: fc.uniqueArray(fc.record({ cluster: fc.constantFrom(...names.eksClusters), namespace: label, serviceAccount: label }), {
          minLength: 1,
          maxLength: 2,
          selector: (item) => `${item.cluster}/${item.namespace}/${item.serviceAccount}`,
        }),
        scopeSessionTags: fc.option(fc.boolean(), { nil: undefined }),
      });
    case "role-chain":
      return fc.record({
        sourceRoleArns: fc.uniqueArray(label.map((role) => `arn:aws:iam::444455556666:role/${role}-runner`), { minLength: 1, maxLength: 2 }),
        externalId: fc.option(externalId, { nil: undefined }),
      });
    case "saml":
      return fc.record({ provider: fc.constantFrom(...names.samlProviders), sessionTags: fc.option(fc.boolean(), { nil: undefined }) });
    case "iam-user":
      return fc.record({ path: fc.option(label.map((segment) => `/${segment}/`), { nil: undefined }) });
    case "existing-role":
      return fc.constant({ roleArn: `arn:aws:iam::${names.accounts[0]}:role/existing-${name}` });
  }
}

/** Generates one workload of any kind with the given name. */
export function workload(names: Universe, name: string): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .constantFrom(...GENERATED_KINDS)
    .chain((kind) => fc.record({ fields: kindFields(kind, names, name), access: access(names) }).map(({ fields, access: accessBlock }) => ({ name, kind, ...fields, access: accessBlock })));
}

/** A valid configuration, the names it shares between environments, and a name no workload uses. */
export interface ValidCase {
  readonly config: RawConfig;
  readonly names: Universe;
  /** A workload name that is free, for a workload to add or a rename target. */
  readonly freeName: string;
}

/** Generates valid configurations. SAML providers created from metadata read `metadataFile`. */
export function validConfig(metadataFile: string): fc.Arbitrary<ValidCase> {
  return universe.chain((names) =>
    fc
      .record({
        environments: fc.tuple(...names.environments.map((_, index) => environment(names, index, metadataFile))),
        workloadNames: fc.uniqueArray(resourceName, { minLength: 2, maxLength: 13 }),
      })
      .chain(({ environments, workloadNames }) =>
        fc.tuple(...workloadNames.slice(1).map((name) => workload(names, name))).map((workloads) => ({
          config: withoutUndefined({ environments, workloads }) as RawConfig,
          names,
          freeName: workloadNames[0],
        })),
      ),
  );
}

/** Drops keys whose value is undefined, as a configuration file never has them. */
export function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
