/**
 * Markdown rendering of the access review for a pull-request comment.
 */
import { code, codeList } from "./markdown";
import type { AccessChange, ChangeDetail, ChangeKind, PlanSummary } from "./model";
import { describeActionReason, describeFinding } from "./render-findings";

/** Heading of the section that lists findings needing a reviewer's decision. */
export const ATTENTION_HEADING = "### ⚠ Attention";

/** Line printed when the plan changes no access resource. */
export const NO_CHANGES_LINE = "No changes to IAM or Atlas access resources in this plan.";

const KIND_ORDER: ChangeKind[] = ["create", "update", "replace", "delete"];

/**
 * Renders the summary as Markdown: a title, a notice for incomplete plans, the
 * Attention section (deletions, replacements and widening changes), then every
 * change in address order with its identifying attributes and its informational
 * findings (narrowing or neutral changes).
 * Output ends with a newline and depends only on `summary`.
 */
export function renderPlanSummary(summary: PlanSummary): string {
  const lines: string[] = ["## Access changes", ""];

  if (!summary.complete) {
    lines.push("> **Note:** Terraform marked this plan as errored or incomplete, so changes may be missing from this list.", "");
  }

  if (summary.changes.length === 0) {
    lines.push(NO_CHANGES_LINE);
    if (summary.unchangedCount > 0) lines.push("", unchangedText(summary.unchangedCount, ""));
    return `${lines.join("\n")}\n`;
  }

  const attention = renderAttention(summary.changes);
  if (attention.length > 0) lines.push(ATTENTION_HEADING, "", ...attention, "");

  lines.push(`### Changes (${countText(summary.changes)})`, "");
  for (const change of summary.changes) lines.push(...renderChange(change));
  if (summary.unchangedCount > 0) lines.push("", unchangedText(summary.unchangedCount, "other "));
  return `${lines.join("\n")}\n`;
}

function renderAttention(changes: AccessChange[]): string[] {
  const lines: string[] = [];
  for (const change of changes) {
    for (const finding of change.findings) {
      if (finding.severity !== "attention") continue;
      let line = `- ${addressText(change)}: ${describeFinding(finding, change.type)}`;
      if (finding.topic === "lifecycle" && change.actionReason !== undefined) {
        line += ` Reason: ${describeActionReason(change.actionReason)}.`;
      }
      lines.push(line);
    }
  }
  return lines;
}

function renderChange(change: AccessChange): string[] {
  const details = change.details.map(detailText).join("; ");
  const lines = [`- **${change.kind}** ${addressText(change)}${details === "" ? "" : ` (${details})`}`];
  for (const finding of change.findings) {
    if (finding.severity === "info") lines.push(`  - ${describeFinding(finding, change.type)}`);
  }
  return lines;
}

function detailText(detail: ChangeDetail): string {
  return "note" in detail ? `${detail.label}: ${detail.note}` : `${detail.label} ${codeList(detail.values)}`;
}

function addressText(change: AccessChange): string {
  const deposed = change.deposed === undefined ? "" : ` (deposed object ${code(change.deposed)})`;
  return `${code(change.address)}${deposed}`;
}

/** Counts changes per kind in a fixed order, for example "2 create, 1 delete". */
function countText(changes: AccessChange[]): string {
  const parts: string[] = [];
  for (const kind of KIND_ORDER) {
    const count = changes.filter((change) => change.kind === kind).length;
    if (count > 0) parts.push(`${count} ${kind}`);
  }
  return parts.join(", ");
}

function unchangedText(count: number, qualifier: string): string {
  return count === 1 ? `1 ${qualifier}access resource is unchanged.` : `${count} ${qualifier}access resources are unchanged.`;
}
