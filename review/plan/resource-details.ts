/**
 * Identifying attributes shown next to each changed access resource, so that a
 * reviewer can tell which role, policy or user the address refers to.
 */
import { readRoles, readScopes } from "./atlas-user-diff";
import { isMarked } from "./markers";
import type { AccessResourceType, ChangeDetail } from "./model";
import { parseTrustPolicy } from "./trust-policy-parse";

const IDENTIFYING_ATTRIBUTES: Record<AccessResourceType, string[]> = {
  aws_eks_pod_identity_association: ["cluster_name", "namespace", "service_account", "role_arn"],
  aws_iam_instance_profile: ["name", "role"],
  aws_iam_openid_connect_provider: ["url", "client_id_list"],
  aws_iam_role: ["name"],
  aws_iam_role_policy_attachment: ["role", "policy_arn"],
  aws_iam_saml_provider: ["name"],
  aws_iam_user: ["name"],
  mongodbatlas_custom_db_role: ["role_name", "project_id"],
  mongodbatlas_database_user: ["username", "auth_database_name", "project_id"],
};

/** Values of one side of a change with the matching `after_unknown` and `*_sensitive` objects. */
export interface ValueSide {
  /** `change.before` or `change.after`. */
  values: Record<string, unknown>;
  /** `change.after_unknown`; an empty object for the before side. */
  unknown: unknown;
  /** `change.before_sensitive` or `change.after_sensitive`. */
  sensitive: unknown;
}

/**
 * Lists the identifying attributes of a resource. Values Terraform marks as
 * sensitive are replaced by the note "sensitive" and unknown values by
 * "known after apply". A role also lists its trusted principals, and an Atlas
 * user its roles (as `role@database[.collection]`) and scopes.
 */
export function describeResource(type: AccessResourceType, side: ValueSide): ChangeDetail[] {
  const details: ChangeDetail[] = [];
  for (const attribute of IDENTIFYING_ATTRIBUTES[type]) {
    const detail = attributeDetail(side, attribute);
    if (detail !== undefined) details.push(detail);
  }

  if (type === "aws_iam_role") details.push(...trustedPrincipals(side));
  if (type === "mongodbatlas_database_user") details.push(...atlasAccess(side));
  return details;
}

function attributeDetail(side: ValueSide, label: string): ChangeDetail | undefined {
  const hidden = hiddenNote(side, label);
  if (hidden !== undefined) return { label, note: hidden };

  const value = side.values[label];
  if (value === undefined || value === null) return undefined;
  const items = Array.isArray(value) ? value : [value];
  return { label, values: items.map((item) => (typeof item === "string" ? item : JSON.stringify(item))) };
}

function trustedPrincipals(side: ValueSide): ChangeDetail[] {
  const label = "trusted principals";
  const hidden = hiddenNote(side, "assume_role_policy");
  if (hidden !== undefined) return [{ label, note: hidden }];

  const text = side.values.assume_role_policy;
  if (typeof text !== "string") return [];
  const parsed = parseTrustPolicy(text);
  if (!parsed.ok) return [{ label, note: `unreadable policy: ${parsed.problem}` }];

  const principals: string[] = [];
  for (const statement of parsed.statements) {
    if (statement.effect !== "Allow") continue;
    for (const principal of statement.principals ?? []) {
      const entry = `${principal.type} ${principal.value}`;
      if (!principals.includes(entry)) principals.push(entry);
    }
  }
  return principals.length === 0 ? [] : [{ label, values: principals }];
}

function atlasAccess(side: ValueSide): ChangeDetail[] {
  const details: ChangeDetail[] = [];
  const hiddenRoles = hiddenNote(side, "roles");
  if (hiddenRoles !== undefined) {
    details.push({ label: "roles", note: hiddenRoles });
  } else {
    const roles = readRoles(side.values.roles).map(
      (role) => `${role.roleName}@${role.databaseName}${role.collectionName === undefined ? "" : `.${role.collectionName}`}`
    );
    if (roles.length > 0) details.push({ label: "roles", values: roles });
  }

  const hiddenScopes = hiddenNote(side, "scopes");
  if (hiddenScopes !== undefined) {
    details.push({ label: "scopes", note: hiddenScopes });
  } else {
    const scopes = readScopes(side.values.scopes).map((scope) => `${scope.type} ${scope.name}`);
    details.push(
      scopes.length === 0
        ? { label: "scopes", note: "none, so every cluster and data lake in the project" }
        : { label: "scopes", values: scopes }
    );
  }
  return details;
}

function hiddenNote(side: ValueSide, attribute: string): string | undefined {
  if (isMarked(side.sensitive, attribute)) return "sensitive";
  if (isMarked(side.unknown, attribute)) return "known after apply";
  return undefined;
}
