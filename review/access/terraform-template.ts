/**
 * Terraform string templates as cdktf writes them into cdk.tf.json: literal
 * text with `${EXPR}` interpolations for values known only at apply time.
 * `$${` is Terraform's escape for a literal `${`.
 */

/** One piece of a template: literal text or an interpolated expression. */
export type TemplatePart = { readonly literal: string } | { readonly expression: string };

/** A reference to a resource or data source attribute, such as `aws_iam_role.app.arn`. */
export interface TerraformReference {
  /** `resource` for `TYPE.NAME`, `data` for `data.TYPE.NAME`. */
  readonly mode: "resource" | "data";
  readonly type: string;
  readonly name: string;
  /** The first attribute after the name, for example `arn`; empty when none follows. */
  readonly attribute: string;
}

/** Splits a template into literal text and interpolations. An unterminated `${` stays literal. */
export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = "";
  let index = 0;
  while (index < text.length) {
    if (text.startsWith("$${", index)) {
      literal += "${";
      index += 3;
      continue;
    }
    if (text.startsWith("${", index)) {
      const end = interpolationEnd(text, index + 2);
      if (end >= 0) {
        if (literal !== "") parts.push({ literal });
        literal = "";
        parts.push({ expression: stripMarkers(text.slice(index + 2, end)) });
        index = end + 1;
        continue;
      }
    }
    literal += text[index];
    index += 1;
  }
  if (literal !== "") parts.push({ literal });
  return parts;
}

/**
 * Returns the index of the `}` that closes an interpolation whose expression
 * starts at `start`, or -1. Braces and quoted strings inside the expression
 * are skipped, because `replace(url, "https://", "")` contains both quotes and,
 * in other expressions, object braces.
 */
export function interpolationEnd(text: string, start: number): number {
  let depth = 0;
  let index = start;
  while (index < text.length) {
    const character = text[index];
    if (character === '"') {
      index = quotedStringEnd(text, index + 1);
      continue;
    }
    if (character === "{") depth += 1;
    if (character === "}") {
      if (depth === 0) return index;
      depth -= 1;
    }
    index += 1;
  }
  return -1;
}

/** Returns the index after the closing quote of an HCL string literal that starts at `start`. */
function quotedStringEnd(text: string, start: number): number {
  let index = start;
  while (index < text.length) {
    if (text[index] === "\\") {
      index += 2;
      continue;
    }
    if (text[index] === '"') return index + 1;
    if (text.startsWith("${", index)) {
      const end = interpolationEnd(text, index + 2);
      if (end < 0) return text.length;
      index = end + 1;
      continue;
    }
    index += 1;
  }
  return text.length;
}

/** Removes the `~` whitespace-strip markers Terraform allows at either end of an interpolation. */
function stripMarkers(expression: string): string {
  return expression.replace(/^~/, "").replace(/~$/, "").trim();
}

/** Tells whether the text contains at least one interpolation. */
export function hasInterpolation(text: string): boolean {
  return parseTemplate(text).some((part) => "expression" in part);
}

/** Returns the expression when the whole text is one interpolation, else undefined. */
export function soleExpression(text: string): string | undefined {
  const parts = parseTemplate(text);
  return parts.length === 1 && "expression" in parts[0] ? parts[0].expression : undefined;
}

/** Words for a value known only at apply time. */
export function applyTimeWords(expression: string): string {
  return `(known at apply time: ${expression})`;
}

/** Renders a template for a reader: literal text as is, each interpolation as {@link applyTimeWords}. */
export function templateWords(text: string): string {
  return parseTemplate(text)
    .map((part) => ("literal" in part ? part.literal : applyTimeWords(part.expression)))
    .join("");
}

const REFERENCE_PATTERN = /(?<![\w.-])(data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?/g;

/** Finds every resource or data source reference inside an expression, in order of appearance. */
export function referencesIn(expression: string): TerraformReference[] {
  const withoutStrings = expression.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return [...withoutStrings.matchAll(REFERENCE_PATTERN)].map((match) => ({
    mode: match[1] === undefined ? "resource" : "data",
    type: match[2],
    name: match[3],
    attribute: match[4] ?? "",
  }));
}

/** Returns the reference when the whole text is `${TYPE.NAME.ATTRIBUTE}` (or `data.`), else undefined. */
export function soleReference(text: string): TerraformReference | undefined {
  const expression = soleExpression(text);
  if (expression === undefined) return undefined;
  const references = referencesIn(expression);
  if (references.length !== 1) return undefined;
  const reference = references[0];
  const prefix = reference.mode === "data" ? "data." : "";
  const attribute = reference.attribute === "" ? "" : `.${reference.attribute}`;
  return expression === `${prefix}${reference.type}.${reference.name}${attribute}` ? reference : undefined;
}
