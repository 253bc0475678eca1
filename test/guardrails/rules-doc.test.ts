import * as fs from "fs";
import { ALL_RULES } from "../../constructs/guardrails/rules";
import { renderRulesDoc } from "../../constructs/guardrails/rules-doc";
import { RULES_DOC_PATH } from "../../scripts/generate-rules-doc";

describe("docs/rules.md", () => {
  it("matches the generator output (run npx tsx scripts/generate-rules-doc.ts after changing a rule)", () => {
    expect(fs.readFileSync(RULES_DOC_PATH, "utf8")).toBe(renderRulesDoc(ALL_RULES));
  });
  it("has a section with the reason of every rule", () => {
    const page = renderRulesDoc(ALL_RULES);
    const missing = ALL_RULES.filter((r) => !page.includes(`### ${r.id}\n`) || !page.includes(`- Why: ${r.reason}`)).map((r) => r.id);
    expect(missing).toEqual([]);
  });
});
