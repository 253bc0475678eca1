/**
 * The HCL writer for tests: `stackToHcl` from app/hcl/, and `parseHcl`, which reads HCL
 * back to Terraform JSON with `@cdktf/hcl2json` (tmccombs/hcl2json compiled to
 * WebAssembly), in-process and offline.
 */
import { parse } from "@cdktf/hcl2json";
import type { JsonObject } from "../../app/hcl";

export type { JsonObject } from "../../app/hcl";
export { renderTemplateString, stackToHcl } from "../../app/hcl";

/**
 * Parses HCL text into Terraform JSON with `@cdktf/hcl2json`. Blocks come back as arrays
 * of bodies (`resource.aws_iam_role.app[0]`), and bare expressions come back wrapped as
 * `"${...}"`.
 */
export async function parseHcl(text: string, filename = "main.tf"): Promise<JsonObject> {
  return (await parse(filename, text)) as JsonObject;
}
