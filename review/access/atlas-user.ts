/**
 * Reading of `mongodbatlas_database_user` blocks: their roles, their scopes
 * and the identity their username names.
 */
import { IamIdentityArn, parseIamIdentityArn } from "./arn";
import { refersToRoleArn } from "./role-match";
import { IndexedBlock, StackIndex } from "./stack-index";
import { hasInterpolation, templateWords } from "./terraform-template";

/** A cluster or data lake the Atlas user may reach. */
export interface AtlasScope {
  /** `cluster`, `data lake`, or the raw type when it is neither. */
  readonly type: string;
  readonly name: string;
}

/** The clusters and data lakes an Atlas user may reach. */
export interface AtlasReach {
  /** True when the user has no scopes, so Atlas lets it reach every cluster and data lake of the project. */
  readonly projectWide: boolean;
  readonly scopes: readonly AtlasScope[];
}

/** The identity an Atlas user's username names. */
export type AtlasIdentity =
  | { readonly kind: "role"; readonly role: IndexedBlock }
  | { readonly kind: "user"; readonly user: IndexedBlock }
  | { readonly kind: "existing-role"; readonly arn: IamIdentityArn; readonly text: string }
  | { readonly kind: "existing-user"; readonly arn: IamIdentityArn; readonly text: string }
  | { readonly kind: "expression"; readonly text: string }
  | { readonly kind: "not-iam"; readonly method: string; readonly text: string };

/** Lists the user's database roles as `ROLE@DATABASE` or `ROLE@DATABASE.COLLECTION`, in the order written. */
export function atlasRoles(user: IndexedBlock): string[] {
  return records(user.body.roles).map((role) => {
    const database = textOf(role.database_name);
    const collection = typeof role.collection_name === "string" && role.collection_name !== "" ? `.${templateWords(role.collection_name)}` : "";
    return `${textOf(role.role_name)}@${database}${collection}`;
  });
}

/** Reads the user's scopes, in the order written. */
export function atlasReach(user: IndexedBlock): AtlasReach {
  const scopes = records(user.body.scopes).map((scope) => ({ type: scopeType(scope.type), name: textOf(scope.name) }));
  return { projectWide: scopes.length === 0, scopes };
}

/** Finds what the username names: a role or IAM user of the stack, an ARN from outside it, or none for non-IAM users. */
export function atlasIdentity(user: IndexedBlock, index: StackIndex): AtlasIdentity {
  const username = typeof user.body.username === "string" ? user.body.username : "";
  const iamType = typeof user.body.aws_iam_type === "string" ? user.body.aws_iam_type.toUpperCase() : "NONE";
  if (iamType !== "ROLE" && iamType !== "USER") {
    return { kind: "not-iam", method: signInMethod(user.body), text: templateWords(username) };
  }

  const role = index.referencedBlock(username, "aws_iam_role", ["arn"])
    ?? index.resources("aws_iam_role").find((candidate) => refersToRoleArn(username, candidate, index));
  if (role !== undefined) return { kind: "role", role };
  const iamUser = index.referencedBlock(username, "aws_iam_user", ["arn"]);
  if (iamUser !== undefined) return { kind: "user", user: iamUser };

  const arn = hasInterpolation(username) ? undefined : parseIamIdentityArn(username);
  if (arn?.resourceType === "role") return { kind: "existing-role", arn, text: username };
  if (arn?.resourceType === "user") return { kind: "existing-user", arn, text: username };
  return { kind: "expression", text: templateWords(username) };
}

/** Names how a non-IAM Atlas user signs in, from the provider's authentication fields. */
function signInMethod(body: Record<string, unknown>): string {
  const active = (field: string) => typeof body[field] === "string" && (body[field] as string).toUpperCase() !== "NONE";
  if (active("x509_type")) return "X.509 certificate";
  if (active("ldap_auth_type")) return "LDAP";
  if (active("oidc_auth_type")) return "Atlas OIDC federation";
  return "password";
}

function scopeType(type: unknown): string {
  if (type === "CLUSTER") return "cluster";
  if (type === "DATA_LAKE") return "data lake";
  return typeof type === "string" ? type : "(no type)";
}

function textOf(value: unknown): string {
  return typeof value === "string" ? templateWords(value) : "(not set)";
}

function records(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is Record<string, unknown> => typeof item === "object" && item !== null && !Array.isArray(item));
}
