/**
 * Converts a synthesized stack (the parsed cdk.tf.json object) to HCL native syntax and
 * parses HCL back to Terraform JSON, in-process and offline.
 *
 * Which converter (checked in the installed 0.21.0 packages):
 * - `@cdktf/hcl-tools` exports only `format` (hclwrite.Format compiled to WebAssembly).
 *   It re-indents valid HCL but does not convert JSON.
 * - `cdktf synth --hcl` and `Testing.synthHcl` render HCL from construct objects through
 *   `stack.toHclTerraform()`, not from JSON. Their string renderer skips quote escaping
 *   for any string containing `${`, so a JSON policy with an interpolation, such as
 *   `{"Principal":{"Federated":"${aws_iam_openid_connect_provider.oidc.arn}"}}`, becomes
 *   `"{"Principal":...}"`, which is not valid HCL.
 * So this module writes HCL itself and only uses `format` for layout. `@cdktf/hcl2json`
 * `parse` (tmccombs/hcl2json compiled to WebAssembly) reads it back.
 *
 * How strings survive: a JSON-syntax string and a quoted HCL string are both Terraform
 * templates, so the template text is kept as is. Only the literal parts between `${...}` /
 * `%{...}` sequences get HCL escapes (`\"`, `\\`, `\n`). The sequences themselves are
 * copied verbatim because the quotes inside them are expression syntax, not string
 * content. `$external` needs no escape because `$` starts an interpolation only before
 * `{`. The escapes `$${` and `%%{` are copied unchanged, and hcl2json returns them
 * unchanged too. `format` rewrites the spacing inside sequences to the canonical form
 * (`%{ for x in y }` becomes `%{for x in y}`), which changes no value.
 *
 * NOTE: JSON cannot tell a nested block from an object-valued argument without the
 * provider schema, which is unavailable offline. Nested objects and lists are therefore
 * written as argument expressions (`default_tags = [{ tags = {...} }]`), which round-trips
 * through hcl2json but may not pass `terraform validate` for block types. Terraform's
 * own blocks (`lifecycle`, `backend`, `required_providers`, `validation`, `precondition`,
 * `postcondition`) are written as blocks.
 */
import { format } from "@cdktf/hcl-tools";
import { parse } from "@cdktf/hcl2json";
import { splitTemplate } from "./hcl-template";

/** A parsed cdk.tf.json document or a part of one. */
export type JsonObject = Record<string, unknown>;

/** Renderers for the top-level keys of Terraform JSON that cdktf 0.21 writes. */
const TOP_LEVEL_RENDERERS: Record<string, (value: JsonObject) => string[]> = {
  terraform: (value) => [renderTerraformBlock(value)],
  provider: renderProviders,
  resource: (value) => renderResources("resource", value),
  data: (value) => renderResources("data", value),
  variable: (value) => renderNamedBlocks("variable", value, renderVariableBody),
  locals: (value) => [block("locals", [], renderArguments(value))],
  output: (value) => renderNamedBlocks("output", value, renderOutputBody),
  module: (value) => renderNamedBlocks("module", value, renderModuleBody),
};

/**
 * Converts `stack` to formatted HCL. JSON comment properties (`"//"`) are dropped, as
 * Terraform ignores them too.
 *
 * @throws Error naming the path of a construct this converter does not write
 *   (provisioners, connection and dynamic blocks, or an unknown top-level key).
 */
export async function stackToHcl(stack: JsonObject): Promise<string> {
  const blocks: string[] = [];
  for (const [key, value] of Object.entries(stack)) {
    if (key === "//") {
      continue;
    }
    const render = TOP_LEVEL_RENDERERS[key];
    if (!render) {
      throw new Error(
        `Unsupported top-level key "${key}" in stack JSON: supported keys are ${Object.keys(TOP_LEVEL_RENDERERS).join(", ")}.`,
      );
    }
    blocks.push(...render(asObject(value, key)));
  }
  return format(blocks.join("\n\n") + "\n");
}

/**
 * Parses HCL text into Terraform JSON with `@cdktf/hcl2json`. Blocks come back as arrays
 * of bodies (`resource.aws_iam_role.app[0]`), and bare expressions come back wrapped as
 * `"${...}"`.
 */
export async function parseHcl(text: string, filename = "main.tf"): Promise<JsonObject> {
  return (await parse(filename, text)) as JsonObject;
}

/** Writes a template as a quoted HCL string, escaping only the literal parts. */
export function renderTemplateString(template: string): string {
  const body = splitTemplate(template)
    .map((part) => (part.kind === "literal" ? escapeLiteral(part.text) : part.text))
    .join("");
  return `"${body}"`;
}

function escapeLiteral(text: string): string {
  return text.replace(/[\\"\u0000-\u001f\u007f]/g, (char) => {
    switch (char) {
      case "\\":
        return "\\\\";
      case '"':
        return '\\"';
      case "\n":
        return "\\n";
      case "\r":
        return "\\r";
      case "\t":
        return "\\t";
      default:
        return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
    }
  });
}

/** Writes any JSON value as an HCL expression. */
function renderValue(value: unknown): string {
  if (typeof value === "string") {
    return renderTemplateString(value);
  }
  if (value === null || typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map(renderValue).join(", ")}]`;
  }
  const entries = Object.entries(value as JsonObject).filter(([key]) => key !== "//");
  const items = entries.map(([key, item]) => `${renderObjectKey(key)} = ${renderValue(item)}`);
  return `{\n${items.join("\n")}\n}`;
}

function renderObjectKey(key: string): string {
  const isPlainIdentifier = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) && !["true", "false", "null"].includes(key);
  return isPlainIdentifier ? key : renderTemplateString(key);
}

/**
 * Writes a string that Terraform JSON reads as an expression (a reference in
 * `depends_on`, a provider address, a type constraint) as a bare HCL expression.
 */
function renderBareExpression(text: string): string {
  const parts = splitTemplate(text);
  if (parts.length === 1 && parts[0].kind === "interpolation") {
    return parts[0].source.trim();
  }
  return text;
}

function renderBareList(value: unknown, path: string): string {
  if (typeof value === "string") {
    return renderBareExpression(value);
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    throw new Error(`Invalid ${path} ${JSON.stringify(value)}: expected a list of reference strings.`);
  }
  return `[${value.map(renderBareExpression).join(", ")}]`;
}

function block(type: string, labels: string[], body: string[]): string {
  const header = [type, ...labels.map((label) => JSON.stringify(label))].join(" ");
  return `${header} {\n${body.join("\n")}\n}`;
}

function renderArguments(body: JsonObject): string[] {
  return Object.entries(body)
    .filter(([key]) => key !== "//")
    .map(([key, value]) => `${key} = ${renderValue(value)}`);
}

/** Writes a body in which some keys are meta-arguments or nested blocks. */
function renderBody(body: JsonObject, path: string, special: Record<string, SpecialKey>): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key === "//") {
      continue;
    }
    const handler = special[key];
    if (handler === "unsupported") {
      throw new Error(
        `Unsupported "${key}" at ${path}: this converter does not write provisioner, connection or dynamic blocks.`,
      );
    }
    if (handler === "bare") {
      lines.push(`${key} = ${renderBareList(value, `${path}.${key}`)}`);
    } else if (handler === "blocks") {
      lines.push(...asBlockList(value, `${path}.${key}`).map((item) => block(key, [], renderArguments(item))));
    } else if (handler === "lifecycle") {
      lines.push(block("lifecycle", [], renderLifecycle(asObject(value, `${path}.lifecycle`), `${path}.lifecycle`)));
    } else {
      lines.push(`${key} = ${renderValue(value)}`);
    }
  }
  return lines;
}

/** How `renderBody` writes a key that is not a plain argument. */
type SpecialKey = "bare" | "blocks" | "lifecycle" | "unsupported";

const RESOURCE_KEYS: Record<string, SpecialKey> = {
  depends_on: "bare",
  provider: "bare",
  lifecycle: "lifecycle",
  provisioner: "unsupported",
  connection: "unsupported",
  dynamic: "unsupported",
};

function renderLifecycle(lifecycle: JsonObject, path: string): string[] {
  return renderBody(lifecycle, path, {
    ignore_changes: "bare",
    replace_triggered_by: "bare",
    precondition: "blocks",
    postcondition: "blocks",
  });
}

function renderResources(kind: "resource" | "data", byType: JsonObject): string[] {
  const blocks: string[] = [];
  for (const [type, byName] of Object.entries(byType)) {
    for (const [name, body] of Object.entries(asObject(byName, `${kind}.${type}`))) {
      const path = `${kind}.${type}.${name}`;
      blocks.push(block(kind, [type, name], renderBody(asObject(body, path), path, RESOURCE_KEYS)));
    }
  }
  return blocks;
}

function renderProviders(byName: JsonObject): string[] {
  const blocks: string[] = [];
  for (const [name, configurations] of Object.entries(byName)) {
    for (const configuration of asBlockList(configurations, `provider.${name}`)) {
      blocks.push(block("provider", [name], renderArguments(configuration)));
    }
  }
  return blocks;
}

function renderNamedBlocks(
  type: string,
  byName: JsonObject,
  renderBodyOf: (body: JsonObject, path: string) => string[],
): string[] {
  return Object.entries(byName).map(([name, body]) => {
    const path = `${type}.${name}`;
    return block(type, [name], renderBodyOf(asObject(body, path), path));
  });
}

function renderVariableBody(body: JsonObject, path: string): string[] {
  return renderBody(body, path, { type: "bare", validation: "blocks" });
}

function renderOutputBody(body: JsonObject, path: string): string[] {
  return renderBody(body, path, { depends_on: "bare", precondition: "blocks" });
}

function renderModuleBody(body: JsonObject, path: string): string[] {
  const { providers, ...rest } = body;
  const lines = renderBody(rest, path, { depends_on: "bare" });
  if (providers !== undefined) {
    const mappings = Object.entries(asObject(providers, `${path}.providers`)).map(
      ([key, address]) => `${key} = ${renderBareExpression(String(address))}`,
    );
    lines.push(`providers = {\n${mappings.join("\n")}\n}`);
  }
  return lines;
}

function renderTerraformBlock(settings: JsonObject): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(settings)) {
    if (key === "//") {
      continue;
    }
    if (key === "required_providers") {
      lines.push(block("required_providers", [], renderArguments(asObject(value, "terraform.required_providers"))));
    } else if (key === "backend") {
      for (const [backendType, backendSettings] of Object.entries(asObject(value, "terraform.backend"))) {
        const path = `terraform.backend.${backendType}`;
        lines.push(block("backend", [backendType], renderArguments(asObject(backendSettings, path))));
      }
    } else if (key === "cloud") {
      lines.push(block("cloud", [], renderArguments(asObject(value, "terraform.cloud"))));
    } else {
      lines.push(`${key} = ${renderValue(value)}`);
    }
  }
  return block("terraform", [], lines);
}

function asObject(value: unknown, path: string): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`Invalid ${path} ${JSON.stringify(value)?.slice(0, 200)}: expected a JSON object.`);
  }
  return value as JsonObject;
}

/** Terraform JSON writes a repeated block as an array of bodies or a single body. */
function asBlockList(value: unknown, path: string): JsonObject[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, index) => asObject(item, Array.isArray(value) ? `${path}[${index}]` : path));
}
