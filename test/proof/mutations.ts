/**
 * Mutations that each make a valid configuration invalid in one way: a value of the
 * wrong type, an unknown key, a bad or over-long name, a reference to something that does
 * not exist, a repeated name, or a malformed ARN.
 */
import fc from "fast-check";
import { RawConfig } from "./arbitraries";

/** One change to a configuration, named for the counterexample fast-check prints. */
export interface Mutation {
  readonly label: string;
  readonly apply: (config: RawConfig) => void;
}

type Item = Record<string, unknown>;

const at = <T>(items: readonly T[], index: number): T => items[index % items.length];
const accessOf = (workload: Item) => workload.access as Item;
const clone = <T>(value: T): T => structuredClone(value);
const minimalAccess = { grants: [{ role: "read", database: "orders" }] };

function mutation(label: string, apply: (config: RawConfig, index: number) => void): fc.Arbitrary<Mutation> {
  return fc.nat(50).map((index) => ({ label: `${label} (index ${index})`, apply: (config: RawConfig) => apply(config, index) }));
}

const wrongTypes = [
  mutation("workload name is a number", (config, index) => (at(config.workloads, index).name = 42)),
  mutation("grants is a string", (config, index) => (accessOf(at(config.workloads, index)).grants = "readWrite")),
  mutation("access clusters is a string", (config, index) => (accessOf(at(config.workloads, index)).clusters = "orders")),
  mutation("maxSessionDuration is text", (config, index) => (at(config.workloads, index).maxSessionDuration = "one hour")),
  mutation("kind is a number", (config, index) => (at(config.workloads, index).kind = 3)),
  mutation("region is a boolean", (config, index) => ((at(config.environments, index).aws as Item).region = true)),
  mutation("Atlas clusters is an object", (config, index) => ((at(config.environments, index).atlas as Item).clusters = {})),
  mutation("workloads is an object", (config) => ((config as unknown as Item).workloads = { name: "x" })),
];

const unknownKey = fc
  .record({
    key: fc.stringMatching(/^[a-z][a-zA-Z]{2,12}$/),
    where: fc.constantFrom("root", "environment", "aws", "workload", "access", "grant"),
    index: fc.nat(50),
  })
  .map(({ key, where, index }): Mutation => ({
    label: `unknown key ${key} in ${where} (index ${index})`,
    apply: (config) => {
      const workload = at(config.workloads, index);
      const targets: Record<string, Item> = {
        root: config as unknown as Item,
        environment: at(config.environments, index),
        aws: at(config.environments, index).aws as Item,
        workload,
        access: accessOf(workload),
        grant: (accessOf(workload).grants as Item[])[0],
      };
      // An object is the wrong type for every known field too, so a known key is also rejected.
      targets[where][key] = { unexpected: true };
    },
  }));

const badNames = fc.constantFrom("Orders_API", "-leading-hyphen", "a", "trailing-", "x".repeat(49), "ünïcode", "");
const badName = fc.record({ name: badNames, onWorkload: fc.boolean(), index: fc.nat(50) }).map(({ name, onWorkload, index }): Mutation => ({
  label: `${onWorkload ? "workload" : "environment"} name ${JSON.stringify(name)} (index ${index})`,
  apply: (config) => {
    at(onWorkload ? config.workloads : config.environments, index).name = name;
  },
}));

const unknownReferences = [
  mutation("access names an unknown cluster", (config, index) => (accessOf(at(config.workloads, index)).clusters as string[]).push("zz-missing")),
  mutation("eks-irsa names an unknown EKS cluster", (config) =>
    config.workloads.push({ name: "zz-irsa", kind: "eks-irsa", cluster: "zz-missing", serviceAccounts: [{ namespace: "web", name: "web" }], access: minimalAccess })),
  mutation("pod identity names an unknown EKS cluster", (config) =>
    config.workloads.push({ name: "zz-pods", kind: "eks-pod-identity", associations: [{ cluster: "zz-missing", namespace: "web", serviceAccount: "web" }], access: minimalAccess })),
  mutation("saml names an unknown provider", (config) => config.workloads.push({ name: "zz-saml", kind: "saml", provider: "zz-missing", access: minimalAccess })),
  mutation("renamedFrom names a current workload", (config, index) => {
    if (config.workloads.length > 1) {
      at(config.workloads, index).renamedFrom = at(config.workloads, index + 1).name;
    } else {
      config.workloads.push({ ...clone(config.workloads[0]), name: "zz-second", renamedFrom: config.workloads[0].name });
    }
  }),
];

const duplicates = [
  mutation("a workload name repeats", (config, index) => config.workloads.push(clone(at(config.workloads, index)))),
  mutation("an environment name repeats", (config, index) => config.environments.push(clone(at(config.environments, index)))),
  mutation("an Atlas cluster name repeats", (config, index) => {
    const clusters = (at(config.environments, index).atlas as Item).clusters as Item[];
    clusters.push(clone(clusters[0]));
  }),
  mutation("a grant repeats", (config, index) => {
    const grants = accessOf(at(config.workloads, index)).grants as Item[];
    grants.push(clone(grants[0]));
  }),
];

const badArns = fc.constantFrom("arn:aws:iam::12345:role/x", "arn:aws:s3:::bucket", "role/x", "arn:aws:iam::111122223333:policy/x", "arn:aws:iam:111122223333:role");
const badArn = fc.record({ arn: badArns, where: fc.constantFrom("existing-role", "role-chain", "iam-user", "saml provider", "OIDC provider") }).map(({ arn, where }): Mutation => ({
  label: `${where} ARN ${arn}`,
  apply: (config) => {
    if (where === "existing-role") {
      config.workloads.push({ name: "zz-existing", kind: "existing-role", roleArn: arn, access: minimalAccess });
    } else if (where === "role-chain") {
      config.workloads.push({ name: "zz-chain", kind: "role-chain", sourceRoleArns: [arn], access: minimalAccess });
    } else if (where === "iam-user") {
      config.workloads.push({ name: "zz-user", kind: "iam-user", userArn: arn, access: minimalAccess });
    } else if (where === "saml provider") {
      (config.environments[0].saml as { providers: Item[] }).providers.push({ name: "zz-idp", arn });
    } else {
      (config.environments[0].eks as { clusters: Item[] }).clusters.push({ name: "zz-eks", oidcProviderArn: arn });
    }
  },
}));

const overLong = [
  mutation("roleName has 65 characters", (config, index) => (at(config.workloads, index).roleName = "r".repeat(65))),
  mutation("workload name has 49 characters", (config, index) => (at(config.workloads, index).name = `w${"x".repeat(48)}`)),
  mutation("database name has 65 characters", (config, index) => ((accessOf(at(config.workloads, index)).grants as Item[])[0].database = "d".repeat(65))),
  mutation("label value has 300 characters", (config, index) => (accessOf(at(config.workloads, index)).labels = { team: "t".repeat(300) })),
];

/** Any one mutation that makes a valid configuration invalid. */
export const invalidating: fc.Arbitrary<Mutation> = fc.oneof(
  fc.oneof(...wrongTypes),
  unknownKey,
  badName,
  fc.oneof(...unknownReferences),
  fc.oneof(...duplicates),
  badArn,
  fc.oneof(...overLong),
);
