import { TerraformOutput } from "cdktf";
import { LambdaAccess } from "../../constructs";
import { WorkloadConfig } from "../../app/config/workloads";
import { runApp, stackOf } from "../helpers/app";
import { DEFAULT_EXAMPLE, defaultExample, writeConfig } from "../helpers/config";
import { SynthesizedStack, newStack, synthesize } from "../helpers/stack";
import { baseWorkloadProps } from "../helpers/workloads";
import { parseConnectionString } from "../support/connection-string";
import { fakeReferenceValues } from "../support/fake-references";
import { terraformAvailable } from "../support/terraform-eval";
import { evaluateWhereTerraformRuns } from "../support/terraform-step";
import { FAKE_ACCOUNT_ID, partitionOf } from "./trust-cases";

// Hosts and databases come from the configuration, never from the output.
const config = defaultExample();
const itWithTerraform = terraformAvailable() ? it : it.skip;
const fakeSrvHost = (cluster: string) => `${cluster}.lookedup.mongodb.net`;

/** What a connection string must carry. */
interface Expected {
  readonly srvHost: string;
  readonly dbName: string;
}

/**
 * Checks that `uri` makes the driver authenticate with MONGODB-AWS against `$external`,
 * with no credentials of its own, at the expected host and database.
 */
function expectPasswordlessAwsUri(uri: string, expected: Expected): void {
  const parsed = parseConnectionString(uri);

  expect(parsed).toEqual({
    mechanism: "MONGODB-AWS",
    source: "$external",
    username: undefined,
    password: undefined,
    srvHost: expected.srvHost,
    hosts: [],
    dbName: expected.dbName,
  });
}

/** Returns the database of the URI path: the configured default, else the first grant's database, else the driver's `test`. */
function expectedDatabase(access: WorkloadConfig["access"]): string {
  const firstGrant = access.grants.find((grant) => grant.customRole === undefined && grant.database !== undefined && grant.database !== "admin");
  return access.defaultDatabase ?? firstGrant?.database ?? "test";
}

/** Lists one expected output per workload and cluster, named as the stack names outputs. */
function expectedOutputs(hostOf: (cluster: string) => string): Record<string, Expected> {
  const outputs: Record<string, Expected> = {};
  for (const workload of config.workloads) {
    for (const cluster of workload.access.clusters ?? []) {
      const name = `${workload.name}_connection_string_${cluster}`.replace(/-/g, "_");
      outputs[name] = { srvHost: hostOf(cluster), dbName: expectedDatabase(workload.access) };
    }
  }
  return outputs;
}

function connectionStringOutputs(stack: SynthesizedStack): Record<string, string> {
  return Object.fromEntries(
    Object.entries(stack.output ?? {})
      .filter(([name]) => name.includes("connection_string"))
      .map(([name, output]) => [name, output.value as string]),
  );
}

/** Collects every string in a JSON value that starts like a MongoDB URI. */
function mongodbUrisIn(value: unknown): string[] {
  if (typeof value === "string") {
    return /^mongodb(\+srv)?:\/\//.test(value) ? [value] : [];
  }
  if (typeof value === "object" && value !== null) {
    return Object.values(value).flatMap(mongodbUrisIn);
  }
  return [];
}

const environment = config.environments[0];
const configuredHost = (cluster: string) => environment.atlas.clusters.find((candidate) => candidate.name === cluster)?.srvHost ?? "";
let given: SynthesizedStack;
let lookedUp: SynthesizedStack;
let lambda: { single: Record<string, string>; several: Record<string, string>; lookedUp: Record<string, string> };
let evaluated: Record<string, string>;

beforeAll(() => {
  const withoutHosts = defaultExample();
  withoutHosts.environments.forEach((item) => item.atlas.clusters.forEach((cluster) => delete cluster.srvHost));
  const runs = [runApp(DEFAULT_EXAMPLE), runApp(writeConfig(withoutHosts))];
  for (const run of runs) {
    if (run.exitCode !== 0) {
      throw new Error(run.lines.join("\n"));
    }
  }
  given = stackOf(runs[0].outdir, environment.name);
  lookedUp = stackOf(runs[1].outdir, environment.name);

  const single = new LambdaAccess(newStack(), "orders-api", baseWorkloadProps());
  const several = new LambdaAccess(newStack(), "orders-api", {
    ...baseWorkloadProps({ atlas: { ...baseWorkloadProps().atlas, clusters: [{ name: "orders", srvHost: "orders.x7k2p.mongodb.net" }, { name: "eu-archive", srvHost: "eu-archive.x7k2p.mongodb.net" }] } }),
    environmentVariable: "ORDERS_DB",
  });
  const lookupStack = newStack();
  const withLookup = new LambdaAccess(lookupStack, "orders-api", baseWorkloadProps({ atlas: { ...baseWorkloadProps().atlas, clusters: [{ name: "orders" }] } }));
  // Outputs carry the variables into cdk.tf.json, where their tokens become Terraform templates.
  Object.entries(withLookup.environment).forEach(([name, value]) => new TerraformOutput(lookupStack, name, { value }));
  const lookupOutput = synthesize(lookupStack);
  const lookupTemplates = Object.fromEntries(Object.keys(withLookup.environment).map((name) => [name, lookupOutput.output?.[name].value as string]));
  lambda = { single: single.environment, several: several.environment, lookedUp: lookupTemplates };

  // Both stacks that read hosts from Atlas are evaluated in one Terraform run.
  const fake = { accountId: FAKE_ACCOUNT_ID, partition: partitionOf(environment.aws.region), region: environment.aws.region, srvHostOf: fakeSrvHost };
  const appTemplates = connectionStringOutputs(lookedUp);
  const templates = { ...prefixed("app/", appTemplates), ...prefixed("lambda/", lookupTemplates) };
  const references = {
    ...fakeReferenceValues(lookedUp, Object.values(appTemplates), fake),
    ...fakeReferenceValues(lookupOutput, Object.values(lookupTemplates), fake),
  };
  evaluated = evaluateWhereTerraformRuns(templates, references);
});

function prefixed(prefix: string, values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [`${prefix}${key}`, value]));
}

describe("connection strings of the default example", () => {
  it("are one output per workload and cluster of the configuration", () => {
    expect(Object.keys(connectionStringOutputs(given)).sort()).toEqual(Object.keys(expectedOutputs(configuredHost)).sort());
  });

  it("authenticate with MONGODB-AWS without credentials at the configured host and database", () => {
    const outputs = connectionStringOutputs(given);

    for (const [name, expected] of Object.entries(expectedOutputs(configuredHost))) {
      expectPasswordlessAwsUri(outputs[name], expected);
    }
  });

  it("are the only MongoDB URIs anywhere in the output", () => {
    const everywhere = new Set(mongodbUrisIn(given));

    expect([...everywhere].sort()).toEqual([...new Set(Object.values(connectionStringOutputs(given)))].sort());
  });

  itWithTerraform("carry the host Atlas returns when the configuration gives none", () => {
    const expected = expectedOutputs(fakeSrvHost);

    expect(Object.keys(expected).length).toBeGreaterThan(0);
    for (const [name, values] of Object.entries(expected)) {
      expect(connectionStringOutputs(lookedUp)[name]).toContain("${");
      expectPasswordlessAwsUri(evaluated[`app/${name}`], values);
    }
  });
});

describe("Lambda environment variables of the library", () => {
  it("carry one passwordless URI in MONGODB_URI for one cluster", () => {
    expect(Object.keys(lambda.single)).toEqual(["MONGODB_URI"]);
    expectPasswordlessAwsUri(lambda.single.MONGODB_URI, { srvHost: "orders.x7k2p.mongodb.net", dbName: "orders" });
  });

  it("carry one passwordless URI per cluster, named after the cluster", () => {
    expect(Object.keys(lambda.several)).toEqual(["ORDERS_DB_ORDERS", "ORDERS_DB_EU_ARCHIVE"]);
    expectPasswordlessAwsUri(lambda.several.ORDERS_DB_ORDERS, { srvHost: "orders.x7k2p.mongodb.net", dbName: "orders" });
    expectPasswordlessAwsUri(lambda.several.ORDERS_DB_EU_ARCHIVE, { srvHost: "eu-archive.x7k2p.mongodb.net", dbName: "orders" });
  });

  itWithTerraform("carry the host Atlas returns when the cluster has no srvHost", () => {
    expect(lambda.lookedUp.MONGODB_URI).toContain("${");
    expectPasswordlessAwsUri(evaluated["lambda/MONGODB_URI"], { srvHost: fakeSrvHost("orders"), dbName: "orders" });
  });
});

describe("the connection string check", () => {
  const emitted = "mongodb+srv://orders.x7k2p.mongodb.net/orders?authSource=%24external&authMechanism=MONGODB-AWS";
  const expected = { srvHost: "orders.x7k2p.mongodb.net", dbName: "orders" };

  it("fails for a URI with access keys", () => {
    const tampered = emitted.replace("://", "://AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI%2FK7MDENG@");

    expect(() => expectPasswordlessAwsUri(tampered, expected)).toThrow(/username and password cannot be provided when using MONGODB-AWS/);
  });

  it("fails for password authentication on admin", () => {
    const tampered = "mongodb+srv://app:s3cret@orders.x7k2p.mongodb.net/orders?authSource=admin";

    expect(() => expectPasswordlessAwsUri(tampered, expected)).toThrow(/mechanism/);
  });

  it("fails for another host or database", () => {
    expect(() => expectPasswordlessAwsUri(emitted.replace("orders.x7k2p", "orders.evil"), expected)).toThrow(/srvHost/);
    expect(() => expectPasswordlessAwsUri(emitted.replace("/orders?", "/admin?"), expected)).toThrow(/dbName/);
  });
});
