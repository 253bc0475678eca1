import { createHash } from "node:crypto";

/** Maximum length of an IAM role name, from the IAM quotas page. */
export const ROLE_NAME_MAX_LENGTH = 64;
/** Maximum length of an IAM instance profile name, from the IAM quotas page. */
export const INSTANCE_PROFILE_NAME_MAX_LENGTH = 128;

const HASH_LENGTH = 8;

/**
 * Derives an IAM name from a prefix and a base name, within a length limit.
 *
 * A name that fits is returned as is. A longer one is cut and ends with a
 * hash of the full name, so two long names that share a beginning still
 * differ, and the same input always gives the same name.
 */
export function deriveIamName(prefix: string, base: string, maxLength: number): string {
  const full = `${prefix}${base}`;
  if (full.length <= maxLength) {
    return full;
  }
  const hash = createHash("sha256").update(full).digest("hex").slice(0, HASH_LENGTH);
  return `${full.slice(0, maxLength - HASH_LENGTH - 1)}-${hash}`;
}
