/**
 * The access report as data. Each stack has one row per Atlas database user
 * with the IAM identity behind it, who may use that identity, and what it
 * may reach in Atlas. The stack's guardrail warnings and suppressions follow.
 */
import { GuardrailResults, guardrailResults } from "./annotations";
import { AtlasIdentity, AtlasReach, atlasIdentity, atlasReach, atlasRoles } from "./atlas-user";
import { SynthOutput, SynthStack } from "./read-output";
import { IndexedBlock, StackIndex, compareText } from "./stack-index";
import { KIND, TrustPhrase } from "./trust-phrase";
import { describeTrust } from "./trust-words";
import { templateWords } from "./terraform-template";

/** The whole report. */
export interface AccessReport {
  /** Sorted by name. */
  readonly stacks: readonly StackAccess[];
}

/** One stack's part of the report. */
export interface StackAccess {
  readonly name: string;
  /** The distinct Atlas project IDs of the stack's database users, sorted. */
  readonly projects: readonly string[];
  /** Sorted by workload, then by the Atlas user's address. */
  readonly workloads: readonly WorkloadAccess[];
  readonly guardrails: GuardrailResults;
}

/** One Atlas database user and the identity behind it. */
export interface WorkloadAccess {
  /** The construct path below the stack that contains the workload, for example `checkout-api`. */
  readonly workload: string;
  /** Workload kinds joined with " + ", for example `Lambda` or `existing role`. */
  readonly kind: string;
  /** The IAM role name; undefined when the identity is not a role. */
  readonly roleName: string | undefined;
  /** Phrases naming who may assume the role, or who has the identity's credentials. */
  readonly trust: readonly TrustPhrase[];
  /** The Atlas username in words: the literal ARN, or `ARN of role NAME` for a reference. */
  readonly atlasUser: string;
  /** The Terraform address of the database user. */
  readonly atlasUserAddress: string;
  readonly projectId: string;
  /** Database roles as `ROLE@DATABASE` or `ROLE@DATABASE.COLLECTION`. */
  readonly roles: readonly string[];
  readonly reach: AtlasReach;
  /** Connection strings from the stack's outputs under the workload's construct, sorted by output ID. */
  readonly connectionStrings: readonly string[];
}

/** Builds the report of every stack of a synthesized output. */
export function buildAccessReport(output: SynthOutput): AccessReport {
  return {
    stacks: [...output.stacks].sort((left, right) => compareText(left.name, right.name)).map(buildStackAccess),
  };
}

/** Builds one stack's part of the report. */
export function buildStackAccess(stack: SynthStack): StackAccess {
  const index = new StackIndex(stack);
  const workloads = index
    .resources("mongodbatlas_database_user")
    .map((user) => workloadRow(user, index))
    .sort((left, right) => compareText(left.workload, right.workload) || compareText(left.atlasUserAddress, right.atlasUserAddress));
  return {
    name: stack.name,
    projects: [...new Set(workloads.map((row) => row.projectId))].sort(compareText),
    workloads,
    guardrails: guardrailResults(stack.annotations, stack.name),
  };
}

function workloadRow(user: IndexedBlock, index: StackIndex): WorkloadAccess {
  const identity = atlasIdentity(user, index);
  const workload = workloadPath(user, identity);
  return {
    workload,
    ...identityColumns(identity, index),
    atlasUserAddress: user.address,
    projectId: typeof user.body.project_id === "string" ? templateWords(user.body.project_id) : "(not set)",
    roles: atlasRoles(user),
    reach: atlasReach(user),
    connectionStrings: connectionStrings(index, workload),
  };
}

type IdentityColumns = Pick<WorkloadAccess, "kind" | "roleName" | "trust" | "atlasUser">;

function identityColumns(identity: AtlasIdentity, index: StackIndex): IdentityColumns {
  switch (identity.kind) {
    case "role": {
      const trust = describeTrust(identity.role, index);
      const name = nameOf(identity.role);
      return { kind: trust.kinds.join(" + "), roleName: name, trust: trust.phrases, atlasUser: `ARN of role ${name}` };
    }
    case "user": {
      const name = nameOf(identity.user);
      return { kind: KIND.iamUser, roleName: undefined, trust: [credentialHolders(`IAM user ${name}`)], atlasUser: `ARN of IAM user ${name}` };
    }
    case "existing-role": {
      const phrase = { text: `defined outside this stack (role ${identity.arn.name}, account ${templateWords(identity.arn.account)})`, flags: [] };
      return { kind: KIND.existingRole, roleName: identity.arn.name, trust: [phrase], atlasUser: identity.text };
    }
    case "existing-user": {
      const holder = `IAM user ${identity.arn.name} (account ${templateWords(identity.arn.account)}), defined outside this stack`;
      return { kind: KIND.iamUser, roleName: undefined, trust: [credentialHolders(holder)], atlasUser: identity.text };
    }
    case "expression":
      return { kind: KIND.other, roleName: undefined, trust: [{ text: "an IAM identity this report cannot resolve", flags: [] }], atlasUser: identity.text };
    case "not-iam":
      return {
        kind: `${identity.method} user`,
        roleName: undefined,
        trust: [{ text: `not an AWS identity: signs in with ${identity.method}`, flags: [] }],
        atlasUser: identity.text,
      };
  }
}

function credentialHolders(identity: string): TrustPhrase {
  return { text: `anyone holding access keys or a session of ${identity}`, flags: [] };
}

function nameOf(block: IndexedBlock): string {
  const { name, name_prefix: prefix } = block.body;
  if (typeof name === "string") return templateWords(name);
  if (typeof prefix === "string") return `${templateWords(prefix)}… (suffix generated by Terraform)`;
  return `(name generated by Terraform for ${block.address})`;
}

/**
 * Returns the construct path that contains the workload: the common part of the paths
 * of the database user and of the role or IAM user it is keyed on. An Atlas
 * user on its own gives its parent path, without the `AtlasUser` ID that the
 * library's workload constructs give it.
 */
function workloadPath(user: IndexedBlock, identity: AtlasIdentity): string {
  let partner: IndexedBlock | undefined;
  if (identity.kind === "role") partner = identity.role;
  if (identity.kind === "user") partner = identity.user;
  const userSegments = user.path.split("/");
  if (partner !== undefined) {
    const common = commonPrefix(userSegments, partner.path.split("/"));
    if (common.length > 0) return common.join("/");
    return parentPath(partner.path.split("/"));
  }
  const parent = userSegments.slice(0, -1);
  if (parent.length > 1 && parent[parent.length - 1] === "AtlasUser") parent.pop();
  return parent.length > 0 ? parent.join("/") : userSegments[0];
}

function commonPrefix(left: readonly string[], right: readonly string[]): string[] {
  const common: string[] = [];
  for (let position = 0; position < Math.min(left.length, right.length) - 1; position += 1) {
    if (left[position] !== right[position]) break;
    common.push(left[position]);
  }
  return common;
}

function parentPath(segments: readonly string[]): string {
  return segments.length > 1 ? segments.slice(0, -1).join("/") : segments[0];
}

/** String outputs defined under the workload's construct that hold a MongoDB connection string. */
function connectionStrings(index: StackIndex, workload: string): string[] {
  return index
    .outputs()
    .filter((output) => output.path !== undefined && output.path.startsWith(`${workload}/`))
    .filter((output) => typeof output.value === "string" && (/^mongodb(\+srv)?:\/\//.test(output.value) || output.id.includes("connection_string")))
    .map((output) => output.value as string);
}
