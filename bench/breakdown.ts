import { Measurement } from "./measure";

/** The measurements whose differences show where the default example's time goes. */
export interface StartupRows {
  readonly nodeStartup: Measurement;
  readonly floor: Measurement;
  readonly prebuilt: Measurement;
  readonly nodeImportTsx: Measurement;
  readonly compiledRunner: Measurement;
  readonly npmSynth: Measurement;
}

/** Synthesis of one generated size, by both ways of running the app. */
export interface SizeRows {
  readonly pairs: number;
  readonly readme: Measurement;
  readonly prebuilt: Measurement;
}

/**
 * Splits the wall time of `npm run synth` into layers, each the difference
 * of two medians, and gives the cost of one more role and Atlas user pair.
 * Differences of medians are estimates: a layer near zero may print as
 * slightly negative.
 */
export function timeBreakdown(rows: StartupRows, sizes: readonly SizeRows[]): string[] {
  const ms = (seconds: number) => `${Math.round(seconds * 1000)} ms`;
  const lines = [
    `Node start-up: ${ms(rows.nodeStartup.wallSeconds)}.`,
    `Loading cdktf and synthesizing one pair (floor minus Node start-up): ${ms(rows.floor.wallSeconds - rows.nodeStartup.wallSeconds)}.`,
    `The app beyond the floor, as precompiled JavaScript (zod, yaml, validation, guardrails, every workload of the example): ${ms(rows.prebuilt.wallSeconds - rows.floor.wallSeconds)}.`,
    `The compiled runner's own work, checking that the compiled files are current (\`node scripts/run-compiled.js main.ts\` minus precompiled): ${ms(rows.compiledRunner.wallSeconds - rows.prebuilt.wallSeconds)}.`,
    `npm's start-up (\`npm run synth\` minus the compiled runner): ${ms(rows.npmSynth.wallSeconds - rows.compiledRunner.wallSeconds)}.`,
    `For comparison, the tsx loader costs ${ms(rows.nodeImportTsx.wallSeconds - rows.compiledRunner.wallSeconds)} more than the compiled runner (\`node --import tsx main.ts\`).`,
  ];
  const sorted = [...sizes].sort((a, b) => a.pairs - b.pairs);
  if (sorted.length >= 2) {
    const first = sorted[sorted.length - 2];
    const last = sorted[sorted.length - 1];
    const pairs = last.pairs - first.pairs;
    const perPair = (pick: (size: SizeRows) => Measurement) => ((pick(last).wallSeconds - pick(first).wallSeconds) / pairs) * 1000;
    const memory = (last.readme.maxRssBytes ?? 0) - (first.readme.maxRssBytes ?? 0);
    lines.push(
      `One more pair, from ${first.pairs} to ${last.pairs} pairs: ${perPair((size) => size.readme).toFixed(2)} ms as the README runs it, ` +
        `${perPair((size) => size.prebuilt).toFixed(2)} ms precompiled, and ${(memory / pairs / 1e3).toFixed(0)} kB of peak memory.`,
    );
  }
  return lines;
}
