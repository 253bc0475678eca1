/** Public entry of the guardrails: synth-time checks of IAM and Atlas resources. */
export { applyGuardrails, cachedTerraform, hasGuardrails, withStackModelCache } from "./apply";
export type { GuardrailOptions } from "./apply";
export { runRules, formatFinding, MIN_REASON_LENGTH } from "./engine";
export type { RunResult, SuppressedFinding } from "./engine";
export { suppressRule, collectSuppressions, SUPPRESS_METADATA } from "./suppress";
export { modelFromTerraform } from "./synth-model";
export { ALL_RULES } from "./rules";
export type * from "./model";
