import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Counts the resources of a Terraform type in every stack of a synthesized output folder. */
export function countResources(outdir: string, type: string): number {
  const stacks = join(outdir, "stacks");
  if (!existsSync(stacks)) {
    return 0;
  }
  return readdirSync(stacks).reduce((total, stack) => {
    const file = join(stacks, stack, "cdk.tf.json");
    if (!existsSync(file)) {
      return total;
    }
    const resources = (JSON.parse(readFileSync(file, "utf8")) as { resource?: Record<string, Record<string, unknown>> }).resource ?? {};
    return total + Object.keys(resources[type] ?? {}).length;
  }, 0);
}
