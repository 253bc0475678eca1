/**
 * Matches the `Principal` element of an IAM trust policy against the caller of an STS
 * request. pbac 0.3.2 compares principals with plain string equality and requires the
 * request value to be an array, so it cannot express IAM's account and role-session rules.
 * This module therefore implements principal matching itself:
 *
 * - `"Principal": "*"` matches every caller.
 * - `Service` and `Federated` entries match by exact, case-sensitive equality
 *   (`lambda.amazonaws.com`, an OIDC or SAML provider ARN, `cognito-identity.amazonaws.com`).
 * - `AWS` entries match an IAM role, user or account root ARN, or an STS assumed-role
 *   session ARN. The entry `*` matches any AWS caller, a 12-digit account id or
 *   `arn:<partition>:iam::<account>:root` matches every caller in that account, and any
 *   other entry must equal the caller ARN. A session ARN also matches the ARN of its role.
 */

/** Principal types that can call sts:AssumeRole* on a role. */
export type TrustPrincipalType = "Service" | "Federated" | "AWS";

/** The caller of the request: a service name, an identity provider ARN, or an IAM/STS ARN. */
export interface TrustPrincipal {
  type: TrustPrincipalType;
  id: string;
}

/** A `Principal` or `NotPrincipal` element, either `"*"` or a map from principal type to names. */
export type PrincipalElement = "*" | Record<string, string | string[]>;

const ROLE_ARN = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const SESSION_ARN = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;
const IAM_ARN = /^arn:([^:]+):iam::(\d{12}):(root|user\/.+|role\/.+)$/;
const ACCOUNT_ROOT = /^arn:([^:]+):iam::(\d{12}):root$/;
const ACCOUNT_ID = /^\d{12}$/;

/**
 * Reports whether `element` names `principal`.
 *
 * @throws Error when an AWS caller id is not an IAM role, user or root ARN or an STS
 *   assumed-role ARN.
 */
export function principalMatches(element: PrincipalElement, principal: TrustPrincipal): boolean {
  if (element === "*") {
    return true;
  }

  const raw = element[principal.type];
  if (raw === undefined) {
    return false;
  }
  const entries = Array.isArray(raw) ? raw : [raw];
  if (principal.type !== "AWS") {
    return entries.includes(principal.id);
  }

  const caller = parseAwsCaller(principal.id);
  return entries.some((entry) => awsEntryMatches(entry, principal.id, caller));
}

interface AwsCaller {
  partition: string;
  account: string;
  /** Role name when the caller is a role session, for matching the role ARN. */
  sessionRoleName?: string;
}

function parseAwsCaller(id: string): AwsCaller {
  const session = SESSION_ARN.exec(id);
  if (session) {
    return { partition: session[1], account: session[2], sessionRoleName: session[3] };
  }
  const iam = IAM_ARN.exec(id);
  if (iam) {
    return { partition: iam[1], account: iam[2] };
  }
  throw new Error(
    `Invalid AWS principal id ${JSON.stringify(id)}: expected an IAM role, user or root ARN ` +
      "(arn:aws:iam::111122223333:role/name) or an STS session ARN " +
      "(arn:aws:sts::111122223333:assumed-role/name/session).",
  );
}

function awsEntryMatches(entry: string, callerId: string, caller: AwsCaller): boolean {
  if (entry === "*" || entry === callerId) {
    return true;
  }
  if (ACCOUNT_ID.test(entry)) {
    return entry === caller.account;
  }

  const root = ACCOUNT_ROOT.exec(entry);
  if (root) {
    return root[1] === caller.partition && root[2] === caller.account;
  }

  // NOTE: IAM resolves a role ARN in a policy to the role's unique id, so a session of a
  // role with the same name that was deleted and re-created would not match in AWS.
  // The session ARN carries no role path, so the comparison uses the role name only.
  const role = ROLE_ARN.exec(entry);
  return (
    role !== null &&
    caller.sessionRoleName !== undefined &&
    role[1] === caller.partition &&
    role[2] === caller.account &&
    role[3] === caller.sessionRoleName
  );
}
