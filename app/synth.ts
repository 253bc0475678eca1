import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { AnnotationMetadataEntryType, App, TerraformStack } from "cdktf";
import { withStackModelCache } from "../constructs/guardrails/apply";

/** Raised when construct validations, the guardrails among them, reject the app; one line per problem. */
export class SynthValidationError extends Error {
  public constructor(public readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "SynthValidationError";
  }
}

/**
 * Builds an app in a fresh folder and moves the result into `outdir` only
 * when synthesis succeeded, so a failure never leaves a partial output.
 * Every stack is validated before anything is written, so one run reports
 * the problems of all stacks, not only those of the first that fails.
 *
 * Only what synthesis writes is replaced. Terraform's own files in a stack
 * folder (`.terraform/`, the lock file) stay, so a later `cdktf deploy`
 * does not have to download providers again.
 */
export function synthesizeAtomically(outdir: string, build: (app: App) => void): SynthResult {
  const target = resolve(outdir);
  mkdirSync(dirname(target), { recursive: true });
  const staging = mkdtempSync(`${target}.staging-`);
  try {
    // Validations run here, once for all stacks, so cdktf need not run them again.
    // Stack traces are left out of annotations: they carry this machine's absolute paths.
    const app = new App({ outdir: staging, skipValidation: true, stackTraces: false });
    build(app);
    withStackModelCache(() => {
      const problems = validationProblems(app);
      if (problems.length > 0) {
        throw new SynthValidationError(problems);
      }
      app.synth();
    });
    publish(staging, target);
    return { warnings: warningsOf(app) };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The report of a successful synthesis, besides its output. */
export interface SynthResult {
  /** Warning annotations as `PATH: MESSAGE`, in construct order; they are kept in the manifest too. */
  readonly warnings: readonly string[];
}

function warningsOf(app: App): string[] {
  return app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === AnnotationMetadataEntryType.WARN)
      .map((entry) => `${construct.node.path}: ${String(entry.data)}`),
  );
}

function validationProblems(app: App): string[] {
  const stacks = app.node.findAll().filter((construct): construct is TerraformStack => TerraformStack.isStack(construct));
  return stacks.flatMap((stack) =>
    stack.node.findAll().flatMap((construct) => construct.node.validate().map((message) => `${construct.node.path}: ${message}`)),
  );
}

function publish(staging: string, target: string): void {
  const stagedStacks = join(staging, "stacks");
  const targetStacks = join(target, "stacks");
  mkdirSync(targetStacks, { recursive: true });

  const stacks = existsSync(stagedStacks) ? readdirSync(stagedStacks) : [];
  for (const existing of readdirSync(targetStacks)) {
    if (!stacks.includes(existing)) {
      rmSync(join(targetStacks, existing), { recursive: true, force: true });
    }
  }
  for (const stack of stacks) {
    mkdirSync(join(targetStacks, stack), { recursive: true });
    for (const file of readdirSync(join(stagedStacks, stack))) {
      cpSync(join(stagedStacks, stack, file), join(targetStacks, stack, file), { recursive: true, force: true });
    }
  }
  for (const file of readdirSync(staging)) {
    if (file !== "stacks" && file !== "manifest.json") {
      cpSync(join(staging, file), join(target, file), { recursive: true, force: true });
    }
  }
  // The manifest goes last: tools read it first, and it must describe stacks already in place.
  renameSync(join(staging, "manifest.json"), join(target, "manifest.json"));
}
