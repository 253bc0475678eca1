/**
 * Writes the top-level sections of a Terraform JSON document as HCL blocks.
 */
import { ARGUMENTS_ONLY, BodyRules, asBlockList, asObject, block, renderBody } from "./blocks";
import { JsonObject, renderBareExpression } from "./expressions";

/** A `precondition` or `postcondition`: `condition` and `error_message` arguments. */
const CONDITION_BLOCK: BodyRules = ARGUMENTS_ONLY;

const LIFECYCLE: BodyRules = {
  bare: ["ignore_changes", "replace_triggered_by"],
  blocks: { precondition: CONDITION_BLOCK, postcondition: CONDITION_BLOCK },
};

/** Resources and data sources: meta-arguments, `lifecycle`, and provider nested blocks. */
const RESOURCE: BodyRules = {
  bare: ["depends_on", "provider"],
  blocks: { lifecycle: LIFECYCLE },
  unsupported: ["provisioner", "connection", "dynamic"],
  listsOfObjectsAreBlocks: true,
};

const PROVIDER: BodyRules = { listsOfObjectsAreBlocks: true };
const VARIABLE: BodyRules = { bare: ["type"], blocks: { validation: CONDITION_BLOCK } };
const OUTPUT: BodyRules = { bare: ["depends_on"], blocks: { precondition: CONDITION_BLOCK } };
/** Module inputs are arguments, whatever their shape. */
const MODULE: BodyRules = { bare: ["depends_on"] };
const MOVED: BodyRules = { bare: ["from", "to"] };
const IMPORT: BodyRules = { bare: ["to", "provider"] };
const CLOUD: BodyRules = { blocks: { workspaces: ARGUMENTS_ONLY } };

/** Writers for the top-level keys of Terraform JSON that cdktf and this app write. */
export const SECTION_WRITERS: Readonly<Record<string, (value: unknown) => string[]>> = {
  terraform: (value) => [renderTerraformBlock(asObject(value, "terraform"))],
  provider: (value) => renderProviders(asObject(value, "provider")),
  resource: (value) => renderResources("resource", asObject(value, "resource")),
  data: (value) => renderResources("data", asObject(value, "data")),
  variable: (value) => renderNamedBlocks("variable", asObject(value, "variable"), VARIABLE),
  locals: (value) => asBlockList(value, "locals").map((locals) => block("locals", [], renderBody(locals, "locals", ARGUMENTS_ONLY))),
  output: (value) => renderNamedBlocks("output", asObject(value, "output"), OUTPUT),
  module: (value) => renderModules(asObject(value, "module")),
  moved: (value) => renderUnlabelledBlocks("moved", value, MOVED),
  import: (value) => renderUnlabelledBlocks("import", value, IMPORT),
};

function renderResources(kind: "resource" | "data", byType: JsonObject): string[] {
  const blocks: string[] = [];
  for (const [type, byName] of Object.entries(byType)) {
    for (const [name, body] of Object.entries(asObject(byName, `${kind}.${type}`))) {
      const path = `${kind}.${type}.${name}`;
      blocks.push(block(kind, [type, name], renderBody(asObject(body, path), path, RESOURCE)));
    }
  }
  return blocks;
}

function renderProviders(byName: JsonObject): string[] {
  const blocks: string[] = [];
  for (const [name, configurations] of Object.entries(byName)) {
    for (const configuration of asBlockList(configurations, `provider.${name}`)) {
      blocks.push(block("provider", [name], renderBody(configuration, `provider.${name}`, PROVIDER)));
    }
  }
  return blocks;
}

function renderNamedBlocks(type: string, byName: JsonObject, rules: BodyRules): string[] {
  return Object.entries(byName).map(([name, body]) => {
    const path = `${type}.${name}`;
    return block(type, [name], renderBody(asObject(body, path), path, rules));
  });
}

function renderUnlabelledBlocks(type: string, value: unknown, rules: BodyRules): string[] {
  return asBlockList(value, type).map((body, index) => block(type, [], renderBody(body, `${type}[${index}]`, rules)));
}

function renderModules(byName: JsonObject): string[] {
  return Object.entries(byName).map(([name, raw]) => {
    const path = `module.${name}`;
    const { providers, ...rest } = asObject(raw, path);
    const lines = renderBody(rest, path, MODULE);
    if (providers !== undefined) {
      const mappings = Object.entries(asObject(providers, `${path}.providers`)).map(
        ([key, address]) => `${key} = ${renderBareExpression(String(address))}`,
      );
      lines.push(`providers = {\n${mappings.join("\n")}\n}`);
    }
    return block("module", [name], lines);
  });
}

function renderTerraformBlock(settings: JsonObject): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(settings)) {
    const path = `terraform.${key}`;
    if (key === "//") {
      continue;
    } else if (key === "required_providers") {
      lines.push(block("required_providers", [], renderBody(asObject(value, path), path, ARGUMENTS_ONLY)));
    } else if (key === "backend") {
      for (const [backendType, backendSettings] of Object.entries(asObject(value, path))) {
        const backendPath = `${path}.${backendType}`;
        lines.push(block("backend", [backendType], renderBody(asObject(backendSettings, backendPath), backendPath, ARGUMENTS_ONLY)));
      }
    } else if (key === "cloud") {
      lines.push(block("cloud", [], renderBody(asObject(value, path), path, CLOUD)));
    } else {
      lines.push(...renderBody({ [key]: value }, "terraform", ARGUMENTS_ONLY));
    }
  }
  return block("terraform", [], lines);
}
