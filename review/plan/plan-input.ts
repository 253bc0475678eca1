/**
 * Shape check for the JSON that `terraform show -json PLANFILE` prints
 * (HashiCorp "JSON Output Format", format_version 1.x). Only the fields the
 * review reads are checked. Unknown fields are ignored so that plans from newer
 * minor versions still pass, as the format's compatibility rules ask.
 */
import { z } from "zod";

const FIX = "pass the output of `terraform show -json PLANFILE`";

/** Error for input that is not a readable Terraform plan; the message names the field and the fix. */
export class PlanInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanInputError";
  }
}

const pathStepSchema = z.union([z.string(), z.number()]);
const objectOrNull = z.record(z.string(), z.unknown()).nullable().optional();

const resourceChangeSchema = z.object({
  address: z.string().min(1),
  mode: z.enum(["managed", "data"]).optional(),
  type: z.string().min(1),
  name: z.string(),
  deposed: z.string().optional(),
  action_reason: z.string().optional(),
  change: z.object({
    actions: z.array(z.string()).min(1),
    before: objectOrNull,
    after: objectOrNull,
    after_unknown: z.unknown().optional(),
    before_sensitive: z.unknown().optional(),
    after_sensitive: z.unknown().optional(),
    replace_paths: z.array(z.array(pathStepSchema)).optional(),
  }),
});

const planSchema = z.object({
  format_version: z.string(),
  terraform_version: z.string().optional(),
  planned_values: z.unknown().optional(),
  resource_changes: z.array(resourceChangeSchema).optional(),
  errored: z.boolean().optional(),
  complete: z.boolean().optional(),
});

/** One entry of `resource_changes[]` after the shape check. */
export type ResourceChangeInput = z.infer<typeof resourceChangeSchema>;

/** Plan fields the review uses, after the shape check. */
export type PlanInput = z.infer<typeof planSchema>;

/**
 * Checks that `value` is a Terraform plan in JSON format 1.x and returns it typed.
 * Throws PlanInputError naming the first invalid field, the value received and the fix.
 * A plan without `resource_changes` passes only when `planned_values` is present,
 * because Terraform omits the list when the configuration has no resources, while
 * a state file (`terraform show -json` without a plan) has neither.
 */
export function parsePlanInput(value: unknown): PlanInput {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new PlanInputError(`top-level value is ${describe(value)}, expected a JSON object; ${FIX}`);
  }

  const record = value as Record<string, unknown>;
  if (!("format_version" in record)) {
    throw new PlanInputError(`format_version is missing, so this is not Terraform JSON output; ${FIX}`);
  }
  if (!("resource_changes" in record) && !("planned_values" in record)) {
    throw new PlanInputError(
      `resource_changes and planned_values are missing, so this is not a plan (a state file looks like this); ${FIX}`
    );
  }

  const result = planSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = formatPath(issue.path);
    const address = addressAt(record, issue.path);
    const suffix = address === undefined ? "" : ` (resource ${address})`;
    const problem = valueAt(record, issue.path) === undefined ? "is missing" : `is invalid: ${issue.message}`;
    throw new PlanInputError(`${where}${suffix} ${problem}; ${FIX}`);
  }

  const major = result.data.format_version.split(".")[0];
  if (major !== "1") {
    throw new PlanInputError(
      `format_version is "${result.data.format_version}", but only major version 1 is supported; ` +
        `produce the plan JSON with Terraform 1.x or update this reader`
    );
  }
  return result.data;
}

/** Formats a zod issue path as `resource_changes[3].change.actions`. */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "plan";
  let text = "";
  for (const step of path) {
    text += typeof step === "number" ? `[${step}]` : `${text === "" ? "" : "."}${String(step)}`;
  }
  return text;
}

function addressAt(record: Record<string, unknown>, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== "resource_changes" || typeof path[1] !== "number") return undefined;
  const changes = record.resource_changes;
  if (!Array.isArray(changes)) return undefined;
  const entry: unknown = changes[path[1]];
  if (typeof entry !== "object" || entry === null) return undefined;
  const address = (entry as Record<string, unknown>).address;
  return typeof address === "string" ? address : undefined;
}

function valueAt(record: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  let current: unknown = record;
  for (const step of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[step];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
