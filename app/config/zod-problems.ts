import { z } from "zod";
import { ConfigProblem, formatPath, valueAt } from "./problems";

/** Converts schema issues to problems a person can act on, with the value found. */
export function problemsFromIssues(root: unknown, issues: readonly z.core.$ZodIssue[], knownKeys: readonly string[]): ConfigProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      const parent = valueAt(root, issue.path);
      return issue.keys.map((key) => ({
        path: formatPath([...issue.path, key]),
        message: unknownKeyMessage(key, knownKeys),
        received: (parent as Record<string, unknown>)[key],
      }));
    }
    return [{ path: formatPath(issue.path), message: messageOf(issue, valueAt(root, issue.path)), received: valueAt(root, issue.path) }];
  });
}

function messageOf(issue: z.core.$ZodIssue, received: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return received === undefined ? `is missing. Add ${describeType(issue.expected)}` : typeMessage(issue.expected, received);
    case "invalid_value":
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
    case "invalid_union": {
      // Zod reports a discriminated union's accepted values in `options`, which its issue type omits.
      const options = (issue as { options?: unknown }).options;
      if (Array.isArray(options)) {
        return `must be one of ${options.map((option) => JSON.stringify(option)).join(", ")}`;
      }
      return "matches none of the accepted forms";
    }
    case "too_small":
      return issue.message.startsWith("must") ? issue.message : `must have at least ${String(issue.minimum)} entries`;
    default:
      return issue.message.startsWith("must") ? issue.message : `is invalid: ${issue.message}`;
  }
}

/** Names a Zod type for a message, with its article: "an object", "a list", "a whole number". */
function describeType(expected: string): string {
  const names: Record<string, string> = { array: "a list", object: "an object", int: "a whole number", number: "a number", string: "a string", boolean: "true or false" };
  return names[expected] ?? `a value of type ${expected}`;
}

/**
 * Explains a type mismatch with the fix that YAML usually needs: an unquoted
 * account ID or external ID is read as a number, and losing its leading
 * zeros changes it, so it must be quoted.
 */
function typeMessage(expected: string, received: unknown): string {
  const base = `must be ${describeType(expected)}, not ${kindOf(received)}`;
  if (expected === "string" && typeof received === "number") {
    return `${base}. Quote the value in YAML so it stays text, leading zeros included`;
  }
  if (expected === "boolean" && typeof received === "string") {
    return `${base}. Write true or false without quotes`;
  }
  if ((expected === "number" || expected === "int") && typeof received === "string") {
    return `${base}. Write the number without quotes`;
  }
  return base;
}

function unknownKeyMessage(key: string, knownKeys: readonly string[]): string {
  if (knownKeys.includes(key)) {
    return "is not accepted here: the key belongs to another workload kind or section. Check the configuration reference in README.md";
  }
  return `is not a known key${suggestion(key, knownKeys)}. Remove it or fix its spelling`;
}

function kindOf(value: unknown): string {
  if (value === null) {
    return "null";
  }
  return Array.isArray(value) ? "a list" : `a ${typeof value}`;
}

/** Suggests the known key nearest to a misspelled one, within two edits. */
function suggestion(key: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined ? "" : ` (did you mean ${best}?)`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
