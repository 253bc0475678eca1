/**
 * Writes Terraform JSON values as HCL expressions.
 *
 * How strings survive: a JSON-syntax string and a quoted HCL string are both Terraform
 * templates, so the template text is kept as is. Only the literal parts between `${...}` /
 * `%{...}` sequences get HCL escapes (`\"`, `\\`, `\n`). The sequences themselves are
 * copied verbatim because the quotes inside them are expression syntax, not string
 * content. `$external` needs no escape because `$` starts an interpolation only before
 * `{`. The escapes `$${` and `%%{` are copied unchanged.
 *
 * A string that is exactly one `${...}` interpolation is written as the bare expression,
 * which is how `terraform fmt` writes it. Terraform gives both forms the same value: an
 * interpolation-only template returns the expression's value without converting it.
 */
import { splitTemplate } from "./template";

/** A parsed cdk.tf.json document or a part of one. */
export type JsonObject = Record<string, unknown>;

/** Writes a template as a quoted HCL string, escaping only the literal parts. */
export function renderTemplateString(template: string): string {
  const body = splitTemplate(template)
    .map((part) => (part.kind === "literal" ? escapeLiteral(part.text) : part.text))
    .join("");
  return `"${body}"`;
}

/**
 * Writes a string argument value: the bare expression when the string is a single
 * interpolation, otherwise a quoted template.
 */
export function renderStringValue(template: string): string {
  const expression = singleInterpolation(template);
  return expression === undefined ? renderTemplateString(template) : expression;
}

/**
 * Writes a string that Terraform JSON reads as an expression, not as a template (a
 * reference in `depends_on`, a provider address, a type constraint, a `moved` address),
 * as a bare HCL expression. A `${...}` wrapper, which Terraform JSON also accepts there,
 * is removed.
 */
export function renderBareExpression(text: string): string {
  return singleInterpolation(text) ?? text;
}

/**
 * Writes a list of expression strings, such as `depends_on`, or a single one.
 *
 * @throws Error naming `path` when the value is neither a string nor a list of strings.
 */
export function renderBareList(value: unknown, path: string): string {
  if (typeof value === "string") {
    return renderBareExpression(value);
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    throw new Error(`Invalid ${path} ${JSON.stringify(value)}: expected a reference string or a list of them.`);
  }
  return `[${value.map(renderBareExpression).join(", ")}]`;
}

/** Writes any JSON value as an HCL expression. JSON comment properties (`"//"`) are dropped. */
export function renderValue(value: unknown): string {
  if (typeof value === "string") {
    return renderStringValue(value);
  }
  if (value === null || typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map(renderValue).join(", ")}]`;
  }
  const entries = Object.entries(value as JsonObject).filter(([key]) => key !== "//");
  if (entries.length === 0) {
    return "{}";
  }
  const items = entries.map(([key, item]) => `${renderObjectKey(key)} = ${renderValue(item)}`);
  return `{\n${items.join("\n")}\n}`;
}

/** Writes an object key: bare when it is an identifier, otherwise a quoted template. */
export function renderObjectKey(key: string): string {
  const isPlainIdentifier = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) && !["true", "false", "null"].includes(key);
  return isPlainIdentifier ? key : renderTemplateString(key);
}

/** Returns the expression source of a template that is exactly one `${...}`, else undefined. */
function singleInterpolation(template: string): string | undefined {
  const parts = splitTemplate(template);
  if (parts.length !== 1 || parts[0].kind !== "interpolation") {
    return undefined;
  }
  const source = parts[0].source.trim();
  // Parentheses keep a multi-line expression, such as a conditional, one expression.
  return source.includes("\n") ? `(${source})` : source;
}

function escapeLiteral(text: string): string {
  return text.replace(/[\\"\u0000-\u001f\u007f]/g, (char) => {
    switch (char) {
      case "\\":
        return "\\\\";
      case '"':
        return '\\"';
      case "\n":
        return "\\n";
      case "\r":
        return "\\r";
      case "\t":
        return "\\t";
      default:
        return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
    }
  });
}
