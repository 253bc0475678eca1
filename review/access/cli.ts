/**
 * Command line entry: prints the Markdown access report of a synthesized app.
 *
 *   npm run synth
 *   npm run review                     # reads cdktf.out
 *   npm run review -- --out DIR        # reads DIR
 *
 * The folder is `--out DIR`, else CDKTF_OUTDIR, else `cdktf.out`. Exits 0
 * after printing the report, and 2 with one line on standard error when the
 * arguments are invalid or the folder cannot be read.
 */
import { buildAccessReport } from "./model";
import { SynthOutputError, readSynthOutput } from "./read-output";
import { renderAccessReport } from "./render";

const USAGE = "usage: npm run review -- [--out DIR] (default: CDKTF_OUTDIR, else cdktf.out)";

/** An error the command reports as one line before exiting with status 2. */
class UsageError extends Error {}

/** Picks the output folder from the arguments and the environment. */
export function outputFolder(args: readonly string[], env: NodeJS.ProcessEnv): string {
  let folder: string | undefined;
  for (let position = 0; position < args.length; position += 1) {
    const argument = args[position];
    if (argument === "--out") {
      folder = args[position + 1];
      if (folder === undefined || folder === "") throw new UsageError(`--out needs a folder; ${USAGE}`);
      position += 1;
    } else if (argument.startsWith("--out=")) {
      folder = argument.slice("--out=".length);
      if (folder === "") throw new UsageError(`--out needs a folder; ${USAGE}`);
    } else {
      throw new UsageError(`unknown argument ${JSON.stringify(argument)}; ${USAGE}`);
    }
  }
  return folder ?? (env.CDKTF_OUTDIR || "cdktf.out");
}

/** Reads the output folder and returns the report as Markdown. */
export function reviewAccess(args: readonly string[], env: NodeJS.ProcessEnv): string {
  return renderAccessReport(buildAccessReport(readSynthOutput(outputFolder(args, env))));
}

function main(): void {
  try {
    process.stdout.write(reviewAccess(process.argv.slice(2), process.env));
  } catch (error) {
    const known = error instanceof UsageError || error instanceof SynthOutputError;
    const message = known ? (error as Error).message : `unexpected error: ${(error as Error).message}`;
    process.stderr.write(`review: ${message}\n`);
    process.exitCode = 2;
  }
}

if (require.main === module) main();
