/** Building findings with the rule's defaults filled in. */
import { Finding, Rule, Severity, SynthResource } from "../model";

/** Details of one finding. Severity and fix default to the rule's. */
export interface FindingInput {
  field: string;
  received: string;
  message: string;
  fix?: string;
  severity?: Severity;
}

/** Builds a finding of `rule` on `block`. */
export function findingOf(rule: Pick<Rule, "id" | "severity" | "fix">, block: SynthResource, input: FindingInput): Finding {
  return {
    ruleId: rule.id,
    severity: input.severity ?? rule.severity,
    path: block.path,
    address: block.address,
    field: input.field,
    received: input.received,
    message: input.message,
    fix: input.fix ?? rule.fix,
  };
}

