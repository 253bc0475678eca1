import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** GNU time, which reports the peak resident memory of a command and its children. */
const GNU_TIME = "/usr/bin/time";

/** How to run one measured command. */
export interface CommandSpec {
  /** The row's name in the table. */
  readonly label: string;
  /** The program, found on PATH or given as a path. */
  readonly command: string;
  readonly args: readonly string[];
  /** The command line shown in the table, when it differs from command and args. */
  readonly display?: string;
  /** The working folder. */
  readonly cwd: string;
  /** Variables added to the environment of the command. */
  readonly env?: Readonly<Record<string, string>>;
  /** Folder the command writes its output to; its size is reported. */
  readonly outdir?: string;
  /** Measured runs; the figures are their medians. */
  readonly runs: number;
  /** Unmeasured runs first, so disk and compile caches are warm. */
  readonly warmups: number;
}

/** The medians of one command's runs. */
export interface Measurement {
  readonly label: string;
  /** The command line as shown in the table. */
  readonly commandLine: string;
  readonly runs: number;
  readonly wallSeconds: number;
  /** Peak resident memory in bytes; undefined where GNU time is missing. */
  readonly maxRssBytes?: number;
  /** Bytes written to the output folder by the last run. */
  readonly outputBytes?: number;
  /** Runs that exited with a status other than 0. */
  readonly failedRuns: number;
  /** The end of the error output of the last failed run. */
  readonly failure?: string;
}

interface Sample {
  readonly wallSeconds: number;
  readonly maxRssBytes?: number;
  readonly exitCode: number;
  readonly stderr: string;
}

/**
 * Measures several commands with their runs interleaved: run 1 of each
 * command, then run 2 of each, and so on. Load from other work on the
 * machine then falls on every command alike, so their differences stay
 * meaningful even when the absolute figures drift.
 */
export function measureAll(specs: readonly CommandSpec[]): Measurement[] {
  for (const spec of specs) {
    for (let index = 0; index < spec.warmups; index++) {
      runOnce(spec);
    }
  }
  const samples: Sample[][] = specs.map(() => []);
  const rounds = Math.max(...specs.map((spec) => spec.runs));
  for (let round = 0; round < rounds; round++) {
    specs.forEach((spec, index) => {
      if (round < spec.runs) {
        samples[index].push(runOnce(spec));
      }
    });
  }
  return specs.map((spec, index) => summarize(spec, samples[index]));
}

/** Runs one command `warmups + runs` times and returns the medians of the measured runs. */
export function measure(spec: CommandSpec): Measurement {
  return measureAll([spec])[0];
}

function summarize(spec: CommandSpec, samples: readonly Sample[]): Measurement {
  const failed = samples.filter((sample) => sample.exitCode !== 0);
  const rss = samples.map((sample) => sample.maxRssBytes).filter((value): value is number => value !== undefined);
  return {
    label: spec.label,
    commandLine: spec.display ?? [spec.command, ...spec.args].join(" "),
    runs: spec.runs,
    wallSeconds: median(samples.map((sample) => sample.wallSeconds)),
    maxRssBytes: rss.length === samples.length ? median(rss) : undefined,
    outputBytes: spec.outdir === undefined ? undefined : folderBytes(spec.outdir),
    failedRuns: failed.length,
    failure: failed.length === 0 ? undefined : lastLines(failed[failed.length - 1].stderr, 8),
  };
}

/** Returns the median of a non-empty list, or the mean of the middle two for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    throw new Error("median needs at least one value, got an empty list");
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Adds up the sizes in bytes of the files under a folder, without following symbolic links. */
export function folderBytes(folder: string): number {
  if (!existsSync(folder)) {
    return 0;
  }
  const stat = lstatSync(folder);
  if (!stat.isDirectory()) {
    return stat.size;
  }
  return readdirSync(folder).reduce((total, entry) => total + folderBytes(join(folder, entry)), 0);
}

function runOnce(spec: CommandSpec): Sample {
  const env = { ...process.env, ...spec.env };
  const useTime = existsSync(GNU_TIME);
  const timeFolder = useTime ? mkdtempSync(join(tmpdir(), "bench-time-")) : undefined;
  const timeFile = timeFolder === undefined ? undefined : join(timeFolder, "rss");
  const [program, args] = timeFile === undefined
    ? [spec.command, [...spec.args]]
    : [GNU_TIME, ["-f", "%M", "-o", timeFile, spec.command, ...spec.args]];

  const start = process.hrtime.bigint();
  const result = spawnSync(program, args, { cwd: spec.cwd, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;

  let maxRssBytes: number | undefined;
  if (timeFile !== undefined && existsSync(timeFile)) {
    // GNU time writes "Command exited with non-zero status N" before the figure on failure.
    const kibibytes = Number(readFileSync(timeFile, "utf8").trim().split("\n").pop());
    maxRssBytes = Number.isFinite(kibibytes) ? kibibytes * 1024 : undefined;
  }
  if (timeFolder !== undefined) {
    rmSync(timeFolder, { recursive: true, force: true });
  }
  const exitCode = result.status ?? 1;
  const stderr = `${result.stderr ?? ""}${result.error === undefined ? "" : `\n${result.error.message}`}`;
  return { wallSeconds, maxRssBytes, exitCode, stderr: exitCode === 0 ? "" : `${result.stdout ?? ""}\n${stderr}` };
}

function lastLines(text: string, count: number): string {
  return text.trim().split("\n").slice(-count).join("\n");
}
