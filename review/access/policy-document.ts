/**
 * Statements of an `aws_iam_policy_document` data source, in the shape
 * {@link parsePolicyJson} returns. A role whose `assume_role_policy` is
 * `${data.aws_iam_policy_document.NAME.json}` is read through this.
 */
import { PolicyCondition, PolicyPrincipal, PolicyStatement } from "./policy-json";

/** Converts the `statement` blocks of an `aws_iam_policy_document` body. */
export function policyDocumentStatements(body: Record<string, unknown>): PolicyStatement[] {
  return blocks(body.statement).map((statement) => {
    const principals = blocks(statement.principals);
    const notPrincipals = blocks(statement.not_principals);
    const actions = strings(statement.actions);
    return {
      effect: typeof statement.effect === "string" ? statement.effect : "Allow",
      principals: (principals.length > 0 ? principals : notPrincipals).flatMap(principalsOf),
      notPrincipal: principals.length === 0 && notPrincipals.length > 0,
      actions: actions.length > 0 ? actions : strings(statement.not_actions),
      notAction: actions.length === 0 && strings(statement.not_actions).length > 0,
      conditions: blocks(statement.condition).map(conditionOf),
    };
  });
}

function principalsOf(block: Record<string, unknown>): PolicyPrincipal[] {
  const type = typeof block.type === "string" ? block.type : "";
  return strings(block.identifiers).map((value) => ({ type, value }));
}

function conditionOf(block: Record<string, unknown>): PolicyCondition {
  return {
    operator: typeof block.test === "string" ? block.test : "",
    key: typeof block.variable === "string" ? block.variable : "",
    values: strings(block.values),
  };
}

function blocks(value: unknown): Record<string, unknown>[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is Record<string, unknown> => typeof item === "object" && item !== null && !Array.isArray(item));
}

function strings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === "string");
}
