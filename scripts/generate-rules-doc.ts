/** Writes docs/rules.md from the guardrail rule definitions. Run: npx tsx scripts/generate-rules-doc.ts */
import * as fs from "fs";
import * as path from "path";
import { ALL_RULES } from "../constructs/guardrails/rules";
import { renderRulesDoc } from "../constructs/guardrails/rules-doc";

/** Path of the generated page in the repository. */
export const RULES_DOC_PATH = path.join(__dirname, "..", "docs", "rules.md");

if (require.main === module) {
  fs.mkdirSync(path.dirname(RULES_DOC_PATH), { recursive: true });
  fs.writeFileSync(RULES_DOC_PATH, renderRulesDoc(ALL_RULES));
  process.stdout.write(`wrote ${path.relative(process.cwd(), RULES_DOC_PATH)} (${ALL_RULES.length} rules)\n`);
}
