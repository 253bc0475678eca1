// Runs a TypeScript entry of this repository as JavaScript that SWC compiled,
// in one Node.js process: `node scripts/run-compiled.js main.ts [ARGS...]`.
//
// The synth path stays free of a type-checking compiler and of a loader that
// transforms every file on each start. Files are compiled again only when
// their source is newer than their output, so an unchanged tree starts
// without loading SWC at all. Type errors are caught by `npm test`.
"use strict";
const { mkdirSync, readdirSync, statSync, writeFileSync } = require("node:fs");
const { dirname, join, relative, resolve } = require("node:path");

const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, "node_modules", ".cache", "atlas-iam-access", "compiled");
const SOURCE_FOLDERS = ["app", "constructs"];

/** Lists the TypeScript files of a folder and its subfolders. */
function typescriptFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      return typescriptFiles(path);
    }
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

function modifiedAt(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/** Compiles every source newer than its output and returns the output path of `entry`. */
function compile(entry) {
  const sources = [resolve(ROOT, entry), ...SOURCE_FOLDERS.flatMap((folder) => typescriptFiles(join(ROOT, folder)))];
  let swc;
  for (const source of new Set(sources)) {
    const output = join(OUT, relative(ROOT, source)).replace(/\.ts$/, ".js");
    if (modifiedAt(output) >= modifiedAt(source)) {
      continue;
    }
    swc ??= require("@swc/core");
    const { code } = swc.transformFileSync(source, {
      jsc: { parser: { syntax: "typescript" }, target: "es2022" },
      module: { type: "commonjs" },
      sourceMaps: false,
      swcrc: false,
    });
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, code);
  }
  return join(OUT, relative(ROOT, resolve(ROOT, entry))).replace(/\.ts$/, ".js");
}

const [entry, ...rest] = process.argv.slice(2);
if (entry === undefined) {
  console.error("usage: node scripts/run-compiled.js ENTRY.ts [ARGUMENTS...]");
  process.exit(2);
}
process.argv = [process.argv[0], entry, ...rest];
require(compile(entry));
