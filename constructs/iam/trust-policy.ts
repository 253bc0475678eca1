/**
 * The shape of IAM trust policies, and their rendering as literal JSON.
 *
 * A policy is rendered with `JSON.stringify`, never with Terraform's
 * `jsonencode`: when every input is known at synth time the result is a
 * literal document in `cdk.tf.json`, which reviewers and scanners read as is.
 * A value known only at apply time stays a `${...}` interpolation inside the
 * string, including in condition keys, where cdktf 0.21.0 would render a
 * token passed through `Fn.jsonencode` as broken HCL.
 */

/** A principal block: who may assume the role. */
export interface TrustPrincipal {
  readonly Service?: string | string[];
  readonly Federated?: string;
  readonly AWS?: string | string[];
}

/** Condition operators mapped to condition keys and their allowed values. */
export type TrustConditions = Record<string, Record<string, string | string[]>>;

/** One statement of a trust policy. */
export interface TrustStatement {
  readonly Sid?: string;
  readonly Effect: "Allow";
  readonly Principal: TrustPrincipal;
  readonly Action: string | string[];
  readonly Condition?: TrustConditions;
}

/** A trust policy document. */
export interface TrustPolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: TrustStatement[];
}

/** Wraps statements into a document with the current policy language version. */
export function trustPolicy(...statements: TrustStatement[]): TrustPolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}

/** Builds the statement that lets an AWS service assume a role. */
export function serviceTrust(service: string, conditions?: TrustConditions): TrustStatement {
  const statement: TrustStatement = { Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" };
  return conditions === undefined ? statement : { ...statement, Condition: conditions };
}

/** Renders a trust policy as compact JSON, so that AWS's normalized form shows no spurious diff. */
export function renderTrustPolicy(document: TrustPolicyDocument): string {
  return JSON.stringify(document);
}
