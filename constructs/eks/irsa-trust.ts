/**
 * The trust statements of IAM roles for service accounts (IRSA).
 *
 * The pod's AWS SDK exchanges its projected service account token with
 * `sts:AssumeRoleWithWebIdentity`. STS checks the token's `sub` claim,
 * `system:serviceaccount:NAMESPACE:NAME`, and its `aud` claim against the
 * conditions keyed `ISSUER:sub` and `ISSUER:aud`.
 */
import { TrustConditions, TrustStatement } from "../iam/trust-policy";
import { IEksOidcProvider, IRSA_AUDIENCE } from "./eks-oidc-provider";
import { hasWildcard } from "./kubernetes-names";

/** A Kubernetes service account, or with wildcards a set of them. */
export interface ServiceAccountRef {
  /** The namespace, for example `orders`. */
  readonly namespace: string;
  /** The service account name, for example `orders-api`, or `*` for every one of the namespace. */
  readonly name: string;
}

/** Returns the `sub` claim of a service account's tokens. */
export function serviceAccountSubject(serviceAccount: ServiceAccountRef): string {
  return `system:serviceaccount:${serviceAccount.namespace}:${serviceAccount.name}`;
}

/**
 * Builds the statements that trust the given subjects.
 *
 * Exact subjects are matched with `StringEquals` and subjects with `*` or
 * `?` with `StringLike`; the audience is always matched with
 * `StringEquals`. The two kinds go in separate statements, because the
 * operators of one statement must all match: one statement with both
 * would require a subject to equal an exact value and match a pattern.
 */
export function irsaTrustStatements(provider: IEksOidcProvider, subjects: readonly string[]): TrustStatement[] {
  const exact = subjects.filter((subject) => !hasWildcard(subject)).sort();
  const patterns = subjects.filter(hasWildcard).sort();
  const audience = { [`${provider.issuerHost}:aud`]: IRSA_AUDIENCE };
  const subjectKey = `${provider.issuerHost}:sub`;

  const statements: TrustStatement[] = [];
  if (exact.length > 0) {
    statements.push(webIdentityStatement(provider.providerArn, { StringEquals: { ...audience, [subjectKey]: oneOrMany(exact) } }));
  }
  if (patterns.length > 0) {
    statements.push(webIdentityStatement(provider.providerArn, { StringEquals: audience, StringLike: { [subjectKey]: oneOrMany(patterns) } }));
  }
  return statements;
}

function webIdentityStatement(providerArn: string, conditions: TrustConditions): TrustStatement {
  return {
    Effect: "Allow",
    Principal: { Federated: providerArn },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: conditions,
  };
}

function oneOrMany(values: string[]): string | string[] {
  return values.length === 1 ? values[0] : values;
}
