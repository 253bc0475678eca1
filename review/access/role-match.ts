/**
 * Whether a field of another resource points at a given IAM role, by
 * Terraform reference or by the literal name or ARN.
 */
import { parseIamIdentityArn } from "./arn";
import { IndexedBlock, StackIndex } from "./stack-index";
import { hasInterpolation } from "./terraform-template";

/** Returns the role's name when it is literal, else undefined. */
export function literalRoleName(role: IndexedBlock): string | undefined {
  const name = role.body.name;
  return typeof name === "string" && !hasInterpolation(name) ? name : undefined;
}

/** Returns the role's path, `/` when the block sets none. */
export function rolePath(role: IndexedBlock): string {
  return typeof role.body.path === "string" ? role.body.path : "/";
}

/** Tells whether `value` is the role's name: `${aws_iam_role.ID.name}`, `.id`, or the literal name. */
export function refersToRoleName(value: unknown, role: IndexedBlock, index: StackIndex): boolean {
  if (index.referencedBlock(value, "aws_iam_role", ["name", "id"])?.address === role.address) return true;
  const name = literalRoleName(role);
  return name !== undefined && value === name;
}

/** Tells whether `value` is the role's ARN: `${aws_iam_role.ID.arn}`, or a literal ARN with the role's name and path. */
export function refersToRoleArn(value: unknown, role: IndexedBlock, index: StackIndex): boolean {
  if (index.referencedBlock(value, "aws_iam_role", ["arn"])?.address === role.address) return true;
  if (typeof value !== "string" || hasInterpolation(value)) return false;
  const arn = parseIamIdentityArn(value);
  const name = literalRoleName(role);
  return arn?.resourceType === "role" && name !== undefined && arn.name === name && arn.path === rolePath(role);
}
