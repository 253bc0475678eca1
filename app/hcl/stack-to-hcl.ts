/**
 * Converts a synthesized stack (the parsed cdk.tf.json object) to HCL native syntax,
 * in-process and offline.
 *
 * Why not cdktf's own HCL output: `cdktf synth --hcl` and `Testing.synthHcl` render HCL
 * from construct objects through `stack.toHclTerraform()`, and in cdktf 0.21.0 their
 * string renderer skips quote escaping for any string that contains `${`. A JSON policy
 * with an interpolation, such as `{"Principal":{"Federated":"${aws_iam_openid_connect_provider.oidc.arn}"}}`,
 * then becomes `"{"Principal":...}"`, which is not valid HCL. So this module writes HCL
 * from the JSON document and uses `@cdktf/hcl-tools` `format` (Terraform's own HCL
 * formatter compiled to WebAssembly) for layout only.
 */
import { format } from "@cdktf/hcl-tools";
import { JsonObject } from "./expressions";
import { SECTION_WRITERS } from "./sections";

/**
 * Converts `stack` to formatted HCL that `terraform fmt -check` accepts. JSON comment
 * properties (`"//"`), which hold cdktf's metadata, are dropped, as Terraform ignores
 * them too.
 *
 * @throws Error naming the path of a construct this writer does not write
 *   (provisioners, connection and dynamic blocks, or an unknown top-level key).
 */
export async function stackToHcl(stack: JsonObject): Promise<string> {
  const blocks: string[] = [];
  for (const [key, value] of Object.entries(stack)) {
    if (key === "//") {
      continue;
    }
    const write = SECTION_WRITERS[key];
    if (write === undefined) {
      throw new Error(
        `Unsupported top-level key "${key}" in stack JSON: supported keys are ${Object.keys(SECTION_WRITERS).join(", ")}.`,
      );
    }
    blocks.push(...write(value));
  }
  return format(blocks.join("\n\n") + "\n");
}
