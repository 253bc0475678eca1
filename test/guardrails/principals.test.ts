import { principalFederatedPlainAssumeRole } from "../../constructs/guardrails/rules/principals/federated-plain-assume-role";
import { principalPodIdentityActions } from "../../constructs/guardrails/rules/principals/pod-identity-actions";
import { principalSessionTagUnsatisfiable } from "../../constructs/guardrails/rules/principals/session-tag-unsatisfiable";
import { principalWildcardNoCondition } from "../../constructs/guardrails/rules/principals/wildcard-no-condition";
import { principalWildcardAction } from "../../constructs/guardrails/rules/principals/wildcard-action";
import { check, data, irsaStatement, messages, roleArn, roleWithTrust } from "./fixture";

const service = (svc: string, action: unknown, extra: Record<string, unknown> = {}) =>
  roleWithTrust("r", [{ Effect: "Allow", Principal: { Service: svc }, Action: action, ...extra }]);

describe("PRINCIPAL-FEDERATED-PLAIN-ASSUME-ROLE", () => {
  it("accepts AssumeRoleWithWebIdentity", () => {
    expect(messages(principalFederatedPlainAssumeRole, [roleWithTrust("r", [irsaStatement()])])).toEqual([]);
  });
  it("rejects sts:AssumeRole for an OIDC provider", () => {
    const [f] = check(principalFederatedPlainAssumeRole, [roleWithTrust("r", [irsaStatement(undefined, "sts:AssumeRole")])]);
    expect(f).toMatchObject({ message: "a Federated principal cannot use sts:AssumeRole", fix: "Use sts:AssumeRoleWithWebIdentity." });
  });
});

describe("PRINCIPAL-POD-IDENTITY-ACTIONS", () => {
  it("accepts AssumeRole and TagSession split over two statements", () => {
    const r = roleWithTrust("r", [
      { Effect: "Allow", Principal: { Service: "pods.eks.amazonaws.com" }, Action: "sts:AssumeRole" },
      { Effect: "Allow", Principal: { Service: "pods.eks.amazonaws.com" }, Action: "sts:TagSession" },
    ]);
    expect(messages(principalPodIdentityActions, [r])).toEqual([]);
  });
  it("rejects Pod Identity trust without TagSession", () => {
    expect(messages(principalPodIdentityActions, [service("pods.eks.amazonaws.com", "sts:AssumeRole")])).toEqual([
      "EKS Pod Identity trust is missing sts:TagSession",
    ]);
  });
  it("checks policy documents that no role uses yet", () => {
    const doc = data("aws_iam_policy_document", "pods", {
      statement: [{ actions: ["sts:TagSession"], principals: [{ type: "Service", identifiers: ["pods.eks.amazonaws.com"] }] }],
    });
    expect(messages(principalPodIdentityActions, [doc])).toEqual(["EKS Pod Identity trust is missing sts:AssumeRole"]);
  });
});

describe("PRINCIPAL-SESSION-TAG-UNSATISFIABLE", () => {
  const tagCond = { Condition: { StringEquals: { "aws:RequestTag/team": "shop" } } };
  it("accepts a request tag condition for Pod Identity with TagSession", () => {
    expect(messages(principalSessionTagUnsatisfiable, [service("pods.eks.amazonaws.com", ["sts:AssumeRole", "sts:TagSession"], tagCond)])).toEqual([]);
  });
  it("rejects a request tag condition without TagSession", () => {
    const r = roleWithTrust("r", [{ Effect: "Allow", Principal: { AWS: roleArn("ci") }, Action: "sts:AssumeRole", ...tagCond }]);
    expect(messages(principalSessionTagUnsatisfiable, [r])).toEqual([
      "aws:RequestTag/team requires session tags, but the trust policy does not allow sts:TagSession",
    ]);
  });
  it("rejects a request tag condition for a service that sends no tags", () => {
    expect(messages(principalSessionTagUnsatisfiable, [service("ecs-tasks.amazonaws.com", ["sts:AssumeRole", "sts:TagSession"], tagCond)])).toEqual([
      "aws:RequestTag/team requires session tags, but ecs-tasks.amazonaws.com passes none",
    ]);
  });
  it("accepts an optional tag condition", () => {
    const opt = { Condition: { StringEqualsIfExists: { "aws:RequestTag/team": "shop" } } };
    expect(messages(principalSessionTagUnsatisfiable, [service("ecs-tasks.amazonaws.com", "sts:AssumeRole", opt)])).toEqual([]);
  });
});

describe("PRINCIPAL-WILDCARD-NO-CONDITION", () => {
  it("accepts a wildcard principal limited by a condition", () => {
    const r = roleWithTrust("r", [
      { Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } },
    ]);
    expect(messages(principalWildcardNoCondition, [r])).toEqual([]);
  });
  it('rejects Principal "*" without a condition', () => {
    const [f] = check(principalWildcardNoCondition, [roleWithTrust("r", [{ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }])]);
    expect(f).toMatchObject({
      field: "assume_role_policy.Statement[0].Principal",
      message: "every AWS principal can assume this role: the statement has a wildcard principal and no condition",
    });
  });
});

describe("PRINCIPAL-WILDCARD-ACTION", () => {
  it("accepts exact actions", () => {
    expect(messages(principalWildcardAction, [service("ecs-tasks.amazonaws.com", "sts:AssumeRole")])).toEqual([]);
  });
  it("rejects sts:*", () => {
    const [f] = check(principalWildcardAction, [service("ecs-tasks.amazonaws.com", "sts:*")]);
    expect(f).toMatchObject({ severity: "error", message: "the trust statement allows every STS action" });
  });
  it("warns about a partial pattern", () => {
    const [f] = check(principalWildcardAction, [service("ecs-tasks.amazonaws.com", "sts:AssumeRole*")]);
    expect(f).toMatchObject({ severity: "warning", message: "the trust statement allows actions by pattern" });
  });
  it("rejects NotAction", () => {
    const r = roleWithTrust("r", [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, NotAction: "iam:*" }]);
    const [f] = check(principalWildcardAction, [r]);
    expect(f).toMatchObject({ field: "assume_role_policy.Statement[0].NotAction", message: "NotAction in an Allow trust statement allows every action not listed" });
  });
});

describe("resource policies", () => {
  it("are not read as trust policies", () => {
    const bucketPolicy = data("aws_iam_policy_document", "bucket", {
      statement: [{ actions: ["s3:GetObject"], principals: [{ type: "AWS", identifiers: ["*"] }], resources: ["arn:aws:s3:::b/*"] }],
    });
    expect(messages(principalWildcardNoCondition, [bucketPolicy])).toEqual([]);
  });
});
