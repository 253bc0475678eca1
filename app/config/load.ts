import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parseDocument } from "yaml";
import { z } from "zod";
import { ConfigError, ConfigProblem } from "./problems";
import { PlatformConfig, platformConfigSchema } from "./schema";
import { checkReferences } from "./references";
import { resolveSamlMetadataFiles } from "./saml-references";
import { problemsFromIssues } from "./zod-problems";

/**
 * Reads, parses and validates a configuration file (`.yaml`, `.yml` or `.json`).
 *
 * @throws ConfigError with one problem per line, naming the file and the path inside it
 */
export function loadConfig(file: string): PlatformConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (error as Error).message;
    throw new ConfigError(file, [{ path: "", message: `cannot be read: ${reason}. Check the path`, received: file }]);
  }
  return parseConfig(file, text);
}

/** Parses and validates configuration text; `file` names it in messages and picks the syntax. */
export function parseConfig(file: string, text: string): PlatformConfig {
  const raw = withoutExtensionKeys(extname(file) === ".json" ? parseJson(file, text) : parseYaml(file, text));
  const result = platformConfigSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(file, problemsFromIssues(raw, result.error.issues, knownKeys()));
  }
  const problems = checkReferences(result.data);
  problems.push(...resolveSamlMetadataFiles(result.data, file));
  if (problems.length > 0) {
    throw new ConfigError(file, problems);
  }
  return result.data;
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message.split("\n")[0];
    const position = /at position (\d+)/.exec(message);
    const line = position === null ? "" : `line ${text.slice(0, Number(position[1])).split("\n").length}`;
    throw new ConfigError(file, [{ path: line, message: `is not valid JSON: ${message}` }]);
  }
}

function parseYaml(file: string, text: string): unknown {
  // merge: true accepts YAML 1.1 merge keys (`<<: *defaults`), which shared blocks of settings often use.
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true, merge: true });
  if (document.errors.length > 0) {
    const problems: ConfigProblem[] = document.errors.map((error) => ({
      path: error.linePos === undefined ? "" : `line ${error.linePos[0].line}`,
      message: `is not valid YAML: ${yamlErrorText(error.message)}`,
    }));
    throw new ConfigError(file, problems);
  }
  try {
    return document.toJS() as unknown;
  } catch (error) {
    // The yaml package stops alias expansion that grows without bound (a "billion laughs" document).
    throw new ConfigError(file, [{ path: "", message: `is not valid YAML: ${(error as Error).message}. Write the repeated blocks out instead of using aliases` }]);
  }
}

function yamlErrorText(message: string): string {
  const first = message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  if (first.startsWith("Source contains multiple documents")) {
    return "the file holds several documents separated by ---. Keep one document";
  }
  return first;
}

/**
 * Drops top-level keys that start with `x-`, a convention for blocks that
 * only hold YAML anchors, such as `x-defaults: &defaults {...}`.
 */
function withoutExtensionKeys(raw: unknown): unknown {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return raw;
  }
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith("x-")));
}

let cachedKeys: string[] | undefined;

/** Returns every property name of the schema, for spelling suggestions. */
function knownKeys(): string[] {
  if (cachedKeys === undefined) {
    const keys = new Set<string>();
    collectKeys(z.toJSONSchema(platformConfigSchema, { io: "input" }), keys);
    cachedKeys = [...keys].sort();
  }
  return cachedKeys;
}

function collectKeys(node: unknown, keys: Set<string>): void {
  if (node === null || typeof node !== "object") {
    return;
  }
  const properties = (node as { properties?: Record<string, unknown> }).properties;
  if (properties !== undefined) {
    Object.keys(properties).forEach((key) => keys.add(key));
  }
  Object.values(node).forEach((child) => collectKeys(child, keys));
}
