import { IConstruct } from "constructs";
import { ConstructInputError } from "../private/errors";
import { isUnresolved } from "../private/tokens";
import { IAM_NAME_PATTERN, parseIamArn } from "../iam/arn";
import { AwsEnvironment } from "../iam/aws-environment";

/** Facts about the checked sources of a role chain. */
export interface ChainSources {
  /**
   * Whether some source is a role, or a reference that may be one. Such a
   * source's sessions are role chaining, which STS limits to one hour.
   */
  readonly includesRole: boolean;
}

const FIX_BY_KIND: Readonly<Record<string, string>> = {
  root: "An account root ARN delegates to every principal of the account whose policies allow sts:AssumeRole. Name the role or user that runs the workload.",
  "assumed-role": "This is a session ARN. Use the role's ARN, arn:PARTITION:iam::ACCOUNT:role/NAME, which covers every session of the role.",
  "federated-user": "A federated user session cannot be named here. Use the role or user that runs the workload.",
  group: "An IAM group cannot be a principal. Name the users or roles instead.",
  "instance-profile": "An instance profile is not a principal. Use the ARN of the role inside the profile.",
};

/**
 * Checks the principals that may assume a database-access role: literal
 * role or IAM user ARNs, or references.
 *
 * Rejected: `*` and any wildcard, a bare account ID or account root, session
 * and other non-principal ARNs, and a repeated entry. When the stack's
 * account and region are literal, also another partition than the stack's
 * and the access role itself.
 */
export function validateChainSources(scope: IConstruct, sources: readonly string[], roleName: string, environment: AwsEnvironment): ChainSources {
  if (sources.length === 0) {
    throw new ConstructInputError(scope, {
      field: "sourceRoleArns",
      received: sources,
      problem: "must list at least one role or IAM user ARN",
      fix: "List the ARNs of the roles or users that run the workload and call sts:AssumeRole.",
    });
  }
  let includesRole = false;
  sources.forEach((source, index) => {
    const field = `sourceRoleArns[${index}]`;
    if (isUnresolved(source)) {
      includesRole = true;
      return;
    }
    const kind = validateSource(scope, field, source, roleName, environment);
    includesRole ||= kind === "role";
  });
  const repeated = sources.find((source, index) => sources.indexOf(source) !== index);
  if (repeated !== undefined) {
    throw new ConstructInputError(scope, {
      field: "sourceRoleArns",
      received: repeated,
      problem: "lists an ARN twice",
      fix: "Remove the repeated entry.",
    });
  }
  return { includesRole };
}

function validateSource(scope: IConstruct, field: string, source: string, roleName: string, environment: AwsEnvironment): "role" | "user" {
  const reject = (problem: string, fix: string): never => {
    throw new ConstructInputError(scope, { field, received: source, problem, fix });
  };
  if (source.includes("*")) {
    reject("contains a wildcard, which IAM would read as every principal", "List the exact ARNs of the roles or users that run the workload.");
  }
  if (/^\d{12}$/.test(source)) {
    reject("is an account ID, which trusts every principal of that account", "Name the role or user that runs the workload, arn:PARTITION:iam::ACCOUNT:role/NAME.");
  }
  const parsed = parseIamArn(source);
  if (parsed === undefined) {
    return reject("is not an IAM role or user ARN", "Use arn:PARTITION:iam::ACCOUNT:role/NAME or arn:PARTITION:iam::ACCOUNT:user/NAME.");
  }
  if (parsed.service !== "iam" || (parsed.kind !== "role" && parsed.kind !== "user")) {
    reject(`is an ${parsed.service} ${parsed.kind} ARN, not an IAM role or user ARN`, FIX_BY_KIND[parsed.kind] ?? "Use the ARN of the role or user that runs the workload.");
  }
  if (!IAM_NAME_PATTERN.test(parsed.name) || parsed.name.length > 64) {
    reject("does not end in a valid IAM name of 1 to 64 characters", "Copy the ARN from the IAM console.");
  }
  if (environment.isLiteral) {
    if (parsed.partition !== environment.partition) {
      reject(`is in partition ${parsed.partition}, but the role is in ${environment.partition}`, "A role can only be assumed from its own partition.");
    }
    if (parsed.kind === "role" && parsed.path === "/" && parsed.name === roleName && parsed.accountId === environment.accountId) {
      reject(`is the access role ${roleName} itself`, "List the roles that assume the access role; a role that trusts itself adds nothing.");
    }
  }
  return parsed.kind as "role" | "user";
}
