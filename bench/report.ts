import { BudgetVerdict } from "./budgets";
import { Measurement } from "./measure";

/** A group of rows in the results table. */
export interface TableSection {
  readonly title: string;
  readonly rows: readonly Measurement[];
}

/** Formats seconds with two decimals. */
export function formatSeconds(seconds: number): string {
  return `${seconds.toFixed(2)} s`;
}

/** Formats bytes in decimal units: B, kB or MB. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) {
    return "n/a";
  }
  if (bytes < 1e3) {
    return `${bytes} B`;
  }
  return bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * Renders a Markdown table of every measurement with its wall time, peak memory and
 * output size, each also as a multiple of the floor's.
 */
export function renderTable(sections: readonly TableSection[], floor: Measurement): string {
  const lines = [
    "| Measurement | Command | Runs | Wall (median) | x floor | Peak RSS (median) | x floor | Output | x floor |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const section of sections) {
    lines.push(`| **${section.title}** | | | | | | | | |`);
    for (const row of section.rows) {
      const failed = row.failedRuns === 0 ? "" : ` (${row.failedRuns} failed)`;
      lines.push(
        `| ${row.label}${failed} | \`${row.commandLine}\` | ${row.runs} | ${formatSeconds(row.wallSeconds)} | ${ratio(row.wallSeconds, floor.wallSeconds)} | ` +
          `${formatBytes(row.maxRssBytes)} | ${ratio(row.maxRssBytes, floor.maxRssBytes)} | ${formatBytes(row.outputBytes)} | ${ratio(row.outputBytes, floor.outputBytes)} |`,
      );
    }
  }
  return lines.join("\n");
}

/** Renders the budgets as a Markdown table with PASS, FAIL or "not measured". */
export function renderBudgets(verdicts: readonly BudgetVerdict[]): string {
  const lines = ["| Budget | Limit | Measured | Verdict |", "| --- | --- | --- | --- |"];
  for (const verdict of verdicts) {
    lines.push(`| ${verdict.name} | ${verdict.limit} | ${verdict.measured} | ${verdictWord(verdict)} |`);
  }
  return lines.join("\n");
}

/** Returns PASS, FAIL, or "not measured" for a verdict. */
export function verdictWord(verdict: BudgetVerdict): string {
  if (verdict.pass === undefined) {
    return "not measured";
  }
  return verdict.pass ? "PASS" : "**FAIL**";
}

function ratio(value: number | undefined, floor: number | undefined): string {
  if (value === undefined || floor === undefined || floor === 0) {
    return "";
  }
  return `${(value / floor).toFixed(1)}x`;
}
