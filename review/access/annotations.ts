/**
 * Guardrail results from a stack's manifest annotations. The guardrails
 * write a warning as `[RULE-ID] ...` and a suppression as an info
 * annotation `[RULE-ID] suppressed: REASON`.
 */
import { StackAnnotation } from "./read-output";
import { belowStack, compareText } from "./stack-index";

/** A warning or error annotation. */
export interface GuardrailWarning {
  /** `warning` or `error`. */
  readonly level: "warning" | "error";
  /** The rule ID in brackets at the start of the message; undefined when the message has none. */
  readonly ruleId: string | undefined;
  /** The construct path below the stack. */
  readonly path: string;
  /** The message without the leading rule ID. */
  readonly message: string;
}

/** A finding that a suppression silenced, with the reason given for it. */
export interface GuardrailSuppression {
  readonly ruleId: string;
  readonly path: string;
  readonly reason: string;
}

/** The warnings and suppressions of one stack, in a fixed order. */
export interface GuardrailResults {
  readonly warnings: readonly GuardrailWarning[];
  readonly suppressions: readonly GuardrailSuppression[];
}

const RULE_PREFIX = /^\s*\[([^\]\s]+)\]\s*/;

/** Sorts a stack's annotations into warnings and suppressions; other info annotations are left out. */
export function guardrailResults(annotations: readonly StackAnnotation[], stackName: string): GuardrailResults {
  const warnings: GuardrailWarning[] = [];
  const suppressions: GuardrailSuppression[] = [];
  for (const annotation of annotations) {
    const level = levelOf(annotation.level);
    const path = belowStack(annotation.constructPath, stackName);
    const rule = RULE_PREFIX.exec(annotation.message);
    const rest = rule === null ? annotation.message.trim() : annotation.message.slice(rule[0].length).trim();
    if (level === "info") {
      if (rule !== null && /suppressed/i.test(rest)) {
        suppressions.push({ ruleId: rule[1], path, reason: suppressionReason(rest) });
      }
      continue;
    }
    if (level !== undefined) warnings.push({ level, ruleId: rule?.[1], path, message: rest });
  }
  return {
    warnings: warnings.sort((left, right) =>
      compareText(left.path, right.path) || compareText(left.ruleId ?? "", right.ruleId ?? "") || compareText(left.message, right.message),
    ),
    suppressions: suppressions.sort((left, right) =>
      compareText(left.path, right.path) || compareText(left.ruleId, right.ruleId) || compareText(left.reason, right.reason),
    ),
  };
}

/** Maps cdktf's levels (`@cdktf/warn`) and plain ones (`warning`) to one name; undefined for unknown levels. */
function levelOf(level: string): "info" | "warning" | "error" | undefined {
  const name = level.toLowerCase().replace(/^@cdktf\//, "");
  if (name === "info") return "info";
  if (name === "warn" || name === "warning") return "warning";
  if (name === "error") return "error";
  return undefined;
}

/** Returns the text after `suppressed` and its separator, or the whole message when nothing follows. */
function suppressionReason(message: string): string {
  const match = /suppressed\s*[:\-–—]?\s*(.*)$/is.exec(message);
  const reason = match?.[1].trim() ?? "";
  return reason === "" ? message : reason;
}
