/**
 * Typed model of the access review that `summarizePlan` builds from a Terraform plan.
 * The renderer turns it into Markdown, and tests assert on it directly.
 */

/** Resource types whose changes alter who can reach AWS or MongoDB Atlas. */
export const ACCESS_RESOURCE_TYPES = [
  "aws_eks_pod_identity_association",
  "aws_iam_instance_profile",
  "aws_iam_openid_connect_provider",
  "aws_iam_role",
  "aws_iam_role_policy_attachment",
  "aws_iam_saml_provider",
  "aws_iam_user",
  "mongodbatlas_custom_db_role",
  "mongodbatlas_database_user",
] as const;

/** One of the resource types in `ACCESS_RESOURCE_TYPES`. */
export type AccessResourceType = (typeof ACCESS_RESOURCE_TYPES)[number];

/** Planned action on a resource instance, with replacements folded into one kind. */
export type ChangeKind = "create" | "update" | "delete" | "replace";

/**
 * Steps of a replacement: Terraform plans `["delete","create"]` by default,
 * `["create","delete"]` under `create_before_destroy`, and `["create","forget"]`
 * when the old object is to leave the state without being destroyed.
 */
export type ReplaceOrder = "delete-before-create" | "create-before-delete" | "create-then-forget";

/** Whether a finding goes to the Attention section or only into the change list. */
export type Severity = "attention" | "info";

/** Principal of a trust policy statement, normalized from the `Principal` element. */
export interface TrustPrincipal {
  /** Principal type key: `AWS`, `Service`, `Federated` or `CanonicalUser`. */
  type: string;
  /** Principal value; a bare 12-digit AWS account ID is rewritten to its root ARN. */
  value: string;
}

/** Finding about an `assume_role_policy` change, compared as parsed JSON. */
export type TrustPolicyFinding =
  | { topic: "trust-policy"; kind: "principal-added"; severity: "attention"; principal: TrustPrincipal; actions: string[] }
  | { topic: "trust-policy"; kind: "principal-removed"; severity: "info"; principal: TrustPrincipal; actions: string[] }
  | { topic: "trust-policy"; kind: "action-added"; severity: "attention"; principal: TrustPrincipal; action: string }
  | { topic: "trust-policy"; kind: "action-removed"; severity: "info"; principal: TrustPrincipal; action: string }
  | { topic: "trust-policy"; kind: "condition-block-dropped"; severity: "attention"; sid?: string; removed: PolicyCondition[] }
  | { topic: "trust-policy"; kind: "condition-key-removed"; severity: "attention"; sid?: string; condition: PolicyCondition }
  | { topic: "trust-policy"; kind: "condition-key-added"; severity: "info"; sid?: string; condition: PolicyCondition }
  | {
      topic: "trust-policy";
      kind: "condition-operator-changed";
      severity: Severity;
      sid?: string;
      key: string;
      from: PolicyCondition;
      to: PolicyCondition;
    }
  | {
      topic: "trust-policy";
      kind: "condition-values-added" | "condition-values-removed";
      severity: Severity;
      sid?: string;
      operator: string;
      key: string;
      values: string[];
    }
  | {
      topic: "trust-policy";
      kind: "condition-values-changed";
      severity: "attention";
      sid?: string;
      operator: string;
      key: string;
      before: string[];
      after: string[];
    }
  | { topic: "trust-policy"; kind: "deny-statement-removed"; severity: "attention"; sid?: string }
  | { topic: "trust-policy"; kind: "deny-statement-added"; severity: "info"; sid?: string }
  | { topic: "trust-policy"; kind: "negated-statement-added"; severity: "attention"; sid?: string; elements: string[] }
  | { topic: "trust-policy"; kind: "unknown-after-apply"; severity: "attention" }
  | { topic: "trust-policy"; kind: "unparseable"; severity: "attention"; side: "before" | "after"; problem: string };

/** One condition test: operator, condition key and the values it accepts. */
export interface PolicyCondition {
  /** Condition operator such as `StringEquals` or `ForAnyValue:StringLike`. */
  operator: string;
  /** Condition key such as `token.actions.githubusercontent.com:sub`. */
  key: string;
  /** Values, converted to strings, in policy order. */
  values: string[];
}

/** Atlas database role as it appears in the `roles` block of `mongodbatlas_database_user`. */
export interface AtlasRole {
  /** Built-in or custom role name, for example `readWrite`. */
  roleName: string;
  /** Database the role applies to. */
  databaseName: string;
  /** Collection the role is limited to; absent means every collection of the database. */
  collectionName?: string;
}

/** Atlas cluster or data lake that a `scopes` block limits the user to. */
export interface AtlasScope {
  /** Cluster or data lake name. */
  name: string;
  /** `CLUSTER` or `DATA_LAKE`. */
  type: string;
}

/** Finding about the `roles` and `scopes` of a `mongodbatlas_database_user`. */
export type AtlasUserFinding =
  | { topic: "atlas-user"; kind: "role-added"; severity: "attention"; role: AtlasRole }
  | { topic: "atlas-user"; kind: "role-removed"; severity: "info"; role: AtlasRole }
  | { topic: "atlas-user"; kind: "collection-restriction-removed"; severity: "attention"; role: AtlasRole; collectionName: string }
  | { topic: "atlas-user"; kind: "collection-restriction-added"; severity: "info"; role: AtlasRole }
  | { topic: "atlas-user"; kind: "scope-added"; severity: "attention"; scope: AtlasScope }
  | { topic: "atlas-user"; kind: "scope-removed"; severity: "info"; scope: AtlasScope }
  | { topic: "atlas-user"; kind: "all-scopes-removed"; severity: "attention"; removed: AtlasScope[] }
  | { topic: "atlas-user"; kind: "scopes-added-to-unscoped"; severity: "info"; scopes: AtlasScope[] }
  | { topic: "atlas-user"; kind: "unknown-after-apply"; severity: "attention"; attribute: "roles" | "scopes" };

/** Finding about a deletion or replacement of an access resource. */
export type LifecycleFinding =
  | { topic: "lifecycle"; kind: "deleted"; severity: "attention" }
  | {
      topic: "lifecycle";
      kind: "replaced";
      severity: "attention";
      order: ReplaceOrder;
      /** Attributes that force the replacement, from `replace_paths`; empty when the plan lists no path. */
      forcedBy: ForcingAttribute[];
    };

/** Attribute path from `replace_paths`, with its old and new values when they are readable strings. */
export interface ForcingAttribute {
  /** Path such as `username` or `roles[0].role_name`. */
  path: string;
  /** Old value; absent unless the path names a top-level string attribute that is not sensitive. */
  before?: string;
  /** New value; absent unless it is a known, non-sensitive string. */
  after?: string;
}

/** Any finding attached to a change. */
export type Finding = TrustPolicyFinding | AtlasUserFinding | LifecycleFinding;

/**
 * Identifying attribute of a changed resource, shown next to its address: either
 * values copied from the plan, or a note written by the review (for example
 * "known after apply") when the plan has no value to show.
 */
export type ChangeDetail = { label: string; values: string[] } | { label: string; note: string };

/** One planned change to an access resource instance. */
export interface AccessChange {
  /** Resource instance address, for example `module.app.aws_iam_role.this[0]`. */
  address: string;
  /** Deposed object key when the change targets a deposed object. */
  deposed?: string;
  /** Resource type. */
  type: AccessResourceType;
  /** Planned action. */
  kind: ChangeKind;
  /** Terraform's `action_reason`, when present. */
  actionReason?: string;
  /** Identifying attributes, taken from the new values (the old ones for a deletion). */
  details: ChangeDetail[];
  /** Findings in a stable order: lifecycle first, then attribute diffs in policy order. */
  findings: Finding[];
}

/** Access review of one plan. */
export interface PlanSummary {
  /** `format_version` of the plan JSON. */
  formatVersion: string;
  /** Terraform version that wrote the plan, when present. */
  terraformVersion?: string;
  /** False when Terraform marked the plan as errored or incomplete, so changes may be missing. */
  complete: boolean;
  /** Changes to access resources, sorted by address (code-point order), then by deposed key. */
  changes: AccessChange[];
  /** Number of managed access resource instances whose planned action is `no-op`, `read` or `forget`. */
  unchangedCount: number;
}

/** Reports whether `type` is one of `ACCESS_RESOURCE_TYPES`. */
export function isAccessResourceType(type: string): type is AccessResourceType {
  return (ACCESS_RESOURCE_TYPES as readonly string[]).includes(type);
}
