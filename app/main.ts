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
 * Runs the app: reads the configuration named by the first argument, else
 * by ATLAS_ACCESS_CONFIG, else the default example, and synthesizes it into
 * CDKTF_OUTDIR (set by the cdktf CLI), else `cdktf.out`.
 *
 * @returns the process exit code: 0 on success, 1 on invalid input
 */
export function run(argv: readonly string[], env: NodeJS.ProcessEnv, log: (line: string) => void): number {
  const file = argv[0] ?? env[CONFIG_VARIABLE] ?? DEFAULT_CONFIG;
  const outdir = env.CDKTF_OUTDIR ?? "cdktf.out";
  let warnings: readonly string[];
  try {
    const config = loadConfig(file);
    warnings = synthesizeAtomically(outdir, (app) => buildPlatform(app, config)).warnings;
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
  warnings.forEach((warning) => log(`warning: ${warning}`));
  log(`Synthesized ${file} into ${outdir}`);
  return 0;
}
