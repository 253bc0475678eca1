import { relative, resolve } from "node:path";
import { ConstructInputError } from "../constructs";
import { buildPlatform } from "./build";
import { loadConfig } from "./config/load";
import { ConfigError } from "./config/problems";
import { SynthValidationError, synthesizeAtomically } from "./synth";

/** The configuration used when neither an argument nor the environment names one. */
export const DEFAULT_CONFIG = "examples/default/platform.yaml";
/** The environment variable that names the configuration file. */
export const CONFIG_VARIABLE = "ATLAS_ACCESS_CONFIG";

/**
 * Returns the project root (the current folder) as seen from a stack's
 * output folder, for local state files. An output folder outside the project
 * would need a path through this machine's folders, which would make the
 * output differ between machines, so there the state stays beside the
 * output folder.
 */
function projectRootFrom(outdir: string): string {
  const stackFolder = resolve(outdir, "stacks", "stack");
  const root = relative(stackFolder, process.cwd());
  const inside = !relative(process.cwd(), stackFolder).startsWith("..");
  return inside ? root.split("\\").join("/") : "../../..";
}

/** Help printed by `--help`. */
export const USAGE = `Usage: npm run synth -- [CONFIG_FILE]

Synthesizes CONFIG_FILE (YAML or JSON), else the file named by ${CONFIG_VARIABLE},
else ${DEFAULT_CONFIG}, into CDKTF_OUTDIR, else cdktf.out.
Relative paths are relative to the folder the command runs in.`;

/**
 * Runs the app: reads the configuration named by the first argument, else
 * by ATLAS_ACCESS_CONFIG, else the default example, and synthesizes it into
 * CDKTF_OUTDIR (set by the cdktf CLI), else `cdktf.out`. Problems go to
 * `log`; warnings and the success line go to `info`, which defaults to `log`.
 *
 * @returns the process exit code: 0 on success, 1 on invalid input, 2 on invalid arguments
 */
export function run(argv: readonly string[], env: NodeJS.ProcessEnv, log: (line: string) => void, info: (line: string) => void = log): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    USAGE.split("\n").forEach(info);
    return 0;
  }
  const option = argv.find((argument) => argument.startsWith("-"));
  if (option !== undefined || argv.length > 1) {
    log(`${option === undefined ? `unexpected argument ${JSON.stringify(argv[1])}` : `unknown option ${option}`}: give one configuration file at most. See --help`);
    return 2;
  }

  const file = argv[0] ?? env[CONFIG_VARIABLE] ?? DEFAULT_CONFIG;
  const outdir = env.CDKTF_OUTDIR ?? "cdktf.out";
  const projectRoot = projectRootFrom(outdir);
  let warnings: readonly string[];
  try {
    const config = loadConfig(file);
    warnings = synthesizeAtomically(outdir, (app) => buildPlatform(app, config, projectRoot)).warnings;
  } catch (error) {
    if (error instanceof ConfigError) {
      error.message.split("\n").forEach(log);
      return 1;
    }
    if (error instanceof ConstructInputError) {
      log(`${file}: ${error.message}`);
      return 1;
    }
    if (error instanceof SynthValidationError) {
      error.problems.forEach((problem) => log(`${file}: ${problem}`));
      return 1;
    }
    throw error;
  }
  warnings.forEach((warning) => info(`warning: ${warning}`));
  info(`Synthesized ${file} into ${outdir}`);
  return 0;
}
