/** Reading `mongodbatlas_database_user` blocks. */
import { RuleContext, SynthResource } from "../model";
import { ArnParts, classifyArn, IamArnKind, parseArn } from "./arn";
import { Reference, resolveBlock, wholeReference } from "./refs";
import { isKnownString, literalPrefix, literalValue } from "./tokens";
import { blockList } from "./values";

/** Terraform type of an Atlas database user. */
export const ATLAS_USER = "mongodbatlas_database_user";

/** Auth database Atlas uses for AWS IAM users. */
export const EXTERNAL_DB = "$external";

/** Atlas database users of the stack. */
export function atlasUsers(ctx: RuleContext): SynthResource[] {
  return ctx.resources.filter((r) => r.type === ATLAS_USER);
}

/** Returns the literal `aws_iam_type`: `NONE` when unset, undefined when interpolated. */
export function iamType(user: SynthResource): string | undefined {
  const raw = user.config.aws_iam_type;
  if (raw === undefined || raw === null) return "NONE";
  return literalValue(raw);
}

/** True when the user is meant to authenticate with AWS IAM (`aws_iam_type` ROLE or USER, any case). */
export function isIamUser(user: SynthResource): boolean {
  const t = iamType(user)?.toUpperCase();
  return t === "ROLE" || t === "USER";
}

/** Identity a username names, as far as the synthesized text shows. */
export interface UsernameIdentity {
  /** ARN kind, `name-ref` for a reference to a role or user name, `not-arn`, or `unknown`. */
  kind: IamArnKind | "name-ref" | "not-arn";
  /** The reference when the username is one `${...}` reference. */
  ref?: Reference;
  /** The referenced block, when it is in the stack. */
  block?: SynthResource;
  /** ARN fields of a literal or partly literal ARN. */
  parts?: ArnParts;
}

const ARN_ATTRIBUTE_KINDS: Record<string, IamArnKind> = {
  aws_iam_role: "role",
  aws_iam_user: "user",
  aws_iam_instance_profile: "instance-profile",
};

const NAME_ATTRIBUTES = ["name", "id", "unique_id"];

/** Classifies a username: a literal ARN, a reference to a role or user, or something else. */
export function usernameIdentity(ctx: RuleContext, value: unknown): UsernameIdentity {
  if (typeof value !== "string") return { kind: "unknown" };
  const ref = wholeReference(value);
  if (ref) {
    const kind = ARN_ATTRIBUTE_KINDS[ref.type];
    if (!kind) return { kind: "unknown", ref };
    const block = resolveBlock(ctx, ref);
    if (ref.attribute === "arn") return { kind, ref, block };
    if (NAME_ATTRIBUTES.includes(ref.attribute) && kind !== "instance-profile") return { kind: "name-ref", ref, block };
    return { kind: "unknown", ref, block };
  }
  const parts = parseArn(value);
  if (parts) return { kind: classifyArn(parts), parts };
  const prefix = literalPrefix(value);
  if (isKnownString(value) || !("arn:".startsWith(prefix) || prefix.startsWith("arn:"))) return { kind: "not-arn" };
  return { kind: "unknown" };
}

/** Returns the `roles` blocks of a user, or undefined when they are one expression. */
export function userRoles(user: SynthResource): Record<string, unknown>[] | undefined {
  return blockList(user.config.roles);
}
