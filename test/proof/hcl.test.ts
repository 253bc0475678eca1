import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runSynthHcl, writeStacksAsHcl } from "../../app/hcl";
import { DEFAULT_EXAMPLE, defaultExample, temporaryFolder, writeConfig } from "../helpers/config";
import { JsonObject, parseHcl } from "../support/hcl";
import { terraformAvailable } from "../support/terraform-eval";

const itWithTerraform = terraformAvailable() ? it : it.skip;
if (!terraformAvailable()) {
  console.warn("terraform not found on PATH: the terraform fmt check of the HCL output is skipped.");
}

/** Removes cdktf's JSON comment properties, which the HCL leaves out. */
function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutComments);
  }
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "//").map(([key, item]) => [key, withoutComments(item)]));
  }
  return value;
}

/**
 * hcl2json returns a bare expression, such as a `depends_on` address, wrapped in `${...}`.
 * Terraform JSON accepts the address with or without the wrapper.
 */
const wrapped = (expression: unknown) => (String(expression).startsWith("${") ? String(expression) : `\${${String(expression)}}`);

/** Converts a resource or data body to what hcl2json reads back: blocks become lists, bare expressions get `${...}`. */
function asParsedBody(body: JsonObject): JsonObject {
  const parsed = withoutComments(body) as JsonObject;
  if (parsed.lifecycle !== undefined) {
    parsed.lifecycle = [parsed.lifecycle];
  }
  if (parsed.provider !== undefined) {
    parsed.provider = wrapped(parsed.provider);
  }
  if (Array.isArray(parsed.depends_on)) {
    parsed.depends_on = parsed.depends_on.map(wrapped);
  }
  return parsed;
}

function byTypeAndName(section: unknown): JsonObject {
  return Object.fromEntries(Object.entries((section ?? {}) as Record<string, Record<string, JsonObject>>).map(([type, byName]) => [
    type,
    Object.fromEntries(Object.entries(byName).map(([name, body]) => [name, [asParsedBody(body)]])),
  ]));
}

/** Converts one synthesized stack to what hcl2json returns for its HCL. */
function expectedParse(stack: JsonObject): JsonObject {
  const terraform = withoutComments(stack.terraform) as JsonObject;
  const backend = terraform.backend as Record<string, JsonObject> | undefined;
  const expected: JsonObject = {
    resource: byTypeAndName(stack.resource),
    output: Object.fromEntries(Object.entries(withoutComments(stack.output) as JsonObject).map(([name, body]) => [name, [body]])),
    provider: withoutComments(stack.provider),
    terraform: [{
      ...terraform,
      required_providers: [terraform.required_providers],
      ...(backend === undefined ? {} : { backend: Object.fromEntries(Object.entries(backend).map(([type, settings]) => [type, [settings]])) }),
    }],
  };
  if (stack.data !== undefined) {
    expected.data = byTypeAndName(stack.data);
  }
  if (stack.moved !== undefined) {
    expected.moved = (stack.moved as JsonObject[]).map((block) => ({ from: wrapped(block.from), to: wrapped(block.to) }));
  }
  if (stack.import !== undefined) {
    expected.import = (stack.import as JsonObject[]).map((block) => ({ ...block, to: wrapped(block.to) }));
  }
  return expected;
}

/** The default example, and a variant that uses renames, adoption and values Terraform looks up. */
const variants = {
  default: () => DEFAULT_EXAMPLE,
  "with renames, adoption and lookups": () => {
    const config = defaultExample();
    const environment = config.environments[0];
    delete environment.aws.accountId;
    delete environment.atlas.clusters[1].srvHost;
    config.workloads[0].renamedFrom = "old-checkout";
    config.workloads[1].adopt = { role: true };
    return writeConfig(config);
  },
};

interface HclRun {
  readonly outdir: string;
  readonly exitCode: number;
  readonly lines: string[];
}

const runs: Record<string, HclRun> = {};

beforeAll(async () => {
  for (const [label, configFile] of Object.entries(variants)) {
    const outdir = join(temporaryFolder(), "cdktf.out");
    const lines: string[] = [];
    const exitCode = await runSynthHcl([configFile()], { CDKTF_OUTDIR: outdir }, (line) => lines.push(line));
    runs[label] = { outdir, exitCode, lines };
  }
});

describe.each(Object.keys(variants))("the HCL of the %s example", (label) => {
  const read = (folder: string, file: string) => readFileSync(join(runs[label].outdir, folder, "prod", file), "utf8");

  it("is written apart from the stack folder", () => {
    expect(runs[label].exitCode).toBe(0);
    expect(runs[label].lines).toContain(`Wrote ${join(runs[label].outdir, "hcl", "prod", "main.tf")}`);
    expect(readdirSync(join(runs[label].outdir, "stacks", "prod")).filter((file) => file.endsWith(".tf"))).toEqual([]);
  });

  it("parses back to cdk.tf.json", async () => {
    const stack = JSON.parse(read("stacks", "cdk.tf.json")) as JsonObject;

    const parsed = await parseHcl(read("hcl", "main.tf"));

    expect(parsed).toEqual(expectedParse(stack));
  });

  itWithTerraform("is accepted by terraform fmt -check", () => {
    const folder = temporaryFolder();
    writeFileSync(join(folder, "cli.tfrc"), "");

    const result = spawnSync("terraform", ["fmt", "-check", "-diff", "-no-color", join(runs[label].outdir, "hcl")], {
      encoding: "utf8",
      env: { PATH: process.env.PATH, HOME: folder, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: join(folder, "cli.tfrc") },
    });

    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});

describe("the HCL writer", () => {
  it("covers interpolations, moves and imports", () => {
    const hcl = readFileSync(join(runs["with renames, adoption and lookups"].outdir, "hcl", "prod", "main.tf"), "utf8");

    expect(hcl).toMatch(/^moved \{$/m);
    expect(hcl).toMatch(/^import \{$/m);
    expect(hcl).toContain('\\"aws:SourceAccount\\":\\"${data.aws_caller_identity.');
  });

  it("removes the HCL of removed stacks", async () => {
    const outdir = runs.default.outdir;
    mkdirSync(join(outdir, "hcl", "staging"), { recursive: true });
    writeFileSync(join(outdir, "hcl", "staging", "main.tf"), "");

    const written = await writeStacksAsHcl(outdir);

    expect(written).toEqual([join(outdir, "hcl", "prod", "main.tf")]);
    expect(readdirSync(join(outdir, "hcl"))).toEqual(["prod"]);
  });

  it("writes nothing for --help", async () => {
    const outdir = join(temporaryFolder(), "cdktf.out");
    const lines: string[] = [];

    const exitCode = await runSynthHcl(["--help"], { CDKTF_OUTDIR: outdir }, (line) => lines.push(line));

    expect(exitCode).toBe(0);
    expect(lines[0]).toMatch(/^Usage: /);
    expect(existsSync(outdir)).toBe(false);
  });

  it("writes nothing for an invalid configuration", async () => {
    const config = defaultExample();
    config.workloads[0].access.clusters = ["no-such-cluster"];
    const file = writeConfig(config);
    const outdir = join(temporaryFolder(), "cdktf.out");
    const lines: string[] = [];

    const exitCode = await runSynthHcl([file], { CDKTF_OUTDIR: outdir }, (line) => lines.push(line));

    expect(exitCode).toBe(1);
    expect(lines.length).toBeGreaterThan(0);
    lines.forEach((line) => expect(line.startsWith(`${file}: `)).toBe(true));
    expect(existsSync(join(outdir, "hcl"))).toBe(false);
  });
});
