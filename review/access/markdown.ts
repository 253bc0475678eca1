/**
 * Markdown escaping for text that comes from the synthesized output. Names,
 * messages and reasons are escaped so that they cannot add links, HTML or
 * emphasis to a pull-request comment, and so that `|` cannot end a table cell.
 */

/** Escapes text for Markdown; line breaks become spaces. */
export function escapeText(text: string): string {
  return flatten(text).replace(/[\\`*_[\]<>|~&]/g, (character) => `\\${character}`);
}

/** Wraps text in a code span whose fence is longer than any run of backticks inside it. */
export function codeSpan(text: string): string {
  const flat = flatten(text);
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const padding = flat.startsWith("`") || flat.endsWith("`") || flat === "" ? " " : "";
  return `${fence}${padding}${flat}${padding}${fence}`;
}

/**
 * Wraps text in a code span for a table cell. GitHub splits table cells at
 * `|` before it reads code spans, so the pipe is escaped even inside the span.
 */
export function codeSpanInCell(text: string): string {
  return codeSpan(text).replace(/\|/g, "\\|");
}

function flatten(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
}
