// The benchmark behind `npm run bench`: see BENCHMARKS.md for what it measures and how.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadConfig } from "../app/config/load";
import { workloadSchema } from "../app/config/workloads";
import { SizeRows, StartupRows, timeBreakdown } from "./breakdown";
import { TestRows, evaluateBudgets } from "./budgets";
import { renderPage } from "./document";
import { KIND_FIELDS, environmentCount, writeGeneratedConfig } from "./generate";
import { InstallFigures, diskUsage, measureInstall } from "./install";
import { describeMachine } from "./machine";
import { CommandSpec, Measurement, measureAll } from "./measure";
import { BenchOptions, parseOptions } from "./options";
import { prebuildApp } from "./prebuild";
import { renderBudgets, renderTable, verdictWord } from "./report";
import { countResources } from "./verify";

const ROOT = resolve(__dirname, "..");
const PAGE = join(ROOT, "BENCHMARKS.md");
const TSC = join(ROOT, "node_modules", ".bin", "tsc");
const JEST = join(ROOT, "node_modules", ".bin", "jest");

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  checkKinds();
  // The app must read the file each command names, not one from the caller's environment.
  delete process.env.ATLAS_ACCESS_CONFIG;
  delete process.env.CDKTF_OUTDIR;

  const startLoad = loadavg()[0];
  const work = mkdtempSync(join(tmpdir(), "atlas-bench-"));
  try {
    const prebuilt = prebuildApp(ROOT, join(work, "prebuilt"));
    const row = rowSpecs(work, options);
    const startup = measureDefaultExample(row, prebuilt, options);
    const sizes = measureSizes(row, prebuilt, work, options);
    const tests = options.testRuns > 0 ? measureTests(row, options) : undefined;
    let install: InstallFigures | undefined;
    if (options.install) {
      console.error("Measuring npm ci in a fresh clone:");
      install = measureInstall(ROOT);
      console.error(`  npm ci: ${install.seconds.toFixed(1)} s, status ${install.exitCode}`);
    }
    report(options, startLoad, startup, sizes, tests, install);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Builds the spec of one table row; each row writes to its own output folder unless `extra` sets another. */
type RowSpec = (label: string, command: string, args: string[], extra?: Partial<CommandSpec>) => CommandSpec;

function rowSpecs(work: string, options: BenchOptions): RowSpec {
  let outputs = 0;
  return (label, command, args, extra = {}) => {
    const outdir = join(work, `out-${outputs++}`);
    return { label, command, args, cwd: ROOT, env: { CDKTF_OUTDIR: outdir }, outdir, runs: options.runs, warmups: 1, ...extra };
  };
}

/** Measures a group of rows with interleaved runs and prints each result. */
function measureRows(specs: readonly CommandSpec[]): Measurement[] {
  const results = measureAll(specs);
  for (const result of results) {
    const rss = result.maxRssBytes === undefined ? "" : `, ${(result.maxRssBytes / 1e6).toFixed(0)} MB`;
    const failures = result.failedRuns > 0 ? ` (${result.failedRuns} runs failed)\n${result.failure}` : "";
    console.error(`  ${result.label}: ${result.wallSeconds.toFixed(2)} s${rss}${failures}`);
  }
  return results;
}

function measureDefaultExample(row: RowSpec, prebuilt: string, options: BenchOptions): StartupRows {
  console.error(`Measuring the default example, ${options.runs} interleaved runs each:`);
  const [nodeStartup, floor, npmSynth, compiledRunner, nodeImportTsx, precompiled] = measureRows([
    row("Node start-up", "node", ["-e", "0"], { outdir: undefined }),
    row("Floor", "node", ["bench/floor.js"]),
    row("Default example (README)", "npm", ["run", "synth"]),
    row("Default example, as cdktf.json runs it", "node", ["scripts/run-compiled.js", "main.ts"]),
    row("Default example, through the tsx loader instead", "node", ["--import", "tsx", "main.ts"]),
    row("Default example, precompiled", "node", [prebuilt], { display: "node PREBUILT/main.js" }),
  ]);
  return { nodeStartup, floor, npmSynth, compiledRunner, nodeImportTsx, prebuilt: precompiled };
}

function measureSizes(row: RowSpec, prebuilt: string, work: string, options: BenchOptions): SizeRows[] {
  const configs = options.sizes.map((pairs) => ({ pairs, file: writeGeneratedConfig(work, pairs) }));
  // Validation first, so an invalid generated file stops the run before minutes of measuring.
  configs.forEach(({ file }) => loadConfig(file));

  console.error("Measuring generated configurations:");
  return configs.map(({ pairs, file }) => {
    const environments = environmentCount(pairs);
    const count = pairs.toLocaleString("en-US");
    const outdir = join(work, `pairs-${pairs}`);
    // No warm-up: the rows before warmed the caches, and a large size costs minutes per run.
    const [readme, compiled] = measureRows([
      row(`${count} pairs (${pairs / environments} workloads x ${environments} environments)`, "node", ["scripts/run-compiled.js", "main.ts", file], {
        display: `node scripts/run-compiled.js main.ts platform-${pairs}.yaml`,
        outdir,
        env: { CDKTF_OUTDIR: outdir },
        warmups: 0,
      }),
      row(`${count} pairs, precompiled`, "node", [prebuilt, file], { display: `node PREBUILT/main.js platform-${pairs}.yaml`, warmups: 0 }),
    ]);
    checkPairs(outdir, pairs);
    return { pairs, readme, prebuilt: compiled };
  });
}

function measureTests(row: RowSpec, options: BenchOptions): TestRows {
  console.error(`Measuring npm test and its two steps, ${options.testRuns} interleaved runs each:`);
  const testRow = (label: string, command: string, args: string[], display?: string) =>
    row(label, command, args, { runs: options.testRuns, warmups: 0, env: {}, outdir: undefined, display });
  const [npmTest, tsc, tscCold, jest] = measureRows([
    testRow("npm test", "npm", ["test"]),
    testRow("Type check, as npm test runs it", TSC, ["--noEmit"], "tsc --noEmit"),
    testRow("Type check without build info, as in a fresh clone", TSC, ["--noEmit", "--incremental", "false"], "tsc --noEmit --incremental false"),
    testRow("Unit tests", JEST, [], "jest"),
  ]);
  return { npmTest, tsc, tscCold, jest };
}

function report(options: BenchOptions, startLoad: number, startup: StartupRows, sizes: SizeRows[], tests?: TestRows, install?: InstallFigures): void {
  const sections = [
    { title: "Default example", rows: [startup.nodeStartup, startup.floor, startup.npmSynth, startup.compiledRunner, startup.nodeImportTsx, startup.prebuilt] },
    { title: "Generated configurations", rows: sizes.flatMap((size) => [size.readme, size.prebuilt]) },
    ...(tests === undefined ? [] : [{ title: "Tests", rows: [tests.npmTest, tests.tsc, tests.tscCold, tests.jest] }]),
  ];
  const verdicts = evaluateBudgets({ floor: startup.floor, npmSynth: startup.npmSynth, sizes: new Map(sizes.map((size) => [size.pairs, size.readme])), tests });
  const table = renderTable(sections, startup.floor);
  const budgets = renderBudgets(verdicts);
  const breakdown = timeBreakdown(startup, sizes);
  const endLoad = loadavg()[0];

  console.log(`\n${table}\n\n${budgets}\n\nWhere the time goes:\n${breakdown.map((line) => `- ${line}`).join("\n")}`);
  console.log(`\nLoad average (1 min) at start and end: ${startLoad.toFixed(2)} and ${endLoad.toFixed(2)}`);
  console.log(`Budgets: ${verdicts.map((verdict) => `${verdict.name}: ${verdictWord(verdict)}`).join("; ")}`);
  if (!options.write) {
    return;
  }
  const page = renderPage({
    date: new Date().toISOString().slice(0, 10),
    machine: describeMachine(),
    load: [startLoad, endLoad],
    command: "npm run bench",
    table,
    budgets,
    breakdown,
    nodeModulesBytes: diskUsage(join(ROOT, "node_modules")),
    install,
    previous: existsSync(PAGE) ? readFileSync(PAGE, "utf8") : undefined,
    kinds: Object.keys(KIND_FIELDS),
  });
  writeFileSync(PAGE, page);
  console.log(`Wrote ${PAGE}`);
}

/** Stops early when the generator names a kind the config schema does not accept. */
function checkKinds(): void {
  const accepted: string[] = workloadSchema.options.flatMap((option) => [...option.shape.kind.values]);
  const unknown = Object.keys(KIND_FIELDS).filter((kind) => !accepted.includes(kind));
  if (unknown.length > 0) {
    throw new Error(`bench/generate.ts KIND_FIELDS names kinds the schema does not accept: ${unknown.join(", ")}. Use one of ${accepted.join(", ")}`);
  }
}

/** Stops when a run did not synthesize one Atlas user per pair, which would make its figures meaningless. */
function checkPairs(outdir: string, pairs: number): void {
  const users = countResources(outdir, "mongodbatlas_database_user");
  if (users !== pairs) {
    throw new Error(`${outdir}: the generated configuration of ${pairs} pairs synthesized ${users} Atlas users. Check bench/generate.ts against the app`);
  }
}

main();
