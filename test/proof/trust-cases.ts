/**
 * STS requests that a workload's role must accept or reject, derived from the
 * configuration alone. Each workload gets its intended caller and near misses. A near
 * miss differs from the intended caller in one detail, such as the service account,
 * namespace, audience, identity provider, service principal, source account, session
 * tags, source role or external ID.
 *
 * Nothing here reads the synthesized output, so a test that evaluates the emitted trust
 * policy against these requests fails when the app emits the wrong principal or
 * condition.
 */
import { EnvironmentConfig } from "../../app/config/schema";
import { WorkloadConfig } from "../../app/config/workloads";
import type { TrustRequest } from "../support/iam-evaluator";

/** One request and whether the role must accept it. */
export interface TrustCase {
  /** Short sentence that names the caller, for the test name. */
  readonly caller: string;
  readonly request: TrustRequest;
  readonly allowed: boolean;
}

/** The account used where the configuration leaves the account to Terraform. */
export const FAKE_ACCOUNT_ID = "111122223333";
/** An account that appears nowhere in the configuration. */
export const OTHER_ACCOUNT_ID = "999988887777";

type KindOf<K extends WorkloadConfig["kind"]> = Extract<WorkloadConfig, { kind: K }>;
type CaseBuilder<K extends WorkloadConfig["kind"]> = (workload: KindOf<K>, environment: EnvironmentConfig) => TrustCase[];

/**
 * Case builders by workload kind, or `"no role"` for kinds that create no IAM role. The
 * mapped type makes a new kind a compile error here until it gets cases.
 */
export const TRUST_CASES: { readonly [K in WorkloadConfig["kind"]]: CaseBuilder<K> | "no role" } = {
  lambda: (_workload, environment) => serviceCases("lambda.amazonaws.com", "ecs-tasks.amazonaws.com", environment),
  ec2: (_workload, environment) => serviceCases("ec2.amazonaws.com", "lambda.amazonaws.com", environment),
  ecs: ecsCases,
  "eks-irsa": irsaCases,
  "eks-pod-identity": podIdentityCases,
  "role-chain": roleChainCases,
  saml: samlCases,
  "iam-user": "no role",
  "existing-role": "no role",
};

/** Returns the cases of one workload, or `"no role"`. */
export function trustCasesOf(workload: WorkloadConfig, environment: EnvironmentConfig): TrustCase[] | "no role" {
  const builder = TRUST_CASES[workload.kind] as CaseBuilder<WorkloadConfig["kind"]> | "no role" | undefined;
  if (builder === undefined) {
    throw new Error(`Workload kind ${workload.kind} has no trust cases: add a builder to TRUST_CASES in test/proof/trust-cases.ts.`);
  }
  return builder === "no role" ? builder : builder(workload as never, environment);
}

/** Returns the partition of a region, as AWS assigns it. */
export function partitionOf(region: string): string {
  return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
}

function accountOf(environment: EnvironmentConfig): string {
  return environment.aws.accountId ?? FAKE_ACCOUNT_ID;
}

function iamArn(environment: EnvironmentConfig, resource: string, account = accountOf(environment)): string {
  return `arn:${partitionOf(environment.aws.region)}:iam::${account}:${resource}`;
}

function allow(caller: string, request: TrustRequest): TrustCase {
  return { caller, request, allowed: true };
}

function deny(caller: string, request: TrustRequest): TrustCase {
  return { caller, request, allowed: false };
}

function serviceRequest(service: string, context: TrustRequest["context"] = {}, action = "sts:AssumeRole"): TrustRequest {
  return { principal: { type: "Service", id: service }, action, context };
}

function roleSession(environment: EnvironmentConfig, roleName: string, account: string): TrustRequest["principal"] {
  return { type: "AWS", id: `arn:${partitionOf(environment.aws.region)}:sts::${account}:assumed-role/${roleName}/session-1` };
}

function serviceCases(service: string, otherService: string, environment: EnvironmentConfig): TrustCase[] {
  return [
    allow(`${service}`, serviceRequest(service)),
    deny(`another service principal, ${otherService}`, serviceRequest(otherService)),
    deny("a session of another role of the same account", {
      principal: roleSession(environment, "admin", accountOf(environment)),
      action: "sts:AssumeRole",
      context: {},
    }),
  ];
}

function ecsCases(workload: KindOf<"ecs">, environment: EnvironmentConfig): TrustCase[] {
  const { region } = environment.aws;
  const partition = partitionOf(region);
  const account = accountOf(environment);
  const source = (sourceAccount: string, sourceRegion = region) => ({
    "aws:SourceAccount": sourceAccount,
    "aws:SourceArn": `arn:${partition}:ecs:${sourceRegion}:${sourceAccount}:task/shop/0f3c1d2e4b5a69788796a5b4c3d2e1f0`,
  });
  const cases = [
    allow("an ECS task of the same account and region", serviceRequest("ecs-tasks.amazonaws.com", source(account))),
    deny("another service principal with the same source", serviceRequest("ec2.amazonaws.com", source(account))),
  ];
  if (workload.confusedDeputyProtection === false) {
    return [...cases, allow("ECS without source conditions", serviceRequest("ecs-tasks.amazonaws.com"))];
  }
  const otherRegion = region === "eu-central-1" ? "eu-west-1" : "eu-central-1";
  return [
    ...cases,
    deny("an ECS task of another account", serviceRequest("ecs-tasks.amazonaws.com", source(OTHER_ACCOUNT_ID))),
    deny("ECS with this account but a task ARN of another account", serviceRequest("ecs-tasks.amazonaws.com", {
      ...source(account),
      "aws:SourceArn": source(OTHER_ACCOUNT_ID)["aws:SourceArn"],
    })),
    deny("an ECS task of the same account in another region", serviceRequest("ecs-tasks.amazonaws.com", source(account, otherRegion))),
    deny("ECS without aws:SourceAccount and aws:SourceArn", serviceRequest("ecs-tasks.amazonaws.com")),
  ];
}

/** Returns the ARN and issuer host of the IAM OIDC provider of an EKS cluster of the environment. */
function oidcProviderOf(environment: EnvironmentConfig, clusterName: string): { arn: string; host: string } {
  const cluster = environment.eks?.clusters.find((candidate) => candidate.name === clusterName);
  if (cluster === undefined) {
    throw new Error(`EKS cluster ${clusterName} is not in environment ${environment.name}.`);
  }
  if (cluster.oidcProviderArn !== undefined) {
    return { arn: cluster.oidcProviderArn, host: cluster.oidcProviderArn.replace(/^.*:oidc-provider\//, "") };
  }
  const host = (cluster.oidcIssuerUrl ?? "").replace(/^https:\/\//, "").replace(/\/$/, "");
  return { arn: iamArn(environment, `oidc-provider/${host}`), host };
}

/** Turns a Kubernetes name pattern into a name it matches. */
function instantiate(pattern: string): string {
  return pattern.replace(/\*/g, "x7").replace(/\?/g, "q");
}

function globMatches(pattern: string, value: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`).test(value);
}

/** Returns the first candidate that `rejected` accepts, or undefined when every one would still match. */
function firstRejected(candidates: readonly string[], rejected: (candidate: string) => boolean): string | undefined {
  return candidates.find(rejected);
}

function irsaCases(workload: KindOf<"eks-irsa">, environment: EnvironmentConfig): TrustCase[] {
  const provider = oidcProviderOf(environment, workload.cluster);
  const trusted = (namespace: string, name: string) =>
    workload.serviceAccounts.some((account) => globMatches(account.namespace, namespace) && globMatches(account.name, name));
  const webIdentity = (target: { arn: string; host: string }, namespace: string, name: string, audience = "sts.amazonaws.com"): TrustRequest => ({
    principal: { type: "Federated", id: target.arn },
    action: "sts:AssumeRoleWithWebIdentity",
    context: { [`${target.host}:sub`]: `system:serviceaccount:${namespace}:${name}`, [`${target.host}:aud`]: audience },
  });
  const otherCluster = (environment.eks?.clusters ?? []).map((cluster) => cluster.name).find((name) => oidcProviderOf(environment, name).arn !== provider.arn);
  const otherProvider = otherCluster === undefined
    ? { arn: iamArn(environment, `oidc-provider/oidc.eks.${environment.aws.region}.amazonaws.com/id/00000000000000000000000000000000`), host: `oidc.eks.${environment.aws.region}.amazonaws.com/id/00000000000000000000000000000000` }
    : oidcProviderOf(environment, otherCluster);

  return workload.serviceAccounts.flatMap((account) => {
    const namespace = instantiate(account.namespace);
    const name = instantiate(account.name);
    const where = `${namespace}/${name}`;
    const cases = [
      allow(`service account ${where}`, webIdentity(provider, namespace, name)),
      deny(`service account ${where} with the audience of the Kubernetes API`, webIdentity(provider, namespace, name, "https://kubernetes.default.svc")),
      deny(`service account ${where} of another OIDC provider`, webIdentity(otherProvider, namespace, name)),
      deny(`service account ${where} calling sts:AssumeRole`, { ...webIdentity(provider, namespace, name), action: "sts:AssumeRole" }),
    ];
    const wrongName = firstRejected([`zz-${name}`, `${name}-zz`, "zz"], (candidate) => !trusted(namespace, candidate));
    if (wrongName !== undefined) {
      cases.push(deny(`another service account, ${namespace}/${wrongName}`, webIdentity(provider, namespace, wrongName)));
    }
    const wrongNamespace = firstRejected([`zz-${namespace}`, `${namespace}-zz`, "zz"], (candidate) => !trusted(candidate, name));
    if (wrongNamespace !== undefined) {
      cases.push(deny(`the same service account in another namespace, ${wrongNamespace}/${name}`, webIdentity(provider, wrongNamespace, name)));
    }
    return cases;
  });
}

function podIdentityCases(workload: KindOf<"eks-pod-identity">, environment: EnvironmentConfig): TrustCase[] {
  const account = accountOf(environment);
  const partition = partitionOf(environment.aws.region);
  const scoped = workload.scopeSessionTags ?? !(workload.disableSessionTags ?? false);
  const associated = (cluster: string, namespace: string, serviceAccount: string) =>
    workload.associations.some((item) => item.cluster === cluster && item.namespace === namespace && item.serviceAccount === serviceAccount);
  // The session tags EKS Pod Identity attaches, as listed in constructs/eks/pod-identity-trust.ts.
  const tags = (cluster: string, namespace: string, serviceAccount: string) => ({
    "aws:RequestTag/eks-cluster-arn": `arn:${partition}:eks:${environment.aws.region}:${account}:cluster/${cluster}`,
    "aws:RequestTag/eks-cluster-name": cluster,
    "aws:RequestTag/kubernetes-namespace": namespace,
    "aws:RequestTag/kubernetes-service-account": serviceAccount,
    "aws:RequestTag/kubernetes-pod-name": `${serviceAccount}-5d8f7c9b6-x2x7q`,
    "aws:RequestTag/kubernetes-pod-uid": "7c0b2a52-4d5e-4f6a-9b8c-1d2e3f4a5b6c",
    "aws:TagKeys": ["eks-cluster-arn", "eks-cluster-name", "kubernetes-namespace", "kubernetes-service-account", "kubernetes-pod-name", "kubernetes-pod-uid"],
  });
  const pods = (context: TrustRequest["context"], action = "sts:AssumeRole") => serviceRequest("pods.eks.amazonaws.com", context, action);

  return workload.associations.flatMap(({ cluster, namespace, serviceAccount }) => {
    const where = `${cluster}/${namespace}/${serviceAccount}`;
    const right = tags(cluster, namespace, serviceAccount);
    const cases = [
      allow(`EKS Pod Identity for ${where}`, pods(right)),
      allow(`EKS Pod Identity tagging the session of ${where}`, pods(right, "sts:TagSession")),
      deny(`another service principal with the tags of ${where}`, serviceRequest("ecs-tasks.amazonaws.com", right)),
    ];
    if (!scoped) {
      return [...cases, allow("EKS Pod Identity without session tags", pods({}))];
    }
    const near = [
      ["without session tags", {}],
      ["with the tags of another namespace", tags(cluster, `zz-${namespace}`, serviceAccount), !associated(cluster, `zz-${namespace}`, serviceAccount)],
      ["with the tags of another service account", tags(cluster, namespace, `zz-${serviceAccount}`), !associated(cluster, namespace, `zz-${serviceAccount}`)],
      ["with the tags of another cluster", tags(`zz-${cluster}`, namespace, serviceAccount), !associated(`zz-${cluster}`, namespace, serviceAccount)],
    ] as const;
    for (const [what, context, applies = true] of near) {
      if (applies) {
        cases.push(deny(`EKS Pod Identity near ${where} ${what}`, pods(context)));
      }
    }
    return cases;
  });
}

function roleChainCases(workload: KindOf<"role-chain">, environment: EnvironmentConfig): TrustCase[] {
  const withExternalId = (id: string | null): TrustRequest["context"] => (id === null ? {} : { "sts:ExternalId": id });
  const request = (principal: TrustRequest["principal"], externalId: string | null = workload.externalId ?? null): TrustRequest => ({
    principal,
    action: "sts:AssumeRole",
    context: withExternalId(externalId),
  });
  const cases: TrustCase[] = [];
  for (const source of workload.sourceRoleArns) {
    const parsed = /^arn:([^:]+):iam::(\d{12}):(role|user)\/(?:.*\/)?([^/]+)$/.exec(source);
    if (parsed === null) {
      throw new Error(`Source ${source} of ${workload.name} is not a role or user ARN.`);
    }
    const [, partition, account, type, name] = parsed;
    const caller: TrustRequest["principal"] = type === "user"
      ? { type: "AWS", id: source }
      : { type: "AWS", id: `arn:${partition}:sts::${account}:assumed-role/${name}/session-1` };
    cases.push(allow(`a session of the source ${type} ${source}`, request(caller)));
    if (workload.externalId !== undefined) {
      cases.push(deny(`the source ${source} with another external ID`, request(caller, `${workload.externalId}-other`)));
      cases.push(deny(`the source ${source} without an external ID`, request(caller, null)));
    }
    const stranger = `zz-${name}`;
    if (!workload.sourceRoleArns.some((arn) => arn.endsWith(`/${stranger}`))) {
      cases.push(deny(`a role of the source account that is not in the chain, ${stranger}`, request(roleSession(environment, stranger, account))));
    }
    cases.push(deny(`a session of a role named ${name} in another account`, request(roleSession(environment, name, OTHER_ACCOUNT_ID))));
  }
  cases.push(deny("a session of a random role", request(roleSession(environment, "random-role-4f1e", OTHER_ACCOUNT_ID))));
  return cases;
}

/** The AWS sign-in endpoint of each partition, the default audience of a SAML role. */
const SIGN_IN_ENDPOINTS: Record<string, string> = {
  aws: "https://signin.aws.amazon.com/saml",
  "aws-cn": "https://signin.amazonaws.cn/saml",
  "aws-us-gov": "https://signin.amazonaws-us-gov.com/saml",
};

function samlCases(workload: KindOf<"saml">, environment: EnvironmentConfig): TrustCase[] {
  const provider = environment.saml?.providers.find((candidate) => candidate.name === workload.provider);
  if (provider === undefined) {
    throw new Error(`SAML provider ${workload.provider} is not in environment ${environment.name}.`);
  }
  const providerArn = provider.arn ?? iamArn(environment, `saml-provider/${provider.name}`);
  const audiences = workload.audiences ?? [SIGN_IN_ENDPOINTS[partitionOf(environment.aws.region)]];
  const saml = (arn: string, audience: string | undefined, action = "sts:AssumeRoleWithSAML"): TrustRequest => ({
    principal: { type: "Federated", id: arn },
    action,
    context: audience === undefined ? {} : { "SAML:aud": audience },
  });
  const otherAudience = ["https://eu-west-3.signin.aws.amazon.com/saml", "https://signin.example.com/saml"].find((audience) => !audiences.includes(audience)) as string;

  return [
    ...audiences.map((audience) => allow(`a SAML assertion for ${audience}`, saml(providerArn, audience))),
    deny(`a SAML assertion with another audience, ${otherAudience}`, saml(providerArn, otherAudience)),
    deny("a SAML assertion without an audience", saml(providerArn, undefined)),
    deny("a SAML assertion from another identity provider", saml(iamArn(environment, "saml-provider/zz-other-idp"), audiences[0])),
    deny("the identity provider calling sts:AssumeRoleWithWebIdentity", saml(providerArn, audiences[0], "sts:AssumeRoleWithWebIdentity")),
    (workload.sessionTags ?? false ? allow : deny)("the identity provider tagging the session", saml(providerArn, audiences[0], "sts:TagSession")),
  ];
}
