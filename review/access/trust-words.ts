/**
 * Turns a role's trust policy into plain words: who may assume the role,
 * and which kind of workload that makes it. Values known only at apply time
 * are shown as "(known at apply time: EXPR)".
 */
import { policyDocumentStatements } from "./policy-document";
import { PolicyParseError, PolicyPrincipal, PolicyStatement, parsePolicyJson } from "./policy-json";
import { IndexedBlock, StackIndex } from "./stack-index";
import { awsWords } from "./trust-aws";
import { remainingConditionWords } from "./trust-conditions";
import { federatedWords } from "./trust-federated";
import { KIND, PrincipalWords, StatementContext, TrustPhrase } from "./trust-phrase";
import { serviceWords } from "./trust-services";
import { soleExpression, soleReference, templateWords } from "./terraform-template";

/** The principals that may assume a role, in words. */
export interface TrustWords {
  /** Workload kinds in order of first appearance, for example `["Lambda"]`; `["other"]` when nothing is recognized. */
  readonly kinds: readonly string[];
  readonly phrases: readonly TrustPhrase[];
}

const UNRECOGNIZED = "unrecognized";

/** Describes the trust policy of an `aws_iam_role` block of the stack. */
export function describeTrust(role: IndexedBlock, index: StackIndex): TrustWords {
  let statements: PolicyStatement[];
  try {
    statements = trustStatements(role, index);
  } catch (error) {
    if (!(error instanceof PolicyParseError)) throw error;
    return { kinds: [KIND.other], phrases: [{ text: `trust policy could not be read: it ${error.message}`, flags: [UNRECOGNIZED] }] };
  }
  return describeStatements(statements, role, index);
}

/** Describes trust statements that were already parsed. */
export function describeStatements(statements: readonly PolicyStatement[], role: IndexedBlock, index: StackIndex): TrustWords {
  const described = statements.flatMap((statement) => statementWords({ statement, role, index }));
  // Statements that differ only in conditions this report already covers, such as one per Pod Identity target, can repeat a phrase.
  const words = described.filter((phrase, position) =>
    described.findIndex((other) => other.text === phrase.text && other.flags.join("\n") === phrase.flags.join("\n")) === position,
  );
  const kinds = [...new Set(words.map((phrase) => phrase.kind).filter((kind) => kind !== ""))];
  return {
    kinds: kinds.length > 0 ? kinds : [KIND.other],
    phrases: words.map(({ text, flags }) => ({ text, flags })),
  };
}

/**
 * Reads the statements of a role's `assume_role_policy`: JSON text, or a
 * reference to an `aws_iam_policy_document` data source of the stack.
 */
function trustStatements(role: IndexedBlock, index: StackIndex): PolicyStatement[] {
  const policy = role.body.assume_role_policy;
  if (typeof policy !== "string") throw new PolicyParseError("is missing");
  if (soleExpression(policy) === undefined) return parsePolicyJson(policy);
  const reference = soleReference(policy);
  const document = reference?.type === "aws_iam_policy_document" && reference.attribute === "json" ? index.find(reference) : undefined;
  if (document === undefined) throw new PolicyParseError(`is ${templateWords(policy)}, which this report cannot read`);
  return policyDocumentStatements(document.body);
}

function statementWords(context: StatementContext): PrincipalWords[] {
  const { statement } = context;
  if (statement.notPrincipal || statement.notAction || statement.principals.length === 0) {
    return [unrecognizedWords(statement, statement.principals)];
  }
  const denied = statement.effect.toLowerCase() === "deny";
  return statement.principals.flatMap((principal) => {
    const described = principalWords(principal, context) ?? [unrecognizedWords(statement, [principal])];
    return described.map((words) => {
      const text = `${words.text}${remainingConditionWords(statement.conditions, words.consumed)}`;
      return denied ? { ...words, kind: "", text: `not allowed: ${text}` } : { ...words, text };
    });
  });
}

function principalWords(principal: PolicyPrincipal, context: StatementContext): PrincipalWords[] | undefined {
  switch (principal.type.toLowerCase()) {
    case "service":
      return serviceWords(principal.value, context);
    case "federated":
      return federatedWords(principal.value, context);
    case "aws":
    case "*": {
      const words = awsWords(principal.value, context);
      return words === undefined ? undefined : [words];
    }
    default:
      return undefined;
  }
}

/** Raw words for a principal and action the report has no description for. */
function unrecognizedWords(statement: PolicyStatement, principals: readonly PolicyPrincipal[]): PrincipalWords {
  const principalText = principals.length === 0 ? "no principal" : principals.map((principal) => `${principal.type} ${templateWords(principal.value)}`).join(", ");
  const not = statement.notPrincipal ? "every principal except " : "";
  const actions = statement.actions.length === 0 ? "no action" : statement.actions.join(", ");
  const verb = statement.notAction ? "every action except" : "";
  return {
    kind: KIND.other,
    text: `${statement.effect || "(no Effect)"} ${not}${principalText}: ${[verb, actions].filter(Boolean).join(" ")}`,
    flags: [UNRECOGNIZED],
    consumed: () => false,
  };
}
