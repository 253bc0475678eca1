import { z } from "zod";
import { workloadBase } from "../common";

type WorkloadBase = typeof workloadBase;
type RoleField = "roleName" | "description" | "maxSessionDuration" | "permissionsBoundary" | "tags" | "adopt";

/**
 * Fields of `workloadBase` that a kind without a role of its own rejects.
 *
 * The stack reads these fields from every workload config, so each kind
 * declares them with their usual types. Here a given value is rejected
 * with `reason` in the message, and the JSON Schema marks the field as not
 * allowed.
 */
export function rejectedRoleFields<K extends RoleField>(fields: readonly K[], reason: string): Pick<WorkloadBase, K> {
  const shape: Partial<Record<RoleField, z.ZodType>> = {};
  for (const field of fields) {
    const optional = workloadBase[field] as z.ZodOptional<z.ZodType>;
    shape[field] = optional
      .unwrap()
      .refine(() => false, `must be omitted, because ${reason}. Remove it`)
      .optional()
      .meta({ not: {}, description: `Not allowed: ${reason}.` });
  }
  return shape as Pick<WorkloadBase, K>;
}
