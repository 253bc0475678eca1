/**
 * Command line entry: prints the Markdown access review of a Terraform plan.
 *
 *   terraform show -json PLANFILE > plan.json
 *   npx tsx review/plan/cli.ts plan.json      # or `-` to read standard input
 *
 * Exits 0 after printing the review. Exits 2 with one line on standard error
 * (file, problem, fix) when the input cannot be read or is not plan JSON.
 */
import { readFileSync } from "node:fs";
import { PlanInputError } from "./plan-input";
import { renderPlanSummary } from "./render";
import { summarizePlan } from "./summarize";

const USAGE = "usage: tsx review/plan/cli.ts PLAN_JSON_FILE (or - for standard input)";

/** Error the command reports as one line before exiting with status 2. */
class CommandError extends Error {}

/** Reads, checks and summarizes the plan named in `args`, returning the Markdown review. */
export function reviewPlanFile(args: readonly string[]): string {
  if (args.length !== 1 || args[0] === "") throw new CommandError(`expected one argument, received ${args.length}; ${USAGE}`);
  const path = args[0];
  const label = path === "-" ? "standard input" : path;

  let text: string;
  try {
    text = readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (error) {
    throw new CommandError(`${label}: cannot read the file (${readProblem(error)}); check the path and permissions`);
  }

  if (text.startsWith("PK")) {
    throw new CommandError(
      `${label}: this is a binary plan file, not JSON; run \`terraform show -json ${label} > plan.json\` and pass plan.json`
    );
  }

  let plan: unknown;
  try {
    plan = JSON.parse(text);
  } catch (error) {
    throw new CommandError(`${label}: invalid JSON (${(error as Error).message}); pass the output of \`terraform show -json PLANFILE\``);
  }

  try {
    return renderPlanSummary(summarizePlan(plan));
  } catch (error) {
    if (error instanceof PlanInputError) throw new CommandError(`${label}: ${error.message}`);
    throw error;
  }
}

function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "file not found";
  if (code === "EACCES") return "permission denied";
  if (code === "EISDIR") return "the path is a directory";
  return (error as Error).message;
}

function main(): void {
  try {
    process.stdout.write(reviewPlanFile(process.argv.slice(2)));
  } catch (error) {
    const message = error instanceof CommandError ? error.message : `unexpected error: ${(error as Error).message}`;
    process.stderr.write(`plan-summary: ${message}\n`);
    process.exitCode = 2;
  }
}

if (require.main === module) main();
