import { mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { transformSync } from "@swc/core";

/** The app's sources: the entry point and the folders it loads. */
const APP_SOURCES = ["main.ts", "app", "constructs"];

/**
 * Compiles the app's TypeScript to CommonJS in `outdir`, without type
 * checks and without source maps, and links the repository's node_modules
 * beside it. The benchmark runs the result to show what synthesis costs
 * once no TypeScript loader is involved.
 *
 * @returns the path of the compiled entry point
 */
export function prebuildApp(root: string, outdir: string): string {
  for (const source of APP_SOURCES.flatMap((entry) => typeScriptFiles(join(root, entry)))) {
    const target = join(outdir, relative(root, source)).replace(/\.ts$/, ".js");
    const { code } = transformSync(readFileSync(source, "utf8"), {
      filename: source,
      swcrc: false,
      jsc: { parser: { syntax: "typescript" }, target: "es2022" },
      module: { type: "commonjs" },
    });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  symlinkSync(join(root, "node_modules"), join(outdir, "node_modules"), "dir");
  return join(outdir, "main.js");
}

function typeScriptFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) {
    return [path];
  }
  return readdirSync(path)
    .flatMap((entry) => typeScriptFiles(join(path, entry)))
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts") && !file.endsWith(".test.ts"));
}
