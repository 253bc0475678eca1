/**
 * Loading of a cdktf output folder: `manifest.json` and each stack's
 * `cdk.tf.json`, at the paths the manifest names.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** One annotation cdktf recorded for a construct of a stack. */
export interface StackAnnotation {
  readonly constructPath: string;
  /** `@cdktf/info`, `@cdktf/warn` or `@cdktf/error` as cdktf 0.21 writes them; `info`, `warning`, `error` are read too. */
  readonly level: string;
  readonly message: string;
}

/** A resource or data source body as in cdk.tf.json. */
export type TerraformBlock = Record<string, unknown>;

/** The parts of a synthesized stack that the report reads. */
export interface TerraformJson {
  readonly "//"?: { readonly outputs?: unknown };
  readonly resource?: Record<string, Record<string, TerraformBlock>>;
  readonly data?: Record<string, Record<string, TerraformBlock>>;
  readonly output?: Record<string, { readonly value?: unknown }>;
}

/** One stack of the output folder. */
export interface SynthStack {
  readonly name: string;
  readonly annotations: readonly StackAnnotation[];
  readonly terraform: TerraformJson;
}

/** Every stack of an output folder, in manifest order. */
export interface SynthOutput {
  readonly stacks: readonly SynthStack[];
}

/** Raised when the output folder cannot be read; the message names the file and the fix. */
export class SynthOutputError extends Error {}

/** Reads the manifest and every stack it lists from `outdir`. */
export function readSynthOutput(outdir: string): SynthOutput {
  const manifestPath = join(outdir, "manifest.json");
  if (!existsSync(manifestPath)) {
    throw new SynthOutputError(`${manifestPath} not found; run npm run synth first, or pass --out DIR with the folder cdktf wrote`);
  }
  const manifest = readJson(manifestPath, "run npm run synth again");
  const stacks = isRecord(manifest) ? manifest.stacks : undefined;
  if (!isRecord(stacks)) {
    throw new SynthOutputError(`${manifestPath}: stacks is missing or not an object; run npm run synth again`);
  }
  return {
    stacks: Object.entries(stacks).map(([name, entry]) => readStack(outdir, manifestPath, name, entry)),
  };
}

function readStack(outdir: string, manifestPath: string, name: string, entry: unknown): SynthStack {
  if (!isRecord(entry)) {
    throw new SynthOutputError(`${manifestPath}: stacks.${name} is not an object; run npm run synth again`);
  }
  const relativePath = typeof entry.synthesizedStackPath === "string" ? entry.synthesizedStackPath : join("stacks", name, "cdk.tf.json");
  const stackPath = resolve(outdir, relativePath);
  if (!existsSync(stackPath)) {
    throw new SynthOutputError(`${stackPath} not found, although ${manifestPath} lists stack ${name}; run npm run synth again`);
  }
  const terraform = readJson(stackPath, "run npm run synth again");
  if (!isRecord(terraform)) {
    throw new SynthOutputError(`${stackPath}: is not a JSON object; run npm run synth again`);
  }
  return { name, annotations: readAnnotations(entry.annotations), terraform: terraform as TerraformJson };
}

function readAnnotations(value: unknown): StackAnnotation[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((annotation) => ({
    constructPath: typeof annotation.constructPath === "string" ? annotation.constructPath : "",
    level: typeof annotation.level === "string" ? annotation.level : "",
    message: typeof annotation.message === "string" ? annotation.message : String(annotation.message),
  }));
}

function readJson(path: string, fix: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new SynthOutputError(`${path}: cannot be read (${(error as Error).message}); check the path and permissions`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SynthOutputError(`${path}: invalid JSON (${(error as Error).message}); ${fix}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
