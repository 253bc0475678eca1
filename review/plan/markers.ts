/**
 * Reports whether a Terraform marker object (`after_unknown`, `before_sensitive`
 * or `after_sensitive` in plan JSON) marks a whole top-level attribute. Terraform
 * writes `true` for a marked attribute and nested objects or arrays for partly
 * marked ones, which this function reports as not marked.
 */
export function isMarked(markers: unknown, attribute: string): boolean {
  return typeof markers === "object" && markers !== null && (markers as Record<string, unknown>)[attribute] === true;
}
