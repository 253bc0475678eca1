import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadConfig, parseConfig } from "../app/config/load";
import { DEFAULT_EXAMPLE, configProblemLines, defaultExample, temporaryFolder, writeConfig } from "./helpers/config";

const problemLines = configProblemLines;

describe("loadConfig", () => {
  test("loads the default example", () => {
    const config = loadConfig(DEFAULT_EXAMPLE);

    expect(config.environments.map((environment) => environment.name)).toEqual(["prod"]);
    expect(new Set(config.workloads.map((workload) => workload.kind))).toEqual(
      new Set(["lambda", "ecs", "ec2", "eks-irsa", "eks-pod-identity", "role-chain", "saml", "iam-user", "existing-role"]),
    );
  });

  test("loads the same config from JSON", () => {
    const file = writeConfig(defaultExample(), "platform.json");

    expect(loadConfig(file)).toEqual(loadConfig(DEFAULT_EXAMPLE));
  });

  test("names a missing file", () => {
    expect(problemLines("/nonexistent/platform.yaml")).toEqual([
      '/nonexistent/platform.yaml: cannot be read: file not found. Check the path (got "/nonexistent/platform.yaml")',
    ]);
  });

  test("reports a YAML syntax error with its line", () => {
    const file = join(temporaryFolder(), "broken.yaml");
    writeFileSync(file, "environments:\n  - name: prod\n   aws: [\n");

    expect(problemLines(file)[0]).toMatch(/broken\.yaml: line \d+: is not valid YAML: /);
  });

  test("rejects a key given twice in YAML", () => {
    const file = join(temporaryFolder(), "twice.yaml");
    writeFileSync(file, "environments: []\nenvironments: []\nworkloads: []\n");

    expect(problemLines(file)[0]).toMatch(/twice\.yaml: line 2: is not valid YAML: Map keys must be unique/);
  });

  test("suggests the spelling of an unknown key", () => {
    const config = defaultExample() as unknown as { workloads: Record<string, unknown>[] };
    config.workloads[0].vpcAcess = true;

    expect(problemLines(writeConfig(config))).toEqual([
      expect.stringMatching(/platform\.yaml: workloads\[0\]\.vpcAcess: is not a known key \(did you mean vpcAccess\?\)\. Remove it or fix its spelling \(got true\)$/),
    ]);
  });

  test("lists the accepted kinds", () => {
    const config = defaultExample() as unknown as { workloads: Record<string, unknown>[] };
    config.workloads[1].kind = "lamda";

    expect(problemLines(writeConfig(config))).toEqual([
      expect.stringMatching(/workloads\[1\]\.kind: must be one of "lambda", "ecs", "ec2", "eks-irsa", "eks-pod-identity", "role-chain", "saml", "iam-user", "existing-role" \(got "lamda"\)$/),
    ]);
  });

  test("reports every problem, one per line", () => {
    const config = defaultExample() as unknown as { environments: { aws: Record<string, unknown>; atlas: Record<string, unknown> }[] };
    config.environments[0].aws.accountId = 111122223333;
    config.environments[0].atlas.projectId = "shop-prod";

    expect(problemLines(writeConfig(config))).toEqual([
      expect.stringMatching(/environments\[0\]\.aws\.accountId: must be a string, not a number\. Quote the value in YAML so it stays text, leading zeros included \(got 111122223333\)$/),
      expect.stringMatching(/environments\[0\]\.atlas\.projectId: must be the 24-character hexadecimal Atlas project ID, not the project name \(got "shop-prod"\)$/),
    ]);
  });

  test("reports a missing field", () => {
    const config = defaultExample() as unknown as { workloads: Record<string, unknown>[] };
    delete config.workloads[0].access;

    expect(problemLines(writeConfig(config))).toEqual([expect.stringMatching(/workloads\[0\]\.access: is missing\. Add an object \(got nothing\)$/)]);
  });

  test("rejects a workload name that cannot become an IAM name", () => {
    const config = defaultExample();
    (config.workloads[0] as { name: string }).name = "Checkout API";

    expect(problemLines(writeConfig(config))).toEqual([
      expect.stringMatching(/workloads\[0\]\.name: must be 2 to 48 lowercase letters, digits or hyphens, starting with a letter\. Use a name such as orders-api \(got "Checkout API"\)$/),
    ]);
  });

  test("rejects duplicate workload names", () => {
    const config = defaultExample();
    (config.workloads[2] as { name: string }).name = config.workloads[0].name;

    expect(problemLines(writeConfig(config))).toEqual([
      expect.stringMatching(/workloads\[2\]\.name: repeats the name of workloads\[0\]\. Names must be unique \(got "checkout-api"\)$/),
    ]);
  });

  test("rejects a cluster that the environment lacks", () => {
    const config = defaultExample();
    config.workloads[0].access.clusters = ["orderz"];

    expect(problemLines(writeConfig(config))).toEqual([
      expect.stringMatching(/workloads\[0\]\.access\.clusters\[0\]: is not a cluster of environment prod\. Use one of orders, analytics, or add it to environments\[0\]\.atlas\.clusters \(got "orderz"\)$/),
    ]);
  });

  test("stops alias expansion that grows without bound", () => {
    const file = join(temporaryFolder(), "aliases.yaml");
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 8; level++) {
      levels.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10).fill(`*${String.fromCharCode(96 + level)}`).join(", ")}]`);
    }
    writeFileSync(file, `${levels.join("\n")}\n`);

    expect(problemLines(file)).toEqual([expect.stringMatching(/aliases\.yaml: is not valid YAML: .*alias.*Write the repeated blocks out instead of using aliases$/)]);
  });

  test("names the kind a key belongs to", () => {
    const config = defaultExample() as unknown as { workloads: Record<string, unknown>[] };
    config.workloads[0].executionRoleArn = "arn:aws:iam::111122223333:role/ecsTaskExecutionRole";

    expect(problemLines(writeConfig(config))).toEqual([
      expect.stringMatching(/workloads\[0\]\.executionRoleArn: is not accepted here: the key belongs to another workload kind or section/),
    ]);
  });

  test("explains a quoted boolean", () => {
    const config = defaultExample() as unknown as { workloads: Record<string, unknown>[] };
    config.workloads[0].vpcAccess = "yes";

    expect(problemLines(writeConfig(config))).toEqual([
      expect.stringMatching(/workloads\[0\]\.vpcAccess: must be true or false, not a string\. Write true or false without quotes \(got "yes"\)$/),
    ]);
  });

  test("accepts merge keys and anchor-only x- blocks", () => {
    const file = join(temporaryFolder(), "merge.yaml");
    const source = readFileSync(DEFAULT_EXAMPLE, "utf8")
      .replace("workloads:\n", "x-read-orders: &read-orders\n  grants: [{ role: read, database: orders }]\n  clusters: [orders]\n\nworkloads:\n");
    writeFileSync(file, `${source}\n  - name: merged-reader\n    kind: ec2\n    access:\n      <<: *read-orders\n      defaultDatabase: orders\n`);

    const merged = parseConfig(join(dirname(DEFAULT_EXAMPLE), "merge.yaml"), readFileSync(file, "utf8"));

    expect(merged.workloads.find((workload) => workload.name === "merged-reader")?.access).toEqual({
      grants: [{ role: "read", database: "orders" }],
      clusters: ["orders"],
      defaultDatabase: "orders",
    });
  });

  test("rejects several YAML documents", () => {
    expect(() => parseConfig("two.yaml", "environments: []\n---\nworkloads: []\n")).toThrow(/two\.yaml: .*is not valid YAML: the file holds several documents separated by ---\. Keep one document/);
  });

  test("names the line of a JSON error", () => {
    expect(() => parseConfig("broken.json", '{\n  "environments": [],\n  }')).toThrow(/^broken\.json: line 3: is not valid JSON: .*at position 26$/);
  });

  test("rejects invalid JSON", () => {
    expect(() => parseConfig("platform.json", "{")).toThrow(/^platform\.json: line 1: is not valid JSON: /);
  });
});
