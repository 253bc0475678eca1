import { run } from "../main";
import { writeStacksAsHcl } from "./write-stacks";

/**
 * Synthesizes like `npm run synth`, with the same arguments, choice of configuration file
 * and output folder (see `run` in app/main.ts), then writes each stack as HCL to
 * `OUTDIR/hcl/NAME/main.tf` for people who review HCL rather than JSON. Terraform keeps
 * running in `OUTDIR/stacks/NAME`, on the JSON. Problems go to `log`, and progress lines
 * go to `info`, as in `run`.
 *
 * @returns the exit code of `run`: 0 on success, 1 on invalid input, 2 on invalid arguments
 */
export async function runSynthHcl(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  info: (line: string) => void = log,
): Promise<number> {
  const exitCode = run(argv, env, log, info);
  // With --help, run prints the usage and synthesizes nothing.
  if (exitCode !== 0 || argv.includes("--help") || argv.includes("-h")) {
    return exitCode;
  }

  // The same output folder rule as run(): CDKTF_OUTDIR, else cdktf.out.
  const outdir = env.CDKTF_OUTDIR ?? "cdktf.out";
  for (const file of await writeStacksAsHcl(outdir)) {
    info(`Wrote ${file}`);
  }
  return 0;
}
