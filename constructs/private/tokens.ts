import { Token } from "cdktf";

/**
 * Tells whether a value is only known at apply time.
 *
 * Checks on such values are skipped: a token's placeholder text is not the
 * value Terraform will see, so matching it with a pattern would be wrong.
 */
export function isUnresolved(value: unknown): boolean {
  return Token.isUnresolved(value);
}
