/**
 * The input model of the guardrail rules: the resolved JSON that cdktf writes
 * into cdk.tf.json, split into one record per resource or data source.
 */

/** One resource or data source block of a synthesized stack. */
export interface SynthResource {
  /** Terraform type, e.g. `aws_iam_role` or `aws_iam_policy_document`. */
  type: string;
  /** Logical id, the block's key under its type. */
  name: string;
  /** Terraform address: `${type}.${name}` for resources, `data.${type}.${name}` for data sources. */
  address: string;
  /** Construct path from `config["//"].metadata.path`; the address when the block has none. */
  path: string;
  /** The block body as in cdk.tf.json (snake_case keys), without the `//` metadata entry. */
  config: Record<string, unknown>;
}

/** Tunable limits for rules whose threshold depends on an account or project quota. */
export interface RuleOptions {
  /** Largest trust policy, in characters without whitespace (IAM default quota 2048, raisable to 8192). */
  trustPolicyMaxLength?: number;
  /** Largest number of database users in one Atlas project (documented default 100). */
  atlasUsersPerProject?: number;
}

/** Everything a rule may look at: one stack, plus the other stacks of the app when known. */
export interface RuleContext {
  /** All resources of one stack. */
  resources: SynthResource[];
  /** All data sources of the same stack. */
  dataSources: SynthResource[];
  /** Name (id) of the stack. */
  stackName: string;
  /** Resources of every stack in the app, this one included, for cross-stack checks. */
  allResourcesInApp?: SynthResource[];
  /**
   * Provider blocks of the stack, such as `provider.aws`: `type` is the
   * provider (`aws`), `name` its alias (empty for the default one), and
   * `address` the form a resource's `provider` field names it by (`aws`,
   * `aws.ALIAS`). Absent when unknown.
   */
  providers?: SynthResource[];
  /** Provider blocks of every stack in the app, this one included, by stack construct path. */
  providersInApp?: Record<string, SynthResource[]>;
  /** Limits that override the documented defaults. */
  options?: RuleOptions;
}

/** Severity of a finding: errors fail synth, warnings are shown and kept in the manifest. */
export type Severity = "error" | "warning";

/** One problem a rule found in one field of one block. */
export interface Finding {
  /** Id of the rule that produced it. */
  ruleId: string;
  /** Severity of this finding. */
  severity: Severity;
  /** Construct path of the offending block. */
  path: string;
  /** Terraform address of the offending block. */
  address: string;
  /** Field inside the block, e.g. `roles[0].database_name`. */
  field: string;
  /** The value found, rendered as text. */
  received: string;
  /** Description of the problem. */
  message: string;
  /** Steps that fix the problem. */
  fix: string;
}

/** A guardrail rule: a pure function over one stack's synthesized blocks. */
export interface Rule {
  /** Stable id, e.g. `ATLAS-USER-AUTH-DB`. */
  id: string;
  /** Default severity of its findings. */
  severity: Severity;
  /** One-line summary of the check. */
  description: string;
  /** Reason the rule matters. */
  reason: string;
  /** Steps that fix a finding. */
  fix: string;
  /** Returns the findings for one stack; never mutates the context. */
  check(ctx: RuleContext): Finding[];
}

/** Opt-out of one rule for a construct path (exact path or path prefix). */
export interface Suppression {
  /** Id of the rule to suppress. */
  ruleId: string;
  /** Construct path, or a prefix of it ending at a path segment. */
  path: string;
  /** Reason the finding is acceptable, at least 10 characters long. */
  reason: string;
}
