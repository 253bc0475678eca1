import { InstallFigures } from "./install";
import { formatBytes } from "./report";

/** Markers around the install figures, which a run without `--install` keeps from the previous page. */
export const INSTALL_START = "<!-- install figures: start -->";
export const INSTALL_END = "<!-- install figures: end -->";

/** Everything BENCHMARKS.md shows. */
export interface BenchPage {
  readonly date: string;
  readonly machine: string;
  /** One-minute load averages at the start and the end of the run. */
  readonly load: readonly [number, number];
  readonly command: string;
  /** The results table in Markdown. */
  readonly table: string;
  /** The budgets table in Markdown. */
  readonly budgets: string;
  /** Sentences on where the time goes. */
  readonly breakdown: readonly string[];
  /** Disk use of the working copy's node_modules. */
  readonly nodeModulesBytes: number;
  /** Figures of a clean install, when this run measured them. */
  readonly install?: InstallFigures;
  /** The previous page, whose install figures are kept when this run has none. */
  readonly previous?: string;
  /** The workload kinds the generated configurations mix. */
  readonly kinds: readonly string[];
}

/** Renders BENCHMARKS.md. */
export function renderPage(page: BenchPage): string {
  return `# Benchmarks

Written by \`${page.command}\` (bench/run.ts); rerun it instead of editing this page.

- Date: ${page.date}
- Machine: ${page.machine}
- Load average (1 min) at start and end: ${page.load[0].toFixed(2)} and ${page.load[1].toFixed(2)}; other work on the machine inflates every figure
- \`node_modules\` of the working copy: ${formatBytes(page.nodeModulesBytes)} on disk (\`du -sk\`)

## Results

Each figure is the median of the runs shown. The commands of one group run
interleaved (run 1 of each, then run 2 of each), so changing load falls on all
of them alike. The default example's commands get one unmeasured warm-up run
first; the generated sizes and \`npm test\` reuse the caches those warmed. "x floor" divides by the floor's figure. Peak RSS is the
largest resident memory of any process of the command, from GNU time.
Output is the size of the files written to the output folder.

${page.table}

## Budgets

The verdicts report; they fail no build.

${page.budgets}

## Where the time goes

Each layer is the difference of two medians, so it is an estimate; a negative
figure means the noise was larger than the layer.

${page.breakdown.map((line) => `- ${line}`).join("\n")}

## Clean install

${installBlock(page)}

## Method

- **Floor**: \`bench/floor.js\`, a bare cdktf app with one IAM role and one Atlas
  user, provider classes loaded by deep path, run by plain \`node\`: no TypeScript
  loader, no validation, no config file.
- **Default example**: \`examples/default/platform.yaml\`, run by each command shown.
  \`npm run synth\` is the README's command; the others peel off one layer each.
  The precompiled row runs the app compiled by SWC into a temporary folder, without
  source maps, to show what the TypeScript loader costs; it is a reference, not a
  supported way to run the app.
- **Generated configurations**: \`bench/generate.ts\` writes files whose workloads
  mix the kinds ${page.kinds.join(", ")} in rotation. Every workload is deployed into every
  environment, and each environment is its own AWS account and Atlas project, so
  a size counts role and Atlas user pairs. An Atlas project takes at most 100
  database users (the app's guardrail rejects more), so a size spreads over at
  least 5 environments and over more once that limit requires it: 1,000 pairs
  are 100 workloads in 10 environments. Each file is validated before it is
  measured, and each run is checked to synthesize one Atlas user per pair. The
  README way is \`node scripts/run-compiled.js main.ts FILE\`, what
  \`npm run synth -- FILE\` runs, without npm's start-up.
- **Output folders** are temporary (\`CDKTF_OUTDIR\`), so the repository's \`cdktf.out\` is untouched.
- Options: \`npm run bench -- --runs 7 --test-runs 3 --sizes 10,100,1000,5000 --install\`.
  \`--install\` also times \`npm ci\` in a fresh clone; \`--test-runs 0\` skips \`npm test\`;
  \`--no-write\` leaves this page as it is.
`;
}

function installBlock(page: BenchPage): string {
  if (page.install !== undefined) {
    const { seconds, exitCode, nodeModulesBytes, commit } = page.install;
    const status = exitCode === 0 ? "" : ` It exited with status ${exitCode}, so the figure is not a valid install time.`;
    return [
      INSTALL_START,
      `Measured ${page.date} with \`git clone\` of the repository at ${commit} into a temporary folder and \`npm ci\` there,`,
      "with this machine's npm cache in place. With an empty cache npm also downloads every package, which takes longer.",
      "The clone contains committed files only.",
      "",
      `- \`npm ci\`: ${seconds.toFixed(1)} s.${status}`,
      `- \`node_modules\` after it: ${formatBytes(nodeModulesBytes)} on disk.`,
      INSTALL_END,
    ].join("\n");
  }
  const previous = page.previous ?? "";
  const start = previous.indexOf(INSTALL_START);
  const end = previous.indexOf(INSTALL_END);
  if (start >= 0 && end > start) {
    return previous.slice(start, end + INSTALL_END.length);
  }
  return `${INSTALL_START}\nNot measured yet: run \`npm run bench -- --install\`.\n${INSTALL_END}`;
}
