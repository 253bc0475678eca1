import { ALL_RULES } from "../../constructs/guardrails/rules";
import { ConfigProblem } from "./problems";
import { PlatformConfig } from "./schema";

/** Checks that each suppression names a guardrail rule that exists, once per workload. */
export function checkSuppressionReferences(config: PlatformConfig): ConfigProblem[] {
  const known = ALL_RULES.map((rule) => rule.id);
  return config.workloads.flatMap((workload, workloadIndex) => {
    const seen: string[] = [];
    return (workload.suppress ?? []).flatMap((suppression, index) => {
      const path = `workloads[${workloadIndex}].suppress[${index}].rule`;
      if (!known.includes(suppression.rule)) {
        return [{ path, message: "is not a guardrail rule. Use a rule ID from docs/rules.md", received: suppression.rule }];
      }
      if (seen.includes(suppression.rule)) {
        return [{ path, message: "is suppressed twice for this workload. Keep one entry with the reason", received: suppression.rule }];
      }
      seen.push(suppression.rule);
      return [];
    });
  });
}
