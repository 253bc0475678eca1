/**
 * Compares strings by UTF-16 code unit, so that sorted output is the same on every
 * machine. `localeCompare` would depend on the locale and ICU version.
 */
export function compareText(left: string, right: string): number {
  if (left < right) return -1;
  return left > right ? 1 : 0;
}
