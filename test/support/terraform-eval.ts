/**
 * Evaluates strings from a synthesized cdk.tf.json with the real Terraform CLI, offline.
 *
 * Why the CLI: an attribute such as an `assume_role_policy` is a Terraform template whose
 * `${...}` sequences call Terraform functions (`replace`, `jsonencode`, ...). Only
 * Terraform evaluates them with Terraform's own semantics, so a test that checks the
 * evaluated text proves what AWS receives after `terraform apply`.
 *
 * How: every resource or data reference is swapped for `var.ref_N`, and each value
 * becomes a string variable default. In JSON syntax a variable default is a literal
 * value, not a template, so values need no escaping. The templates become output values
 * in a fresh temporary directory, and `terraform apply -json` prints the evaluated
 * outputs in its final `outputs` message. The configuration declares no resources,
 * providers, modules or backend, and `terraform init` never runs, so Terraform has
 * nothing to download. The checkpoint version check is off (`CHECKPOINT_DISABLE`), the
 * user's CLI configuration is replaced by an empty file, and `TF_*` variables from the
 * caller's environment (such as `TF_VAR_ref_0` or `TF_CLI_ARGS`) are dropped.
 *
 * The API is synchronous because one run takes tens of milliseconds, which keeps call
 * sites simple. Measured with Terraform 1.11.4 on a 2-vCPU Xeon Linux VM, averaged over
 * 20 runs: about 33 ms per run for 1 template and 140 ms for 200 templates. Batch many
 * templates into one `evaluateTerraformStrings` call so they share a single run.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listReferences, replaceReferences } from "./terraform-references";

/** Maximum time for one Terraform run, in milliseconds. */
const RUN_TIMEOUT_MS = 60_000;

let availability: boolean | undefined;

/** Reports whether a `terraform` executable on PATH runs. The result is cached per process. */
export function terraformAvailable(): boolean {
  if (availability === undefined) {
    const workDir = mkdtempSync(join(tmpdir(), "terraform-eval-"));
    try {
      const result = spawnSync("terraform", ["version", "-json"], {
        env: terraformEnvironment(workDir),
        encoding: "utf8",
        timeout: RUN_TIMEOUT_MS,
      });
      availability = result.status === 0;
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }
  return availability;
}

/**
 * Evaluates one template, as found in cdk.tf.json after `JSON.parse`, and returns the
 * resulting string. `references` maps each reference text (for example
 * `aws_iam_openid_connect_provider.oidc.url`) to its concrete value.
 *
 * @throws Error naming every reference without a value, or carrying Terraform's
 *   diagnostics when evaluation fails.
 */
export function evaluateTerraformString(template: string, references: Record<string, string>): string {
  return evaluateTerraformStrings({ value: template }, references).value;
}

/**
 * Evaluates many templates in a single Terraform run. Keys of `templates` are free-form
 * names and are returned unchanged with the evaluated strings.
 *
 * @throws Error naming every reference without a value, or carrying Terraform's
 *   diagnostics when evaluation fails.
 */
export function evaluateTerraformStrings(
  templates: Record<string, string>,
  references: Record<string, string>,
): Record<string, string> {
  const names = Object.keys(templates);
  if (names.length === 0) {
    return {};
  }

  const configuration = buildConfiguration(templates, references);
  const workDir = mkdtempSync(join(tmpdir(), "terraform-eval-"));
  try {
    writeFileSync(join(workDir, "main.tf.json"), JSON.stringify(configuration, null, 2));
    const outputs = runApply(workDir);

    const evaluated: Record<string, string> = {};
    names.forEach((name, index) => {
      evaluated[name] = outputToString(name, outputs[`value_${index}`]);
    });
    return evaluated;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Generated main.tf.json, which contains string variables and output values only. */
interface OutputsOnlyConfiguration {
  variable?: Record<string, { type: "string"; default: string }>;
  output: Record<string, { value: string }>;
}

function buildConfiguration(
  templates: Record<string, string>,
  references: Record<string, string>,
): OutputsOnlyConfiguration {
  const variableNames = new Map<string, string>();
  const missing: string[] = [];

  for (const [name, template] of Object.entries(templates)) {
    for (const reference of listReferences(template)) {
      if (!Object.prototype.hasOwnProperty.call(references, reference)) {
        missing.push(`${reference} (in template "${name}")`);
      } else if (!variableNames.has(reference)) {
        variableNames.set(reference, `ref_${variableNames.size}`);
      }
    }
  }

  if (missing.length > 0) {
    throw new Error(
      `No value for Terraform reference(s): ${missing.join(", ")}. ` +
        "Add each one to the references map, keyed by the reference text exactly as written in the template.",
    );
  }

  const configuration: OutputsOnlyConfiguration = { output: {} };
  if (variableNames.size > 0) {
    configuration.variable = {};
    for (const [reference, variableName] of variableNames) {
      configuration.variable[variableName] = { type: "string", default: references[reference] };
    }
  }

  Object.values(templates).forEach((template, index) => {
    const rewritten = replaceReferences(template, (reference) => `var.${variableNames.get(reference)}`);
    configuration.output[`value_${index}`] = { value: rewritten };
  });
  return configuration;
}

/** One line of `terraform apply -json` output, typed only for the fields read here. */
interface TerraformUiMessage {
  type?: string;
  outputs?: Record<string, { value?: unknown }>;
  diagnostic?: { severity?: string; summary?: string; detail?: string };
}

function runApply(workDir: string): Record<string, { value?: unknown }> {
  const result = spawnSync(
    "terraform",
    ["apply", "-auto-approve", "-input=false", "-json", "-lock=false", "-refresh=false"],
    { cwd: workDir, env: terraformEnvironment(workDir), encoding: "utf8", timeout: RUN_TIMEOUT_MS },
  );
  if (result.error) {
    throw new Error(
      `Running "terraform apply" in ${workDir} failed: ${result.error.message}. ` +
        "Check that the terraform CLI is on PATH (terraformAvailable() reports it).",
    );
  }

  const messages: TerraformUiMessage[] = result.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as TerraformUiMessage);

  const errors = messages
    .filter((message) => message.type === "diagnostic" && message.diagnostic?.severity === "error")
    .map((message) => `${message.diagnostic?.summary}: ${message.diagnostic?.detail ?? ""}`.trim());
  if (result.status !== 0 || errors.length > 0) {
    throw new Error(
      `terraform apply exited with status ${result.status} while evaluating templates: ` +
        `${errors.join(" | ") || result.stderr.trim() || "no diagnostics printed"}`,
    );
  }

  // Terraform prints an `outputs` message for the plan (without values) and another one
  // after the apply (with values), so the last one carries the results.
  const final = messages.filter((message) => message.type === "outputs").pop();
  if (!final?.outputs) {
    throw new Error(`terraform apply printed no outputs message. Its stdout was: ${result.stdout.slice(0, 2000)}`);
  }
  return final.outputs;
}

function outputToString(name: string, output: { value?: unknown } | undefined): string {
  const value = output?.value;
  if (typeof value === "string") {
    return value;
  }
  // Terraform converts numbers and booleans to their decimal or true/false text when a
  // string is expected, so the same conversion applies here.
  if (typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  throw new Error(
    `Template "${name}" evaluated to ${JSON.stringify(value)}, which is not a string. ` +
      "Wrap a collection result in jsonencode() to compare it as text.",
  );
}

function terraformEnvironment(workDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("TF_")) {
      env[key] = value;
    }
  }

  const cliConfigFile = join(workDir, "cli.tfrc");
  writeFileSync(cliConfigFile, "");
  env.TF_CLI_CONFIG_FILE = cliConfigFile;
  env.TF_DATA_DIR = join(workDir, ".terraform");
  env.TF_IN_AUTOMATION = "1";
  env.TF_INPUT = "0";
  env.CHECKPOINT_DISABLE = "1";
  return env;
}
