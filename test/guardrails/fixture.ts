/** Hand-built synthesized blocks for rule tests. */
import { Finding, Rule, RuleContext, SynthResource } from "../../constructs/guardrails/model";

/** Builds a resource block. The path defaults to `stack/<name>`. */
export function res(type: string, name: string, config: Record<string, unknown>, path = `stack/${name}`): SynthResource {
  return { type, name, address: `${type}.${name}`, path, config };
}

/** Builds a data source block. */
export function data(type: string, name: string, config: Record<string, unknown>): SynthResource {
  return { type, name, address: `data.${type}.${name}`, path: `stack/${name}`, config };
}

/** Builds the rule context of one stack with the given blocks. */
export function ctxOf(blocks: SynthResource[], extra: Partial<RuleContext> = {}): RuleContext {
  return {
    resources: blocks.filter((b) => !b.address.startsWith("data.")),
    dataSources: blocks.filter((b) => b.address.startsWith("data.")),
    stackName: "stack",
    ...extra,
  };
}

/** Account id used across fixtures. */
export const ACCOUNT = "123456789012";

/** ARN of a role named `name` in ACCOUNT. */
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

/** Builds a well-formed IAM Atlas user. Fields in `over` replace the defaults, and undefined removes one. */
export function atlasUser(name: string, over: Record<string, unknown> = {}): SynthResource {
  const config: Record<string, unknown> = {
    project_id: "p1",
    username: roleArn("app"),
    auth_database_name: "$external",
    aws_iam_type: "ROLE",
    roles: [{ role_name: "readWrite", database_name: "orders" }],
    scopes: [{ name: "c1", type: "CLUSTER" }],
    ...over,
  };
  for (const k of Object.keys(config)) if (config[k] === undefined) delete config[k];
  return res("mongodbatlas_database_user", name, config);
}

/** Builds an IAM role whose trust policy is the JSON of the given statements. */
export function roleWithTrust(name: string, statements: unknown[], over: Record<string, unknown> = {}): SynthResource {
  return res("aws_iam_role", name, {
    assume_role_policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }),
    ...over,
  });
}

/** EKS issuer host/path used in OIDC fixtures. */
export const EKS_ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/ABCDEF0123456789";

/** Builds a well-formed IRSA trust statement. `cond` replaces the Condition element when given. */
export function irsaStatement(cond?: Record<string, unknown>, action: unknown = "sts:AssumeRoleWithWebIdentity"): Record<string, unknown> {
  return {
    Effect: "Allow",
    Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${EKS_ISSUER}` },
    Action: action,
    Condition: cond ?? {
      StringEquals: {
        [`${EKS_ISSUER}:sub`]: "system:serviceaccount:shop:orders",
        [`${EKS_ISSUER}:aud`]: "sts.amazonaws.com",
      },
    },
  };
}

/** Runs one rule. */
export function check(rule: Rule, blocks: SynthResource[], extra: Partial<RuleContext> = {}): Finding[] {
  return rule.check(ctxOf(blocks, extra));
}

/** Runs one rule and returns the messages of its findings. */
export function messages(rule: Rule, blocks: SynthResource[], extra: Partial<RuleContext> = {}): string[] {
  return check(rule, blocks, extra).map((f) => f.message);
}
