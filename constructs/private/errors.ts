import { IConstruct } from "constructs";

/** One rejected input: the field, the value received, what is wrong with it and how to fix it. */
export interface InputProblem {
  /** Name of the prop or config field, as the caller wrote it. */
  readonly field: string;
  /** The value that arrived. */
  readonly received: unknown;
  /** The broken constraint, phrased to follow "FIELD ...", for example "must be at most 64 characters". */
  readonly problem: string;
  /** The change the caller should make. */
  readonly fix: string;
}

/**
 * Error for input that a construct rejects while it is being built.
 *
 * The message starts with the construct path, so a reader of a large app
 * finds the declaration that caused it.
 */
export class ConstructInputError extends Error {
  public readonly constructPath: string;
  public readonly field: string;
  public readonly received: unknown;
  public readonly fix: string;

  public constructor(scope: IConstruct | string, problem: InputProblem) {
    const path = typeof scope === "string" ? scope : scope.node.path;
    super(`${path}: ${problem.field} ${problem.problem}, got ${describeValue(problem.received)}. ${problem.fix}`);
    this.name = "ConstructInputError";
    this.constructPath = path;
    this.field = problem.field;
    this.received = problem.received;
    this.fix = problem.fix;
  }
}

/** Renders a received value for an error message: JSON, so strings show their quotes and spaces. */
export function describeValue(value: unknown): string {
  if (value === undefined) {
    return "nothing";
  }
  return JSON.stringify(value) ?? String(value);
}
