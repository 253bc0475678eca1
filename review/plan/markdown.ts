/**
 * Markdown helpers for text that comes from a plan. Every plan value is put in a
 * code span, so names cannot add links, mentions, HTML or formatting to a PR comment.
 */

/** Wraps `text` in a code span whose backtick fence is longer than any run inside it; line breaks become spaces. */
export function code(text: string): string {
  const flat = text.replace(/[\r\n]+/g, " ");
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const padding = flat.startsWith("`") || flat.endsWith("`") || flat === "" ? " " : "";
  return `${fence}${padding}${flat}${padding}${fence}`;
}

/** Formats values as comma-separated code spans. */
export function codeList(values: readonly string[]): string {
  return values.map(code).join(", ");
}
