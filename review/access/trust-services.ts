/**
 * Plain words for AWS service principals: Lambda, ECS tasks, EC2 and EKS
 * Pod Identity. Other services are left to the caller, which reports them
 * as unrecognized.
 */
import { parseArn } from "./arn";
import { refersToRoleArn, refersToRoleName } from "./role-match";
import { IndexedBlock } from "./stack-index";
import { acceptedValues, conditionsOn, isPositiveOperator, isWildcardOperator } from "./trust-conditions";
import {
  KIND, NOTHING_CONSUMED, PrincipalWords, StatementContext, actionMatch, matchesWildcard, orList, wildcardActionFlags,
} from "./trust-phrase";
import { hasInterpolation, templateWords } from "./terraform-template";

type ServiceDescriber = (context: StatementContext) => PrincipalWords[];

const SERVICES: Record<string, ServiceDescriber> = {
  "lambda.amazonaws.com": () => [{ kind: KIND.lambda, text: "Lambda functions using this role", flags: [], consumed: NOTHING_CONSUMED }],
  "ecs-tasks.amazonaws.com": ecsWords,
  "ec2.amazonaws.com": ec2Words,
  "pods.eks.amazonaws.com": podIdentityWords,
};

/** Describes a service principal, or returns undefined for a service or action this report does not know. */
export function serviceWords(service: string, context: StatementContext): PrincipalWords[] | undefined {
  const describe = SERVICES[service.toLowerCase()];
  if (describe === undefined || actionMatch(context.statement.actions, "sts:AssumeRole") === undefined) return undefined;
  const flags = wildcardActionFlags(context.statement.actions, "sts:AssumeRole");
  return describe(context).map((words) => ({ ...words, flags: [...words.flags, ...flags] }));
}

const SOURCE_KEYS = new Set(["aws:sourceaccount", "aws:sourcearn"]);

function ecsWords({ statement }: StatementContext): PrincipalWords[] {
  const accounts = acceptedValues(statement.conditions, "aws:SourceAccount");
  const sourceArns = acceptedValues(statement.conditions, "aws:SourceArn");
  const consumed = (key: string) => SOURCE_KEYS.has(key);
  if (accounts.length === 0 && sourceArns.length === 0) {
    return [{
      kind: KIND.ecs,
      text: "ECS tasks in any account that can pass the role",
      flags: ["no aws:SourceAccount or aws:SourceArn condition, so ECS may assume the role for tasks of other accounts"],
      consumed,
    }];
  }

  const parsed = sourceArns.map(parseArn);
  const arnAccounts = parsed.flatMap((arn) => (arn === undefined || arn.account === "*" ? [] : [arn.account]));
  const regions = parsed.flatMap((arn) => (arn === undefined || arn.region === "*" || arn.region === "" ? [] : [arn.region]));
  const accountWords = unique([...accounts, ...arnAccounts]).map(templateWords);
  const regionWords = unique(regions).map(templateWords);
  const narrowArns = sourceArns.filter((_, position) => parsed[position] === undefined || !["*", ""].includes(parsed[position]!.resource));

  const where = [
    accountWords.length > 0 ? `account ${orList(accountWords)}` : "any account",
    regionWords.length > 0 ? `region ${orList(regionWords)}` : "any region",
  ].join(", ");
  const arnWords = narrowArns.length > 0 ? ` whose source ARN matches ${orList(narrowArns.map(templateWords))}` : "";
  return [{ kind: KIND.ecs, text: `ECS tasks in ${where}${arnWords}`, flags: [], consumed }];
}

function ec2Words({ role, index }: StatementContext): PrincipalWords[] {
  const profiles = index.resources("aws_iam_instance_profile").filter((profile) => refersToRoleName(profile.body.role, role, index));
  if (profiles.length === 0) {
    return [{ kind: KIND.ec2, text: "EC2 instances with an instance profile defined outside this stack", flags: [], consumed: NOTHING_CONSUMED }];
  }
  return profiles.map((profile) => ({
    kind: KIND.ec2,
    text: `EC2 instances with instance profile ${nameWords(profile.body.name, profile.body.name_prefix)}`,
    flags: [],
    consumed: NOTHING_CONSUMED,
  }));
}

/** The session tags EKS Pod Identity sets, which a trust statement may test to name one target. */
const POD_IDENTITY_TAGS = {
  cluster: "aws:RequestTag/eks-cluster-name",
  namespace: "aws:RequestTag/kubernetes-namespace",
  serviceAccount: "aws:RequestTag/kubernetes-service-account",
};
const POD_IDENTITY_TAG_KEYS = new Set(Object.values(POD_IDENTITY_TAGS).map((key) => key.toLowerCase()));

/**
 * Lists the stack's Pod Identity associations for the role that the
 * statement's session tag conditions admit. Without associations, the tag
 * conditions themselves name the target.
 */
function podIdentityWords({ statement, role, index }: StatementContext): PrincipalWords[] {
  const consumed = (key: string) => POD_IDENTITY_TAG_KEYS.has(key);
  const tests = {
    cluster: tagTests(statement.conditions, POD_IDENTITY_TAGS.cluster),
    namespace: tagTests(statement.conditions, POD_IDENTITY_TAGS.namespace),
    serviceAccount: tagTests(statement.conditions, POD_IDENTITY_TAGS.serviceAccount),
  };
  const admitted = (association: IndexedBlock) =>
    tagAdmits(tests.cluster, association.body.cluster_name) &&
    tagAdmits(tests.namespace, association.body.namespace) &&
    tagAdmits(tests.serviceAccount, association.body.service_account);
  const associations = index
    .resources("aws_eks_pod_identity_association")
    .filter((association) => refersToRoleArn(association.body.role_arn, role, index) && admitted(association));

  if (associations.length > 0) {
    return associations.map((association) => {
      const { cluster_name: cluster, namespace, service_account: serviceAccount } = association.body;
      const text = `EKS pods via Pod Identity: ${textWords(cluster)} ${textWords(namespace)}/${textWords(serviceAccount)}`;
      return { kind: KIND.podIdentity, text, flags: [], consumed };
    });
  }
  if ([tests.cluster, tests.namespace, tests.serviceAccount].some((test) => test.length > 0)) {
    const text = `EKS pods via Pod Identity: ${testWords(tests.cluster)} ${testWords(tests.namespace)}/${testWords(tests.serviceAccount)} (no association in this stack)`;
    return [{ kind: KIND.podIdentity, text, flags: [], consumed }];
  }
  return [{
    kind: KIND.podIdentity,
    text: "EKS pods of any cluster whose Pod Identity association names this role (none in this stack)",
    flags: [],
    consumed,
  }];
}

interface TagTest {
  readonly value: string;
  readonly wildcard: boolean;
}

function tagTests(conditions: StatementContext["statement"]["conditions"], key: string): TagTest[] {
  return conditionsOn(conditions, key)
    .filter((condition) => isPositiveOperator(condition.operator))
    .flatMap((condition) => condition.values.map((value) => ({ value, wildcard: isWildcardOperator(condition.operator) })));
}

/** Checks an association field against the tag tests. A value known only at apply time passes. */
function tagAdmits(tests: readonly TagTest[], value: unknown): boolean {
  if (tests.length === 0 || typeof value !== "string" || hasInterpolation(value)) return true;
  return tests.some((test) => (test.wildcard ? matchesWildcard(value, test.value) : test.value === value));
}

function testWords(tests: readonly TagTest[]): string {
  return tests.length === 0 ? "(any)" : orList(tests.map((test) => templateWords(test.value)));
}

function nameWords(name: unknown, prefix: unknown): string {
  if (typeof name === "string") return templateWords(name);
  if (typeof prefix === "string") return `${templateWords(prefix)}… (suffix generated by Terraform)`;
  return "(name generated by Terraform)";
}

function textWords(value: unknown): string {
  return typeof value === "string" ? templateWords(value) : "(not set)";
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
