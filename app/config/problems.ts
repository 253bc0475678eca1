/** A problem found in a configuration file, at a path inside it. */
export interface ConfigProblem {
  /** Path inside the file, for example `workloads[2].access.clusters[0]`. */
  readonly path: string;
  /** The broken constraint and its fix, starting with a verb phrase such as "must be ...". */
  readonly message: string;
  /**
   * The value found at the path: undefined when the field is missing, and
   * the key absent when no value applies, as for a syntax error.
   */
  readonly received?: unknown;
}

/** Raised when a configuration file is invalid; one line per problem. */
export class ConfigError extends Error {
  public constructor(
    public readonly file: string,
    public readonly problems: readonly ConfigProblem[],
  ) {
    super(problems.map((problem) => formatProblem(file, problem)).join("\n"));
    this.name = "ConfigError";
  }
}

/** Formats a problem as `FILE: PATH: MESSAGE (got VALUE)`. */
export function formatProblem(file: string, problem: ConfigProblem): string {
  const where = problem.path === "" ? file : `${file}: ${problem.path}`;
  if (!("received" in problem)) {
    return `${where}: ${problem.message}`;
  }
  const got = problem.received === undefined ? "nothing" : describe(problem.received);
  return `${where}: ${problem.message} (got ${got})`;
}

/** Renders a path of keys and indexes as `a.b[0].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => (typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`))
    .join("");
}

/** Reads the value at a path of keys and indexes, or undefined. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== "object") {
      return undefined;
    }
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) {
    return String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
