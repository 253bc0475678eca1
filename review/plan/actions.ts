/**
 * Classification of the `change.actions` list of a Terraform plan resource change.
 */
import type { ChangeKind, ReplaceOrder } from "./model";
import { PlanInputError } from "./plan-input";

/** Classified action: a change to review, or an action that leaves the remote object as it is. */
export type ClassifiedAction =
  | { reviewed: true; kind: ChangeKind; order?: ReplaceOrder }
  | { reviewed: false; action: "no-op" | "read" | "forget" };

/**
 * Maps an actions list to a change kind. `forget` (a `removed` block with
 * `destroy = false`) only drops the object from state and leaves its access as
 * it is, so it is counted with no-op instead of reviewed.
 * Throws PlanInputError for a list the JSON format does not define, because
 * silently skipping an unknown action could hide an access change.
 */
export function classifyActions(actions: readonly string[], address: string): ClassifiedAction {
  const joined = actions.join(",");
  switch (joined) {
    case "create":
      return { reviewed: true, kind: "create" };
    case "update":
      return { reviewed: true, kind: "update" };
    case "delete":
      return { reviewed: true, kind: "delete" };
    case "delete,create":
      return { reviewed: true, kind: "replace", order: "delete-before-create" };
    case "create,delete":
      return { reviewed: true, kind: "replace", order: "create-before-delete" };
    case "create,forget":
      return { reviewed: true, kind: "replace", order: "create-then-forget" };
    case "no-op":
    case "read":
    case "forget":
      return { reviewed: false, action: joined };
    default:
      throw new PlanInputError(
        `change.actions of ${address} is ${JSON.stringify(actions)}, which this reader does not know; ` +
          `expected one of create, update, delete, delete+create, create+delete, create+forget, no-op, read, forget`
      );
  }
}
