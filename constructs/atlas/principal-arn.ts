import { IConstruct } from "constructs";
import { ConstructInputError } from "../private/errors";
import { isUnresolved } from "../private/tokens";
import { IAM_NAME_PATTERN, parseIamArn } from "../iam/arn";
import { AtlasPrincipal, AwsIamType } from "./principal";

const EXPECTED_FORM = "arn:aws:iam::123456789012:role/NAME or arn:aws:iam::123456789012:user/NAME";

const FIX_BY_KIND: Readonly<Record<string, string>> = {
  "assumed-role": "This is a session ARN. Use the role's ARN, arn:PARTITION:iam::ACCOUNT:role/NAME, which Atlas matches for every session of the role.",
  "federated-user": "This is a federated session ARN. Key the user on the role the federation assumes.",
  "instance-profile": "An instance profile is not an identity. Use the ARN of the role inside the profile.",
  group: "Atlas cannot key a user on an IAM group. Use the role or user ARN.",
  root: "Never key database access on the account root. Use a role ARN.",
};

/**
 * Checks the ARN of an Atlas principal and returns its `aws_iam_type`.
 *
 * A reference is accepted when the principal states its type. A literal
 * must be the ARN of a role or user. A role path other than `/` is rejected
 * unless `allowRolePath`, because the ARN Atlas receives from the caller
 * carries the role name only.
 */
export function resolveAwsIamType(scope: IConstruct, principal: AtlasPrincipal, allowRolePath: boolean): AwsIamType {
  const { arn, declaredType } = principal;
  if (isUnresolved(arn)) {
    if (declaredType === undefined) {
      throw new ConstructInputError(scope, {
        field: "principal",
        received: arn,
        problem: "is a reference, so its IAM type cannot be read from it",
        fix: "Use AtlasPrincipal.fromRole, fromUser, fromRoleArn or fromUserArn for values known only at apply time.",
      });
    }
    return declaredType;
  }

  const parsed = parseIamArn(arn);
  if (parsed === undefined) {
    throw new ConstructInputError(scope, {
      field: "principal",
      received: arn,
      problem: "is not an IAM role or user ARN",
      fix: `Use the full ARN, ${EXPECTED_FORM}.`,
    });
  }
  if (parsed.kind !== "role" && parsed.kind !== "user") {
    throw new ConstructInputError(scope, {
      field: "principal",
      received: arn,
      problem: `is an ${parsed.service} ${parsed.kind} ARN, not an IAM role or user ARN`,
      fix: FIX_BY_KIND[parsed.kind] ?? `Use ${EXPECTED_FORM}.`,
    });
  }
  if (parsed.service !== "iam" || !IAM_NAME_PATTERN.test(parsed.name) || parsed.name.length > 64) {
    throw new ConstructInputError(scope, {
      field: "principal",
      received: arn,
      problem: "does not end in a valid IAM name of 1 to 64 characters",
      fix: `Use ${EXPECTED_FORM}.`,
    });
  }

  const type: AwsIamType = parsed.kind === "role" ? "ROLE" : "USER";
  if (declaredType !== undefined && declaredType !== type) {
    throw new ConstructInputError(scope, {
      field: "principal",
      received: arn,
      problem: `is a ${parsed.kind} ARN but was given as ${declaredType === "ROLE" ? "a role" : "a user"}`,
      fix: "Use AtlasPrincipal.fromArn to read the type from the ARN.",
    });
  }
  if (type === "ROLE" && parsed.path !== "/" && !allowRolePath) {
    throw new ConstructInputError(scope, {
      field: "principal",
      received: arn,
      problem: `names a role with path ${parsed.path}`,
      fix: "The assumed-role ARN Atlas sees carries the role name only, so the user may never match. Key the user on a role with path /, or set allowRolePath to true after checking that Atlas matches it.",
    });
  }
  return type;
}
