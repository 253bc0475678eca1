/**
 * Builds the access review of a Terraform plan from its JSON form.
 */
import { classifyActions } from "./actions";
import { diffAtlasUser } from "./atlas-user-diff";
import { compareText } from "./compare-text";
import {
  isAccessResourceType,
  type AccessChange,
  type AccessResourceType,
  type Finding,
  type ForcingAttribute,
  type PlanSummary,
} from "./model";
import { parsePlanInput, type ResourceChangeInput } from "./plan-input";
import { isMarked } from "./markers";
import { describeResource } from "./resource-details";
import { diffTrustPolicy } from "./trust-policy-diff";

/**
 * Summarizes the changes a plan makes to IAM and Atlas access resources.
 * `plan` is the parsed output of `terraform show -json PLANFILE`. Data sources
 * are skipped, and managed resources whose action is no-op, read or forget are
 * counted but not listed.
 * The function is pure. It throws PlanInputError when `plan` is not a plan in JSON format 1.x.
 */
export function summarizePlan(plan: unknown): PlanSummary {
  const input = parsePlanInput(plan);

  const changes: AccessChange[] = [];
  let unchangedCount = 0;
  for (const resourceChange of input.resource_changes ?? []) {
    if (resourceChange.mode === "data" || !isAccessResourceType(resourceChange.type)) continue;

    const change = summarizeChange(resourceChange, resourceChange.type);
    if (change === undefined) unchangedCount++;
    else changes.push(change);
  }

  changes.sort((left, right) => compareText(left.address, right.address) || compareText(left.deposed ?? "", right.deposed ?? ""));

  const summary: PlanSummary = {
    formatVersion: input.format_version,
    complete: input.errored !== true && input.complete !== false,
    changes,
    unchangedCount,
  };
  if (input.terraform_version !== undefined) summary.terraformVersion = input.terraform_version;
  return summary;
}

function summarizeChange(resourceChange: ResourceChangeInput, type: AccessResourceType): AccessChange | undefined {
  const classified = classifyActions(resourceChange.change.actions, resourceChange.address);
  if (!classified.reviewed) return undefined;

  const { change } = resourceChange;
  const before = change.before ?? {};
  const after = change.after ?? {};
  const kind = classified.kind;

  const findings: Finding[] = [];
  if (kind === "delete") findings.push({ topic: "lifecycle", kind: "deleted", severity: "attention" });
  if (kind === "replace") {
    findings.push({
      topic: "lifecycle",
      kind: "replaced",
      severity: "attention",
      order: classified.order ?? "delete-before-create",
      forcedBy: (change.replace_paths ?? []).map((path) => forcingAttribute(path, resourceChange)),
    });
  }

  if (kind === "update" || kind === "replace") {
    if (type === "aws_iam_role" && changedOrUnknown(before, after, change.after_unknown, "assume_role_policy")) {
      findings.push(
        ...diffTrustPolicy(before.assume_role_policy, after.assume_role_policy, isMarked(change.after_unknown, "assume_role_policy"))
      );
    }
    if (type === "mongodbatlas_database_user") findings.push(...diffAtlasUser(before, after, change.after_unknown));
  }

  const side =
    kind === "delete"
      ? { values: before, unknown: {}, sensitive: change.before_sensitive }
      : { values: after, unknown: change.after_unknown, sensitive: change.after_sensitive };

  const summary: AccessChange = {
    address: resourceChange.address,
    type,
    kind,
    details: describeResource(type, side),
    findings,
  };
  if (resourceChange.deposed !== undefined) summary.deposed = resourceChange.deposed;
  if (resourceChange.action_reason !== undefined) summary.actionReason = resourceChange.action_reason;
  return summary;
}

/** Describes one `replace_paths` entry, adding old and new values that are safe and useful to show. */
function forcingAttribute(path: (string | number)[], resourceChange: ResourceChangeInput): ForcingAttribute {
  const attribute: ForcingAttribute = { path: formatAttributePath(path) };
  const name = path[0];
  if (path.length !== 1 || typeof name !== "string") return attribute;

  const { change } = resourceChange;
  const before = change.before?.[name];
  const after = change.after?.[name];
  if (typeof before === "string" && !isMarked(change.before_sensitive, name)) attribute.before = before;
  if (typeof after === "string" && !isMarked(change.after_sensitive, name) && !isMarked(change.after_unknown, name))
    attribute.after = after;
  return attribute;
}

/** Formats a `replace_paths` entry such as `["roles", 0, "role_name"]` as `roles[0].role_name`. */
function formatAttributePath(path: (string | number)[]): string {
  let text = "";
  for (const step of path) {
    text += typeof step === "number" ? `[${step}]` : `${text === "" ? "" : "."}${step}`;
  }
  return text;
}

function changedOrUnknown(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  afterUnknown: unknown,
  attribute: string
): boolean {
  return isMarked(afterUnknown, attribute) || before[attribute] !== after[attribute];
}
