/** Turns a stack's resolved Terraform JSON (as in cdk.tf.json) into SynthResource records. */
import { SynthResource } from "./model";
import { asRecord } from "./lib/values";

function blocks(section: unknown, data: boolean): SynthResource[] {
  const byType = asRecord(section);
  if (!byType) return [];
  const out: SynthResource[] = [];
  for (const [type, byName] of Object.entries(byType)) {
    for (const [name, body] of Object.entries(asRecord(byName) ?? {})) {
      const rec = asRecord(body) ?? {};
      const { "//": meta, ...config } = rec;
      const address = `${data ? "data." : ""}${type}.${name}`;
      const path = asRecord(asRecord(meta)?.metadata)?.path;
      out.push({ type, name, address, path: typeof path === "string" ? path : address, config });
    }
  }
  return out;
}

/** Provider blocks: `provider.aws` holds one entry, or a list with one entry per alias. */
function providerBlocks(section: unknown): SynthResource[] {
  const byType = asRecord(section);
  if (!byType) return [];
  return Object.entries(byType).flatMap(([type, body]) =>
    (Array.isArray(body) ? body : [body]).flatMap((entry) => {
      const config = asRecord(entry);
      if (!config) return [];
      const alias = typeof config.alias === "string" ? config.alias : "";
      const address = alias === "" ? type : `${type}.${alias}`;
      return [{ type, name: alias, address, path: `provider.${address}`, config }];
    }),
  );
}

/** Resources, data sources and provider blocks of one synthesized stack. */
export function modelFromTerraform(json: unknown): { resources: SynthResource[]; dataSources: SynthResource[]; providers: SynthResource[] } {
  const root = asRecord(json) ?? {};
  return { resources: blocks(root.resource, false), dataSources: blocks(root.data, true), providers: providerBlocks(root.provider) };
}
