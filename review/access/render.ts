/** Markdown for the access report, suited to a pull-request comment. */
import { GuardrailSuppression, GuardrailWarning } from "./annotations";
import { codeSpan, codeSpanInCell, escapeText } from "./markdown";
import { AccessReport, StackAccess, WorkloadAccess } from "./model";
import { TrustPhrase } from "./trust-phrase";

const COLUMNS = ["Workload", "Kind", "IAM role", "Who may assume it", "Atlas user", "Roles", "Scopes", "Connection string"];
const NONE = "—";
const LINE_BREAK = "<br>";

/** Renders the whole report, ending with a line break. */
export function renderAccessReport(report: AccessReport): string {
  const lines = ["## Database access", ""];
  if (report.stacks.length === 0) {
    lines.push("The output holds no stacks.", "");
  }
  for (const stack of report.stacks) lines.push(...stackLines(stack));
  return `${lines.join("\n").trimEnd()}\n`;
}

function stackLines(stack: StackAccess): string[] {
  const lines = [`### Stack ${codeSpan(stack.name)}`, ""];
  if (stack.workloads.length === 0) {
    lines.push("No Atlas database users in this stack.", "");
  } else {
    const label = stack.projects.length === 1 ? "Atlas project" : "Atlas projects";
    lines.push(`${label}: ${stack.projects.map(codeSpan).join(", ")}`, "");
    lines.push(tableRow(COLUMNS.map(escapeText)), tableRow(COLUMNS.map(() => "---")));
    lines.push(...stack.workloads.map((workload) => tableRow(workloadCells(workload))), "");
  }
  lines.push("#### Guardrail warnings", "", ...listOrNone(stack.guardrails.warnings.map(warningLine)), "");
  lines.push("#### Suppressions", "", ...listOrNone(stack.guardrails.suppressions.map(suppressionLine)), "");
  return lines;
}

function workloadCells(row: WorkloadAccess): string[] {
  const scopes = row.reach.projectWide
    ? "**every cluster in the project**"
    : row.reach.scopes.map((scope) => escapeText(`${scope.type} ${scope.name}`)).join(LINE_BREAK);
  return [
    escapeText(row.workload),
    escapeText(row.kind),
    row.roleName === undefined ? NONE : escapeText(row.roleName),
    row.trust.map(phraseCell).join(LINE_BREAK),
    escapeText(row.atlasUser),
    row.roles.map(codeSpanInCell).join(", "),
    scopes,
    row.connectionStrings.length === 0 ? NONE : row.connectionStrings.map(codeSpanInCell).join(LINE_BREAK),
  ];
}

/** Renders a trust phrase followed by its flags, each marked with a warning sign. */
function phraseCell(phrase: TrustPhrase): string {
  const flags = phrase.flags.map((flag) => ` ⚠ ${escapeText(flag)}`).join("");
  return `${escapeText(phrase.text)}${flags}`;
}

function warningLine(warning: GuardrailWarning): string {
  const level = warning.level === "error" ? "**error** " : "";
  const rule = warning.ruleId === undefined ? "" : `${codeSpan(warning.ruleId)} `;
  return `- ${level}${rule}on ${codeSpan(warning.path)}: ${escapeText(warning.message)}`;
}

function suppressionLine(suppression: GuardrailSuppression): string {
  return `- ${codeSpan(suppression.ruleId)} on ${codeSpan(suppression.path)}: ${escapeText(suppression.reason)}`;
}

function listOrNone(items: readonly string[]): string[] {
  return items.length === 0 ? ["none"] : [...items];
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}
