import { IConstruct } from "constructs";
import { ConstructInputError } from "../private/errors";
import { isUnresolved } from "../private/tokens";

/**
 * Characters and length STS accepts for an external ID (AssumeRole
 * `ExternalId`: 2 to 1224 characters of letters, digits and `+=,.@:/-`).
 */
export const EXTERNAL_ID_PATTERN = /^[\w+=,.@:/-]{2,1224}$/;

/**
 * Checks an external ID when it is literal.
 *
 * An external ID is not a secret: it guards against a confused deputy, a
 * third party tricked into using its access to this role on someone else's
 * behalf. It appears in trust policies and outputs in plain text.
 */
export function validateExternalId(scope: IConstruct, externalId: string, field = "externalId"): void {
  if (isUnresolved(externalId) || EXTERNAL_ID_PATTERN.test(externalId)) {
    return;
  }
  throw new ConstructInputError(scope, {
    field,
    received: externalId,
    problem: `must be 2 to 1224 letters, digits or +=,.@:/- characters (it has ${externalId.length})`,
    fix: "Use the ID agreed with the party that assumes the role, for example a UUID.",
  });
}
