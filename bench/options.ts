/** The command-line options of `npm run bench`. */
export interface BenchOptions {
  /** Measured runs of each synthesis command; at least 5 for the published figures. */
  readonly runs: number;
  /** Measured runs of `npm test`; 0 skips it. */
  readonly testRuns: number;
  /** Sizes of the generated configurations, in role and Atlas user pairs. */
  readonly sizes: readonly number[];
  /** Also time `npm ci` in a fresh clone. */
  readonly install: boolean;
  /** Write BENCHMARKS.md. */
  readonly write: boolean;
}

/** The defaults: the figures BENCHMARKS.md publishes. */
export const DEFAULT_OPTIONS: BenchOptions = { runs: 5, testRuns: 3, sizes: [10, 100, 1000, 5000], install: false, write: true };

/**
 * Reads `--runs N`, `--test-runs N`, `--sizes A,B`, `--install` and `--no-write`.
 *
 * @throws Error naming the option and the value received
 */
export function parseOptions(argv: readonly string[]): BenchOptions {
  let options = { ...DEFAULT_OPTIONS };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    const value = () => {
      const next = argv[++index];
      if (next === undefined) {
        throw new Error(`${flag} needs a value. Write it after the option, for example ${flag} 5`);
      }
      return next;
    };
    switch (flag) {
      case "--runs":
        options = { ...options, runs: count(flag, value(), 1) };
        break;
      case "--test-runs":
        options = { ...options, testRuns: count(flag, value(), 0) };
        break;
      case "--sizes":
        options = { ...options, sizes: value().split(",").map((size) => count(flag, size, 1)) };
        break;
      case "--install":
        options = { ...options, install: true };
        break;
      case "--no-write":
        options = { ...options, write: false };
        break;
      default:
        throw new Error(`unknown option ${flag}. Use --runs, --test-runs, --sizes, --install or --no-write`);
    }
  }
  return options;
}

function count(flag: string, text: string, minimum: number): number {
  const parsed = Number(text);
  if (!Number.isInteger(parsed) || parsed < minimum) {
    throw new Error(`${flag} must be a whole number of at least ${minimum}, got ${text}`);
  }
  return parsed;
}
