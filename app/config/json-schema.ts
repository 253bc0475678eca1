import { z } from "zod";
import { platformConfigSchema } from "./schema";

/** Renders the configuration schema as JSON Schema text, for editors that validate YAML and JSON. */
export function renderJsonSchema(): string {
  const schema = z.toJSONSchema(platformConfigSchema, { io: "input", target: "draft-2020-12" });
  return `${JSON.stringify({ ...schema, title: "atlas-iam-access platform configuration" }, null, 2)}\n`;
}
