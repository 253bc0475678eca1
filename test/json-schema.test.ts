import { readFileSync } from "node:fs";
import { renderJsonSchema } from "../app/config/json-schema";

describe("JSON Schema for editors", () => {
  test("matches the configuration schema", () => {
    // Regenerate with `npm run schema` when this fails.
    expect(readFileSync("schema/platform.schema.json", "utf8")).toBe(renderJsonSchema());
  });

  test("lists every workload kind", () => {
    const schema = JSON.parse(renderJsonSchema()) as { properties: { workloads: { items: { oneOf?: { properties: { kind: { const: string } } }[]; anyOf?: { properties: { kind: { const: string } } }[] } } } };
    const items = schema.properties.workloads.items;
    const variants = items.oneOf ?? items.anyOf ?? [];

    expect(variants.map((variant) => variant.properties.kind.const).sort()).toEqual(["ec2", "ecs", "eks-irsa", "eks-pod-identity", "existing-role", "iam-user", "lambda", "role-chain", "saml"]);
  });
});
