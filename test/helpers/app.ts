import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { run } from "../../app/main";
import { SynthesizedStack } from "./stack";
import { temporaryFolder } from "./config";

/** The result of running the app once. */
export interface AppRun {
  readonly exitCode: number;
  readonly lines: string[];
  readonly outdir: string;
}

/** Runs the app on a config file into a fresh output folder, or `outdir` when given. */
export function runApp(configFile: string, outdir = join(temporaryFolder(), "cdktf.out")): AppRun {
  const lines: string[] = [];
  const exitCode = run([configFile], { CDKTF_OUTDIR: outdir }, (line) => lines.push(line));
  return { exitCode, lines, outdir };
}

/** Reads a synthesized stack of a run. */
export function stackOf(outdir: string, stack: string): SynthesizedStack {
  return JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")) as SynthesizedStack;
}

/** Returns every file under a folder with its content, by relative path. */
export function filesUnder(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current)) {
      const path = join(current, entry);
      if (statSync(path).isDirectory()) {
        walk(path);
      } else {
        files[relative(folder, path)] = readFileSync(path, "utf8");
      }
    }
  };
  if (existsSync(folder)) {
    walk(folder);
  }
  return files;
}

/** Addresses of every resource and data source of a stack, as Terraform writes them, with their bodies. */
export function addressesOf(stack: SynthesizedStack): Record<string, unknown> {
  const addresses: Record<string, unknown> = {};
  for (const [type, byName] of Object.entries(stack.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      addresses[`${type}.${name}`] = body;
    }
  }
  for (const [type, byName] of Object.entries(stack.data ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      addresses[`data.${type}.${name}`] = body;
    }
  }
  return addresses;
}
