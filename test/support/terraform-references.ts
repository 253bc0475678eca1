/**
 * Finds and replaces Terraform references (`aws_iam_role.app.arn`,
 * `data.aws_caller_identity.current.account_id`, `var.x`, `local.x`, `module.m.out`)
 * inside the `${...}` sequences of a template, leaving quoted strings, function names and
 * attribute accesses on other expressions untouched.
 *
 * A reference is written back as the exact text found in the template, for example
 * `mongodbatlas_advanced_cluster.main.connection_strings[0].standard_srv`, so callers key
 * their values by that text.
 */
import { findQuotedStringEnd, splitTemplate } from "./hcl-template";

/** Callback that returns the replacement expression for a reference, or undefined to keep it. */
export type ReferenceReplacer = (reference: string) => string | undefined;

/** Roots that are references although they contain no underscore. */
const NAMED_ROOTS = new Set(["data", "var", "local", "module"]);

/**
 * Matches a managed resource type such as `aws_iam_role` or `terraform_data`. Resource
 * types are named `<provider>_<name>`, so they contain an underscore. A type equal to a
 * bare provider name is allowed by Terraform but not detected, so Terraform then fails on
 * the undeclared resource.
 *
 * NOTE: a for-expression variable with an underscore (`[for my_item in x : my_item.id]`)
 * also matches. Such a variable is then reported as a reference without a value, so the
 * mistake shows up as an error, never as a wrong result.
 */
const RESOURCE_TYPE = /^[a-z][a-z0-9]*_[a-z0-9_]+$/;

/** Lists the distinct references in `template`, in order of first appearance. */
export function listReferences(template: string): string[] {
  const found: string[] = [];
  replaceReferences(template, (reference) => {
    if (!found.includes(reference)) {
      found.push(reference);
    }
    return undefined;
  });
  return found;
}

/** Returns `template` with every reference replaced by the text `replace` returns for it. */
export function replaceReferences(template: string, replace: ReferenceReplacer): string {
  return splitTemplate(template)
    .map((part) => {
      if (part.kind === "literal") {
        return part.text;
      }
      const opener = part.kind === "interpolation" ? "${" : "%{";
      return `${opener}${replaceInExpression(part.source, replace)}}`;
    })
    .join("");
}

function replaceInExpression(expression: string, replace: ReferenceReplacer): string {
  let output = "";
  let i = 0;

  while (i < expression.length) {
    const char = expression[i];

    if (char === '"') {
      // A quoted string is itself a template and may hold further references.
      const end = findQuotedStringEnd(expression, i + 1);
      output += `"${replaceReferences(expression.slice(i + 1, end), replace)}"`;
      i = end + 1;
      continue;
    }

    if (/[0-9]/.test(char)) {
      const number = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(expression.slice(i))![0];
      output += number;
      i += number.length;
      continue;
    }

    if (!/[A-Za-z_]/.test(char)) {
      output += char;
      i += 1;
      continue;
    }

    const traversal = readTraversal(expression, i);
    const isAttributeOfExpression = /\.\s*$/.test(output);
    const isFunctionCall = /^\s*(\(|::)/.test(expression.slice(i + traversal.length));
    const replacement =
      !isAttributeOfExpression && !isFunctionCall && isReference(traversal) ? replace(traversal) : undefined;
    output += replacement ?? traversal;
    i += traversal.length;
  }

  return output;
}

/** Reads an identifier followed by `.name`, `[0]` and `["key"]` steps, without spaces. */
function readTraversal(expression: string, start: number): string {
  let end = start + /^[A-Za-z_][A-Za-z0-9_-]*/.exec(expression.slice(start))![0].length;

  for (;;) {
    const rest = expression.slice(end);
    const step = /^(\.[A-Za-z0-9_][A-Za-z0-9_-]*|\[[0-9]+\])/.exec(rest);
    if (step) {
      end += step[0].length;
      continue;
    }
    if (rest.startsWith('["')) {
      const close = findQuotedStringEnd(expression, end + 2);
      if (expression[close + 1] === "]") {
        end = close + 2;
        continue;
      }
    }
    return expression.slice(start, end);
  }
}

function isReference(traversal: string): boolean {
  const steps = traversal.split(/[.[]/);
  const root = steps[0];
  if (root === "data") {
    return steps.length >= 3;
  }
  if (NAMED_ROOTS.has(root)) {
    return steps.length >= 2;
  }
  return RESOURCE_TYPE.test(root) && steps.length >= 2;
}
