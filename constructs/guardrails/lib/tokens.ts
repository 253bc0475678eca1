/**
 * Terraform interpolations in synthesized values. A `${...}` or `%{...}` part is
 * only known at apply time, so rules treat it as unknown and check only the
 * literal text around it.
 */

/** One piece of a string: literal text, or an interpolation with its expression. */
export type Part = { kind: "literal"; text: string } | { kind: "expr"; expr: string };

/** Splits a string into literal parts and `${...}` / `%{...}` parts; `$${` and `%%{` stay literal. */
export function splitInterpolations(value: string): Part[] {
  const parts: Part[] = [];
  let literal = "";
  let i = 0;
  while (i < value.length) {
    const two = value.slice(i, i + 2);
    if ((two === "$$" || two === "%%") && value[i + 2] === "{") {
      // Terraform's escape for a literal `${` or `%{`.
      literal += value[i + 1] + "{";
      i += 3;
      continue;
    }
    if ((two === "${" || two === "%{") && i + 2 <= value.length) {
      const end = matchBrace(value, i + 1);
      if (end < 0) {
        literal += value.slice(i);
        break;
      }
      if (literal) parts.push({ kind: "literal", text: literal });
      literal = "";
      parts.push({ kind: "expr", expr: value.slice(i + 2, end) });
      i = end + 1;
      continue;
    }
    literal += value[i];
    i += 1;
  }
  if (literal) parts.push({ kind: "literal", text: literal });
  return parts;
}

/** Index of the `}` closing the `{` at `open`, skipping quoted strings; -1 when unbalanced. */
function matchBrace(value: string, open: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < value.length; i += 1) {
    const c = value[i];
    if (quoted) {
      if (c === "\\") i += 1;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === "{") depth += 1;
    else if (c === "}") {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** True when the string contains an interpolation, so its value is not known at synth. */
export function hasInterpolation(value: string): boolean {
  return splitInterpolations(value).some((p) => p.kind === "expr");
}

/** True for a string without interpolations; the literal value is then final. */
export function isKnownString(value: unknown): value is string {
  return typeof value === "string" && !hasInterpolation(value);
}

/** Returns the literal value of a known string with Terraform escapes undone, or undefined when unknown. */
export function literalValue(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const parts = splitInterpolations(value);
  if (parts.some((p) => p.kind === "expr")) return undefined;
  return parts.map((p) => (p.kind === "literal" ? p.text : "")).join("");
}

/** Literal text before the first interpolation (the whole value when there is none). */
export function literalPrefix(value: string): string {
  const first = splitInterpolations(value)[0];
  return first && first.kind === "literal" ? first.text : "";
}

/** Literal text after the last interpolation (the whole value when there is none). */
export function literalSuffix(value: string): string {
  const parts = splitInterpolations(value);
  const last = parts[parts.length - 1];
  return last && last.kind === "literal" ? last.text : "";
}

/** Concatenated literal text, interpolations left out; its length is a lower bound of the final length. */
export function literalText(value: string): string {
  return splitInterpolations(value)
    .map((p) => (p.kind === "literal" ? p.text : ""))
    .join("");
}

/** Lists the expressions inside the interpolations of a string. */
export function expressions(value: string): string[] {
  return splitInterpolations(value).flatMap((p) => (p.kind === "expr" ? [p.expr] : []));
}
