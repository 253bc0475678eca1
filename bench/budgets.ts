import { Measurement } from "./measure";

/** The figures the budgets judge. */
export interface BudgetInput {
  /** The bare cdktf app run with plain node. */
  readonly floor: Measurement;
  /** `npm run synth` of the default example. */
  readonly npmSynth: Measurement;
  /** Synthesis of generated configurations as the README runs it, by number of role and Atlas user pairs. */
  readonly sizes: ReadonlyMap<number, Measurement>;
  /** `npm test` and its steps; undefined when not measured. */
  readonly tests?: TestRows;
}

/** `npm test` and the two steps it runs. */
export interface TestRows {
  readonly npmTest: Measurement;
  /** `tsc --noEmit` with the build info of earlier runs, as `npm test` runs it. */
  readonly tsc: Measurement;
  /** `tsc --noEmit` without build info, as in a fresh clone. */
  readonly tscCold: Measurement;
  readonly jest: Measurement;
}

/** The outcome of one budget. */
export interface BudgetVerdict {
  readonly name: string;
  /** The limit, in words. */
  readonly limit: string;
  /** The measured figures, in words. */
  readonly measured: string;
  /** True when met, false when missed, undefined when the figures are missing. */
  readonly pass?: boolean;
}

/** Wall time of `npm run synth` as a multiple of the floor. */
export const SYNTH_FLOOR_RATIO = 3;
/** The size, in pairs, of the large-configuration budget. */
export const LARGE_SIZE = 1000;
export const LARGE_SECONDS = 2;
/** Peak memory limit of the large configuration, in bytes (decimal megabytes). */
export const LARGE_RSS_BYTES = 200e6;
/** The cost of one more pair between 1,000 and 5,000 may exceed its cost between 100 and 1,000 by this factor. */
export const LINEAR_TOLERANCE = 1.5;
export const TEST_SECONDS = 30;

/** Judges every budget; a budget whose figures are missing gets `pass: undefined`. */
export function evaluateBudgets(input: BudgetInput): BudgetVerdict[] {
  return [synthBudget(input), ...largeBudgets(input), ...linearBudgets(input), testBudget(input)];
}

function synthBudget({ floor, npmSynth }: BudgetInput): BudgetVerdict {
  const ratio = npmSynth.wallSeconds / floor.wallSeconds;
  return {
    name: "`npm run synth` of the default example",
    limit: `at most ${SYNTH_FLOOR_RATIO}x the floor's wall time (${(SYNTH_FLOOR_RATIO * floor.wallSeconds).toFixed(2)} s)`,
    measured: `${npmSynth.wallSeconds.toFixed(2)} s, ${ratio.toFixed(1)}x${failureNote(npmSynth)}`,
    pass: npmSynth.failedRuns === 0 && floor.failedRuns === 0 && ratio <= SYNTH_FLOOR_RATIO,
  };
}

function largeBudgets({ sizes }: BudgetInput): BudgetVerdict[] {
  const large = sizes.get(LARGE_SIZE);
  const name = `${LARGE_SIZE.toLocaleString("en-US")} pairs`;
  if (large === undefined) {
    return [{ name: `${name}, wall time`, limit: `at most ${LARGE_SECONDS} s`, measured: "not measured" }];
  }
  const rss = large.maxRssBytes;
  return [
    {
      name: `${name}, wall time`,
      limit: `at most ${LARGE_SECONDS} s`,
      measured: `${large.wallSeconds.toFixed(2)} s${failureNote(large)}`,
      pass: large.failedRuns === 0 && large.wallSeconds <= LARGE_SECONDS,
    },
    {
      name: `${name}, peak memory`,
      limit: `at most ${LARGE_RSS_BYTES / 1e6} MB`,
      measured: rss === undefined ? "not measured (no GNU time)" : `${(rss / 1e6).toFixed(0)} MB${failureNote(large)}`,
      pass: rss === undefined ? undefined : large.failedRuns === 0 && rss <= LARGE_RSS_BYTES,
    },
  ];
}

function linearBudgets({ sizes }: BudgetInput): BudgetVerdict[] {
  const [small, middle, large] = [100, 1000, 5000].map((size) => sizes.get(size));
  const limit = `cost of a pair from 1,000 to 5,000 at most ${LINEAR_TOLERANCE}x its cost from 100 to 1,000`;
  if (small === undefined || middle === undefined || large === undefined) {
    return [{ name: "Linear cost up to 5,000 pairs", limit, measured: "not measured: needs sizes 100, 1000 and 5000" }];
  }
  const judge = (name: string, value: (m: Measurement) => number | undefined, unit: (perPair: number) => string): BudgetVerdict => {
    const [a, b, c] = [value(small), value(middle), value(large)];
    if (a === undefined || b === undefined || c === undefined) {
      return { name, limit, measured: "not measured" };
    }
    const before = (b - a) / 900;
    const after = (c - b) / 4000;
    const failed = [small, middle, large].some((m) => m.failedRuns > 0);
    return {
      name,
      limit,
      measured: `${unit(before)} per pair, then ${unit(after)} per pair (${(after / before).toFixed(2)}x)${failed ? "; some runs failed" : ""}`,
      pass: !failed && after <= LINEAR_TOLERANCE * before,
    };
  };
  return [
    judge("Linear cost up to 5,000 pairs, wall time", (m) => m.wallSeconds, (s) => `${(s * 1000).toFixed(2)} ms`),
    judge("Linear cost up to 5,000 pairs, peak memory", (m) => m.maxRssBytes, (bytes) => `${(bytes / 1e3).toFixed(0)} kB`),
  ];
}

function testBudget({ tests }: BudgetInput): BudgetVerdict {
  const name = "`npm test`";
  const limit = `under ${TEST_SECONDS} s`;
  if (tests === undefined) {
    return { name, limit, measured: "not measured" };
  }
  const { npmTest, tsc, jest } = tests;
  if (npmTest.failedRuns === 0) {
    return { name, limit, measured: `${npmTest.wallSeconds.toFixed(1)} s`, pass: npmTest.wallSeconds < TEST_SECONDS };
  }
  // A failing type check stops npm test before jest runs, so its time then leaves jest out. The two steps timed alone cover both.
  const steps = tsc.wallSeconds + jest.wallSeconds;
  return {
    name,
    limit,
    measured: `${npmTest.wallSeconds.toFixed(1)} s, but it exited non-zero; tsc and jest timed alone add up to ${steps.toFixed(1)} s`,
    pass: steps < TEST_SECONDS,
  };
}

function failureNote(measurement: Measurement): string {
  return measurement.failedRuns === 0 ? "" : `; ${measurement.failedRuns} of ${measurement.runs} runs exited non-zero`;
}
