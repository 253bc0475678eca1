import { Rule } from "../../model";
import { PolicyCondition } from "../../lib/policy";
import { findingOf } from "../../lib/finding";
import { actionsUnknown, allowsAction, principalsOfType } from "../../lib/statement";
import { literalPrefix, literalValue } from "../../lib/tokens";
import { trustStatements } from "../../lib/trust";

/**
 * Service principals that pass session tags when they assume a role.
 * NOTE: AWS publishes no complete list; other services found to pass tags belong here.
 */
export const TAGGING_SERVICES = ["pods.eks.amazonaws.com", "rolesanywhere.amazonaws.com"];

function needsTags(cond: PolicyCondition): boolean {
  const key = literalPrefix(cond.variable).toLowerCase();
  const tagKey = key.startsWith("aws:requesttag/") || key === "aws:tagkeys";
  const op = cond.test.toLowerCase();
  const optional = op.startsWith("forallvalues:") || op.endsWith("ifexists") || op === "null" || /not/.test(op);
  return tagKey && !optional;
}

/** Conditions on request tags that no caller of the statement can satisfy. */
export const principalSessionTagUnsatisfiable: Rule = {
  id: "PRINCIPAL-SESSION-TAG-UNSATISFIABLE",
  severity: "error",
  description:
    "A trust statement requires session tags (aws:RequestTag/..., aws:TagKeys) while its policy never allows sts:TagSession, or while its only principals are services that pass no tags.",
  reason:
    "Request tags exist only when the caller passes session tags, which needs sts:TagSession; services other than EKS Pod Identity and IAM Roles Anywhere pass none. The condition is then never met and the role cannot be assumed.",
  fix: "Allow sts:TagSession for the principal that sends tags, or drop the aws:RequestTag condition (use aws:SourceArn / aws:SourceAccount for services).",
  check(ctx) {
    return trustStatements(ctx).flatMap(({ doc, statement }) => {
      const cond = statement.conditions.find(needsTags);
      if (!cond) return [];
      const docAllowsTags = doc.statements.some(
        (s) => s.effect.toLowerCase() === "allow" && (actionsUnknown(s) || allowsAction(s, "sts:TagSession")),
      );
      const field = cond.field;
      if (!docAllowsTags) {
        return [
          findingOf(principalSessionTagUnsatisfiable, doc.owner, {
            field,
            received: JSON.stringify(cond.variable),
            message: `${cond.variable} requires session tags, but the trust policy does not allow sts:TagSession`,
          }),
        ];
      }
      const nonService = statement.principals.some((p) => p.type.toLowerCase() !== "service");
      const services = principalsOfType(statement, "Service").flatMap((p) => p.identifiers);
      const literal = services.map(literalValue);
      if (nonService || literal.some((s) => s === undefined || TAGGING_SERVICES.includes(s))) return [];
      return [
        findingOf(principalSessionTagUnsatisfiable, doc.owner, {
          field,
          received: JSON.stringify(cond.variable),
          message: `${cond.variable} requires session tags, but ${services.join(", ")} passes none`,
        }),
      ];
    });
  },
};
