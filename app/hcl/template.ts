/**
 * Splits a Terraform string template into literal text and `${...}` / `%{...}` sequences.
 *
 * Every string in a cdk.tf.json file is a Terraform template: `${expr}` interpolates an
 * expression, `%{...}` is a directive, and `$${` / `%%{` are escapes for the literal
 * characters. The Terraform evaluator and the HCL writer both need the exact end of each
 * sequence. A regular expression cannot find it, because an expression may contain
 * object braces and quoted strings that hold further templates, such as
 * `${replace(aws_iam_openid_connect_provider.oidc.url, "https://", "")}`.
 *
 * The input is the decoded string value, that is, after `JSON.parse` of cdk.tf.json.
 */

/** Literal text, with any `$${` and `%%{` escapes kept as written. */
export interface LiteralPart {
  kind: "literal";
  text: string;
}

/** A `${...}` interpolation or a `%{...}` directive. */
export interface SequencePart {
  kind: "interpolation" | "directive";
  /** Expression source between the delimiters. */
  source: string;
  /** Full sequence including `${` or `%{` and the closing `}`. */
  text: string;
}

/** One piece of a template, in source order. */
export type TemplatePart = LiteralPart | SequencePart;

/**
 * Splits `template` into literal parts and sequences. Concatenating every part's `text`
 * reproduces the input exactly.
 *
 * @throws Error when a sequence is not closed or uses syntax this scanner does not
 *   handle (heredocs and comments inside an expression).
 */
export function splitTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literalStart = 0;
  let i = 0;

  while (i < template.length) {
    if (template.startsWith("$${", i) || template.startsWith("%%{", i)) {
      i += 3;
      continue;
    }

    const isInterpolation = template.startsWith("${", i);
    const isDirective = template.startsWith("%{", i);
    if (!isInterpolation && !isDirective) {
      i += 1;
      continue;
    }

    if (i > literalStart) {
      parts.push({ kind: "literal", text: template.slice(literalStart, i) });
    }
    const close = findExpressionEnd(template, i + 2);
    parts.push({
      kind: isInterpolation ? "interpolation" : "directive",
      source: template.slice(i + 2, close),
      text: template.slice(i, close + 1),
    });
    i = close + 1;
    literalStart = i;
  }

  if (literalStart < template.length) {
    parts.push({ kind: "literal", text: template.slice(literalStart) });
  }
  return parts;
}

/**
 * Returns the index of the `}` that closes the expression starting at `start`.
 * Braces of object constructors and quoted strings (with their own nested templates)
 * are skipped.
 */
export function findExpressionEnd(source: string, start: number): number {
  let depth = 0;
  let i = start;

  while (i < source.length) {
    const char = source[i];
    if (char === '"') {
      i = findQuotedStringEnd(source, i + 1) + 1;
      continue;
    }
    if (source.startsWith("<<", i) || char === "#" || source.startsWith("//", i) || source.startsWith("/*", i)) {
      throw new Error(
        `Unsupported syntax at offset ${i} in template expression ${JSON.stringify(source)}: ` +
          "heredocs and comments inside `${...}` are not handled by this scanner; rewrite the expression without them.",
      );
    }
    if (char === "{") {
      depth += 1;
    } else if (char === "}") {
      if (depth === 0) {
        return i;
      }
      depth -= 1;
    }
    i += 1;
  }

  throw new Error(
    `Unterminated template sequence starting at offset ${start - 2} in ${JSON.stringify(source)}: ` +
      "every `${` or `%{` needs a closing `}`; write `$${` for a literal `${`.",
  );
}

/**
 * Returns the index of the `"` that closes a quoted HCL string whose content starts at
 * `start`. Backslash escapes and nested `${...}` sequences are skipped.
 */
export function findQuotedStringEnd(source: string, start: number): number {
  let i = start;

  while (i < source.length) {
    const char = source[i];
    if (char === "\\") {
      i += 2;
      continue;
    }
    if (source.startsWith("$${", i) || source.startsWith("%%{", i)) {
      i += 3;
      continue;
    }
    if (source.startsWith("${", i) || source.startsWith("%{", i)) {
      i = findExpressionEnd(source, i + 2) + 1;
      continue;
    }
    if (char === '"') {
      return i;
    }
    i += 1;
  }

  throw new Error(
    `Unterminated quoted string starting at offset ${start - 1} in ${JSON.stringify(source)}: add the closing '"'.`,
  );
}
