/** The pieces trust descriptions are made of, shared by every principal family. */
import { PolicyStatement } from "./policy-json";
import { IndexedBlock, StackIndex } from "./stack-index";

/** Workload kinds as the report names them. */
export const KIND = {
  lambda: "Lambda",
  ecs: "ECS",
  ec2: "EC2",
  irsa: "EKS IRSA",
  podIdentity: "EKS Pod Identity",
  webIdentity: "OIDC web identity",
  saml: "SAML",
  roleChain: "role chain",
  iamUser: "IAM user",
  account: "AWS account",
  existingRole: "existing role",
  other: "other",
} as const;

/** One sentence about who may assume a role, with the risks a reviewer should see. */
export interface TrustPhrase {
  readonly text: string;
  /** Short warnings shown next to the sentence; empty when there is no risk to point out. */
  readonly flags: readonly string[];
}

/** A phrase for one principal, its workload kind, and which condition keys the phrase already covers. */
export interface PrincipalWords extends TrustPhrase {
  /** Empty for phrases that grant nothing, such as Deny statements. */
  readonly kind: string;
  /** Condition keys, lower case, that the text already describes. */
  readonly consumed: (key: string) => boolean;
}

/** The input a principal family needs to describe one statement of one role. */
export interface StatementContext {
  readonly statement: PolicyStatement;
  /** The role whose trust policy contains the statement. */
  readonly role: IndexedBlock;
  readonly index: StackIndex;
}

/** Consumes no condition key. */
export const NOTHING_CONSUMED = (): boolean => false;

/**
 * Tells whether the statement's actions include `action`: `exact` when written
 * out, `wildcard` when only a pattern such as `sts:*` covers it.
 */
export function actionMatch(actions: readonly string[], action: string): "exact" | "wildcard" | undefined {
  const expected = action.toLowerCase();
  if (actions.some((candidate) => candidate.toLowerCase() === expected)) return "exact";
  const covered = actions.some((candidate) => /[*?]/.test(candidate) && wildcardPattern(candidate).test(expected));
  return covered ? "wildcard" : undefined;
}

/** Returns the flag for an action granted only through a wildcard, or none. */
export function wildcardActionFlags(actions: readonly string[], action: string): string[] {
  if (actionMatch(actions, action) !== "wildcard") return [];
  const patterns = actions.filter((candidate) => /[*?]/.test(candidate));
  return [`${action} is allowed only through the wildcard ${patterns.join(", ")}, which allows other STS actions too`];
}

/** Tells whether `value` matches an IAM pattern, in which `*` matches any run of characters and `?` one character. */
export function matchesWildcard(value: string, pattern: string): boolean {
  return new RegExp(`^${patternSource(pattern)}$`).test(value);
}

function wildcardPattern(pattern: string): RegExp {
  return new RegExp(`^${patternSource(pattern.toLowerCase())}$`);
}

function patternSource(pattern: string): string {
  const pieces = pattern.split("").map((character) => {
    if (character === "*") return ".*";
    if (character === "?") return ".";
    return character.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  });
  return pieces.join("");
}

/** Joins values with "or" for a sentence. */
export function orList(values: readonly string[]): string {
  return values.join(" or ");
}
