import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { JsonObject } from "./expressions";
import { stackToHcl } from "./stack-to-hcl";

/** The folder under the output folder that contains the HCL files, one subfolder per stack. */
export const HCL_FOLDER = "hcl";

/**
 * Writes each synthesized stack of `outdir` (`stacks/NAME/cdk.tf.json`) as HCL to
 * `hcl/NAME/main.tf`, and removes the HCL of stacks that no longer exist.
 *
 * The HCL goes to its own folder, never next to cdk.tf.json: Terraform reads every
 * `.tf` and `.tf.json` file of a folder, so both files in one folder would declare
 * every resource twice.
 *
 * @returns the paths written, in stack order
 * @throws Error naming the stack file when it cannot be read or converted
 */
export async function writeStacksAsHcl(outdir: string): Promise<string[]> {
  const stacksFolder = join(outdir, "stacks");
  const hclFolder = join(outdir, HCL_FOLDER);
  const stacks = existsSync(stacksFolder)
    ? readdirSync(stacksFolder).filter((name) => existsSync(join(stacksFolder, name, "cdk.tf.json"))).sort()
    : [];

  const written: string[] = [];
  for (const stack of stacks) {
    const source = join(stacksFolder, stack, "cdk.tf.json");
    const target = join(hclFolder, stack, "main.tf");
    let hcl: string;
    try {
      hcl = await stackToHcl(JSON.parse(readFileSync(source, "utf8")) as JsonObject);
    } catch (error) {
      throw new Error(`${source}: cannot be written as HCL: ${(error as Error).message}`, { cause: error });
    }
    mkdirSync(join(hclFolder, stack), { recursive: true });
    // A reader never sees a half-written file: the content is renamed into place.
    writeFileSync(`${target}.tmp`, hcl);
    renameSync(`${target}.tmp`, target);
    written.push(target);
  }

  if (existsSync(hclFolder)) {
    for (const existing of readdirSync(hclFolder)) {
      if (!stacks.includes(existing)) {
        rmSync(join(hclFolder, existing), { recursive: true, force: true });
      }
    }
  }
  return written;
}
