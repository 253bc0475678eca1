/** Suppressions attached to constructs as node metadata. */
import { IConstruct } from "constructs";
import { Suppression } from "./model";

/** Metadata type under which suppressions are stored on a construct node. */
export const SUPPRESS_METADATA = "atlas-iam-access:suppress";

/**
 * Opts a construct and everything below it out of one rule. The reason is
 * required: runRules rejects suppressions with a reason under 10 characters.
 */
export function suppressRule(construct: IConstruct, ruleId: string, reason: string): void {
  construct.node.addMetadata(SUPPRESS_METADATA, { ruleId, reason });
}

/** Collects every suppression attached in the scope's subtree, with the construct path it covers. */
export function collectSuppressions(scope: IConstruct): Suppression[] {
  return scope.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === SUPPRESS_METADATA)
      .map((m) => {
        const data = (m.data ?? {}) as { ruleId?: unknown; reason?: unknown };
        return { ruleId: String(data.ruleId ?? ""), reason: typeof data.reason === "string" ? data.reason : "", path: c.node.path };
      }),
  );
}
