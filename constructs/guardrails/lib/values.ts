/** Small readers over untyped synthesized JSON. */

/** Returns the value as a plain object, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Returns the value as an array. A single value becomes a one-element array, and an absent one becomes []. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Returns the objects under a block field, or undefined when the field is a whole-block expression. */
export function blockList(value: unknown): Record<string, unknown>[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    const single = asRecord(value);
    return single ? [single] : undefined;
  }
  const items = value.map(asRecord);
  return items.every((x) => x !== undefined) ? (items as Record<string, unknown>[]) : undefined;
}

/** Renders a value for a finding's `received` text. */
export function show(value: unknown): string {
  if (value === undefined) return "(not set)";
  if (typeof value === "string") return JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/** Returns the literal instance count from `count` or `for_each`, or undefined when it is unknown. */
export function instanceCount(config: Record<string, unknown>): number | undefined {
  if ("count" in config) return typeof config.count === "number" ? config.count : undefined;
  if ("for_each" in config) {
    const each = config.for_each;
    if (Array.isArray(each)) return new Set(each).size;
    const rec = asRecord(each);
    return rec ? Object.keys(rec).length : undefined;
  }
  return 1;
}

/** True when the block expands to several instances through `count` or `for_each`. */
export function isRepeated(config: Record<string, unknown>): boolean {
  return "count" in config || "for_each" in config;
}
