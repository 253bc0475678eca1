/**
 * Plain words for federated principals: OIDC providers used with
 * `sts:AssumeRoleWithWebIdentity` (EKS IRSA and other issuers) and SAML
 * providers used with `sts:AssumeRoleWithSAML`.
 */
import { parseIamIdentityArn } from "./arn";
import { IndexedBlock, StackIndex } from "./stack-index";
import { conditionsOn, isPositiveOperator, isWildcardOperator } from "./trust-conditions";
import { KIND, PrincipalWords, StatementContext, actionMatch, orList, wildcardActionFlags } from "./trust-phrase";
import { hasInterpolation, referencesIn, parseTemplate, templateWords } from "./terraform-template";

const OIDC_PROVIDER = "aws_iam_openid_connect_provider";
const SAML_PROVIDER = "aws_iam_saml_provider";
const SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

/** Describes a Federated principal, or returns undefined when no recognized action goes with it. */
export function federatedWords(federated: string, context: StatementContext): PrincipalWords[] | undefined {
  const { actions } = context.statement;
  const words: PrincipalWords[] = [];
  if (actionMatch(actions, "sts:AssumeRoleWithWebIdentity") !== undefined) {
    const flags = wildcardActionFlags(actions, "sts:AssumeRoleWithWebIdentity");
    words.push(...oidcWords(federated, context).map((phrase) => ({ ...phrase, flags: [...phrase.flags, ...flags] })));
  }
  if (actionMatch(actions, "sts:AssumeRoleWithSAML") !== undefined) {
    const flags = wildcardActionFlags(actions, "sts:AssumeRoleWithSAML");
    const phrase = samlWords(federated, context);
    words.push({ ...phrase, flags: [...phrase.flags, ...flags] });
  }
  return words.length > 0 ? words : undefined;
}

/** The audience the AWS SDKs request for EKS service account tokens. */
const STS_AUDIENCE = "sts.amazonaws.com";

/**
 * Returns the condition keys an OIDC phrase covers: `HOST:sub`, and
 * `HOST:aud` when it accepts only the STS audience. Any other audience,
 * such as a Cognito identity pool ID, stays in the words.
 */
function oidcConsumedKeys(conditions: StatementContext["statement"]["conditions"]): (key: string) => boolean {
  const audienceTests = conditions.filter((condition) => condition.key.toLowerCase().endsWith(":aud"));
  const onlyStsAudience = audienceTests.every((condition) => condition.values.every((value) => value === STS_AUDIENCE));
  return (key) => key.endsWith(":sub") || (onlyStsAudience && key.endsWith(":aud"));
}

function oidcWords(federated: string, { statement, index }: StatementContext): PrincipalWords[] {
  const oidcConsumed = oidcConsumedKeys(statement.conditions);
  const principalProvider = providerOfText(federated, index);
  const subjectTests = statement.conditions.filter((condition) => condition.key.toLowerCase().endsWith(":sub") && isPositiveOperator(condition.operator));
  const words: PrincipalWords[] = [];

  for (const test of subjectTests) {
    const host = test.key.slice(0, -":sub".length);
    const provider = providerOfText(host, index) ?? principalProvider;
    const cluster = provider !== undefined ? `cluster ${providerClusterName(provider)}` : `the cluster with issuer ${templateWords(host)}`;
    for (const subject of test.values) {
      words.push({ ...subjectWords(subject, isWildcardOperator(test.operator), cluster, host), consumed: oidcConsumed });
    }
  }
  if (words.length > 0) return words;

  const issuer = principalProvider !== undefined ? `${providerClusterName(principalProvider)}` : issuerWords(federated);
  return [{
    kind: isEksIssuer(federated, principalProvider) ? KIND.irsa : KIND.webIdentity,
    text: `any identity that OIDC provider ${issuer} issues tokens for`,
    flags: ["no :sub condition, so every identity of the issuer may assume the role"],
    consumed: oidcConsumed,
  }];
}

/** Words for one accepted `sub` value. */
function subjectWords(subject: string, wildcard: boolean, cluster: string, host: string): Omit<PrincipalWords, "consumed"> {
  const base = { kind: KIND.irsa };
  if (!subject.startsWith(SERVICE_ACCOUNT_PREFIX)) {
    if (wildcard && subject === "*") {
      return { ...base, kind: kindOfHost(host), text: `any identity from ${cluster}`, flags: ["the :sub condition matches every subject"] };
    }
    return { ...base, kind: kindOfHost(host), text: `identities with subject ${templateWords(subject)} from ${cluster}`, flags: [] };
  }

  const rest = subject.slice(SERVICE_ACCOUNT_PREFIX.length);
  const colon = rest.indexOf(":");
  const namespace = colon < 0 ? rest : rest.slice(0, colon);
  const name = colon < 0 ? undefined : rest.slice(colon + 1);
  if (!wildcard) {
    const literalStar = /[*?]/.test(subject)
      ? ["StringEquals compares * and ? literally, so this matches only a service account with exactly that name"]
      : [];
    return { ...base, text: `pods using service account ${templateWords(rest.replace(":", "/"))} on ${cluster}`, flags: literalStar };
  }
  if (namespace === "*" && (name === undefined || name === "*")) {
    return { ...base, text: `any service account in any namespace on ${cluster}`, flags: ["every pod on the cluster may assume the role"] };
  }
  if (name === undefined) {
    return { ...base, text: `pods using a service account matching ${templateWords(subject)} on ${cluster}`, flags: [] };
  }
  if (name === "*") {
    return { ...base, text: `any service account in namespace ${templateWords(namespace)} on ${cluster}`, flags: [] };
  }
  if (namespace === "*") {
    return {
      ...base,
      text: `service account ${templateWords(name)} in any namespace on ${cluster}`,
      flags: ["anyone who can create a namespace on the cluster may assume the role"],
    };
  }
  return { ...base, text: `pods using service account ${templateWords(namespace)}/${templateWords(name)} on ${cluster}`, flags: [] };
}

/**
 * Finds the provider a text refers to: through a reference to the provider
 * resource or data source, or, for a literal issuer host or provider ARN,
 * through a provider in the stack whose url has that host.
 */
function providerOfText(text: string, index: StackIndex): IndexedBlock | undefined {
  for (const part of parseTemplate(text)) {
    if (!("expression" in part)) continue;
    const reference = referencesIn(part.expression).find((candidate) => candidate.type === OIDC_PROVIDER);
    if (reference !== undefined) return index.find(reference);
  }
  if (hasInterpolation(text)) return undefined;
  const host = hostOf(text);
  return index.resourcesAndData(OIDC_PROVIDER).find((provider) => {
    const url = provider.body.url;
    return typeof url === "string" && !hasInterpolation(url) && url.replace(/^https:\/\//, "") === host;
  });
}

/** Returns the issuer host of a literal provider ARN, or the text itself when it is a host. */
function hostOf(text: string): string {
  const arn = parseIamIdentityArn(text);
  return arn?.resourceType === "oidc-provider" ? arn.name : text.replace(/^https:\/\//, "");
}

/**
 * Returns the cluster name of a provider: the ID of the construct that
 * contains the provider resource (`EksOidcProviders/orders-eks/Provider` gives
 * `orders-eks`), or the resource's own ID when it sits directly in the stack.
 */
function providerClusterName(provider: IndexedBlock): string {
  const segments = provider.path.split("/");
  return segments.length > 1 ? segments[segments.length - 2] : segments[0];
}

function issuerWords(federated: string): string {
  return hasInterpolation(federated) ? templateWords(federated) : hostOf(federated);
}

function kindOfHost(host: string): string {
  return /oidc\.eks\./.test(host) ? KIND.irsa : KIND.webIdentity;
}

function isEksIssuer(federated: string, provider: IndexedBlock | undefined): boolean {
  const url = provider?.body.url;
  return kindOfHost(typeof url === "string" ? url : hostOf(federated)) === KIND.irsa;
}

function samlWords(federated: string, { statement, index }: StatementContext): PrincipalWords {
  const provider = index.referencedBlock(federated, SAML_PROVIDER, ["arn", "id"]);
  const arn = hasInterpolation(federated) ? undefined : parseIamIdentityArn(federated);
  const name = provider !== undefined
    ? typeof provider.body.name === "string" ? templateWords(provider.body.name) : provider.name
    : arn?.resourceType === "saml-provider" ? arn.name : templateWords(federated);

  const audiences = conditionsOn(statement.conditions, "SAML:aud")
    .filter((condition) => isPositiveOperator(condition.operator))
    .flatMap((condition) => condition.values.map(templateWords));
  const audience = audiences.length > 0 ? `audience ${orList(audiences)}` : "any audience";
  return {
    kind: KIND.saml,
    text: `people signing in through SAML provider ${name} (${audience})`,
    flags: audiences.length > 0 ? [] : ["no SAML:aud condition"],
    consumed: (key) => key === "saml:aud",
  };
}
