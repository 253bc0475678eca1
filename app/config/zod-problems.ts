import { z } from "zod";
import { ConfigProblem, formatPath, valueAt } from "./problems";

/** Converts schema issues to problems a person can act on, with the value found. */
export function problemsFromIssues(root: unknown, issues: readonly z.core.$ZodIssue[], knownKeys: readonly string[]): ConfigProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      const parent = valueAt(root, issue.path);
      return issue.keys.map((key) => ({
        path: formatPath([...issue.path, key]),
        message: `is not a known key${suggestion(key, knownKeys)}. Remove it or fix its spelling`,
        received: (parent as Record<string, unknown>)[key],
      }));
    }
    return [{ path: formatPath(issue.path), message: messageOf(issue, valueAt(root, issue.path)), received: valueAt(root, issue.path) }];
  });
}

function messageOf(issue: z.core.$ZodIssue, received: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return received === undefined ? `is missing. Add a ${issue.expected}` : `must be a ${issue.expected}, not ${kindOf(received)}`;
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
