/**
 * Comparison of the `Condition` blocks of two matching trust policy statements.
 */
import { compareOperators, valueListMeaning } from "./condition-operators";
import type { PolicyCondition, Severity, TrustPolicyFinding } from "./model";

/**
 * Lists how the conditions of a statement changed, in the order of the keys in
 * `before` followed by keys only in `after`. Condition keys match case-insensitively,
 * as IAM matches them. A removed test, an added value for an any-of operator,
 * a removed value for a none-of operator, or an operator change that may
 * admit more requests has severity "attention".
 */
export function diffConditions(before: PolicyCondition[], after: PolicyCondition[], sid?: string): TrustPolicyFinding[] {
  const beforeByKey = groupByKey(before);
  const afterByKey = groupByKey(after);
  const keys = [...new Set([...beforeByKey.keys(), ...afterByKey.keys()])];
  const sidField = sid === undefined ? {} : { sid };

  const findings: TrustPolicyFinding[] = [];
  for (const key of keys) {
    const oldTests = beforeByKey.get(key) ?? [];
    const newTests = afterByKey.get(key) ?? [];

    for (const oldTest of oldTests) {
      const newTest = newTests.find((candidate) => candidate.operator === oldTest.operator);
      if (newTest !== undefined) findings.push(...diffValues(oldTest, newTest, sidField));
    }

    // Tests on the same key whose operator changed are paired in policy order.
    const removed = oldTests.filter((test) => !newTests.some((candidate) => candidate.operator === test.operator));
    const added = newTests.filter((test) => !oldTests.some((candidate) => candidate.operator === test.operator));
    const paired = Math.min(removed.length, added.length);
    for (let index = 0; index < paired; index++) {
      findings.push(operatorChange(removed[index], added[index], sidField));
    }
    for (const condition of removed.slice(paired)) {
      findings.push({ topic: "trust-policy", kind: "condition-key-removed", severity: "attention", ...sidField, condition });
    }
    for (const condition of added.slice(paired)) {
      findings.push({ topic: "trust-policy", kind: "condition-key-added", severity: "info", ...sidField, condition });
    }
  }
  return findings;
}

function diffValues(before: PolicyCondition, after: PolicyCondition, sidField: { sid?: string }): TrustPolicyFinding[] {
  const addedValues = after.values.filter((value) => !before.values.includes(value));
  const removedValues = before.values.filter((value) => !after.values.includes(value));
  if (addedValues.length === 0 && removedValues.length === 0) return [];

  const meaning = valueListMeaning(after.operator);
  const subject = { ...sidField, operator: after.operator, key: after.key };
  if (meaning === "other") {
    // Bool, Null and ordering operators (NumericLessThan, DateGreaterThan and so on)
    // have no set semantics, so the direction of a change is not judged.
    return [
      {
        topic: "trust-policy",
        kind: "condition-values-changed",
        severity: "attention",
        ...subject,
        before: before.values,
        after: after.values,
      },
    ];
  }

  const addedSeverity: Severity = meaning === "any-of" ? "attention" : "info";
  const removedSeverity: Severity = meaning === "any-of" ? "info" : "attention";
  const findings: TrustPolicyFinding[] = [];
  if (addedValues.length > 0) {
    findings.push({ topic: "trust-policy", kind: "condition-values-added", severity: addedSeverity, ...subject, values: addedValues });
  }
  if (removedValues.length > 0) {
    findings.push({
      topic: "trust-policy",
      kind: "condition-values-removed",
      severity: removedSeverity,
      ...subject,
      values: removedValues,
    });
  }
  return findings;
}

function operatorChange(from: PolicyCondition, to: PolicyCondition, sidField: { sid?: string }): TrustPolicyFinding {
  const direction = compareOperators(from.operator, to.operator);
  const sameValues = from.values.length === to.values.length && from.values.every((value) => to.values.includes(value));
  const narrowsOrKeeps = direction === "narrower" || direction === "same";
  return {
    topic: "trust-policy",
    kind: "condition-operator-changed",
    severity: narrowsOrKeeps && sameValues ? "info" : "attention",
    ...sidField,
    key: to.key,
    from,
    to,
  };
}

function groupByKey(conditions: PolicyCondition[]): Map<string, PolicyCondition[]> {
  const groups = new Map<string, PolicyCondition[]>();
  for (const condition of conditions) {
    const key = condition.key.toLowerCase();
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [condition]);
    else group.push(condition);
  }
  return groups;
}
