/**
 * Plain words for AWS principals: roles (role chaining), role sessions,
 * IAM users, whole accounts and `*`.
 */
import { parseIamIdentityArn } from "./arn";
import { conditionsOn } from "./trust-conditions";
import { KIND, PrincipalWords, StatementContext, actionMatch, wildcardActionFlags } from "./trust-phrase";
import { hasInterpolation, templateWords } from "./terraform-template";

/** Describes an AWS principal, or returns undefined when the statement does not allow `sts:AssumeRole`. */
export function awsWords(principal: string, context: StatementContext): PrincipalWords | undefined {
  const { statement } = context;
  if (actionMatch(statement.actions, "sts:AssumeRole") === undefined) return undefined;

  const externalId = conditionsOn(statement.conditions, "sts:ExternalId").length > 0;
  const identity = identityWords(principal, context);
  const flags = [...identity.flags, ...wildcardActionFlags(statement.actions, "sts:AssumeRole")];
  return {
    kind: identity.kind,
    text: externalId ? `${identity.text}, external ID required` : identity.text,
    flags,
    consumed: (key) => key === "sts:externalid",
  };
}

function identityWords(principal: string, { index }: StatementContext): { kind: string; text: string; flags: string[] } {
  if (principal === "*") {
    return { kind: KIND.other, text: "any AWS principal in any account", flags: ["Principal * lets anyone with AWS credentials assume the role unless a condition limits it"] };
  }
  if (/^\d{12}$/.test(principal)) return accountWords(principal);

  const role = index.referencedBlock(principal, "aws_iam_role", ["arn"]);
  if (role !== undefined) return { kind: KIND.roleChain, text: `sessions of role ${blockName(role.body.name, role.name)} (this stack)`, flags: [] };
  const user = index.referencedBlock(principal, "aws_iam_user", ["arn"]);
  if (user !== undefined) return { kind: KIND.iamUser, text: `IAM user ${blockName(user.body.name, user.name)} (this stack)`, flags: [] };

  const arn = parseIamIdentityArn(principal);
  const account = arn === undefined ? "" : templateWords(arn.account);
  switch (arn?.resourceType) {
    case "root":
      return accountWords(arn.account);
    case "role":
      return { kind: KIND.roleChain, text: `sessions of role ${templateWords(arn.name)} (account ${account})`, flags: [] };
    case "assumed-role":
      return { kind: KIND.roleChain, text: `session ${templateWords(arn.name)} of role ${templateWords(arn.roleName ?? "")} (account ${account})`, flags: [] };
    case "user":
      return { kind: KIND.iamUser, text: `IAM user ${templateWords(arn.name)} (account ${account})`, flags: [] };
    default:
      return hasInterpolation(principal)
        ? { kind: KIND.other, text: `AWS principal ${templateWords(principal)}`, flags: [] }
        : { kind: KIND.other, text: `AWS principal ${principal}`, flags: ["unrecognized"] };
  }
}

function accountWords(account: string): { kind: string; text: string; flags: string[] } {
  return {
    kind: KIND.account,
    text: `any IAM identity of account ${templateWords(account)} that its own IAM policies allow`,
    flags: [],
  };
}

function blockName(name: unknown, logicalId: string): string {
  return typeof name === "string" ? templateWords(name) : logicalId;
}
