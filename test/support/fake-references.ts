/**
 * Builds concrete values for the Terraform references in templates of a synthesized
 * stack, as `terraform apply` would know them. For example, a role's ARN comes from its
 * name and path, an OIDC provider's ARN from its issuer URL, and the account ID from a
 * fake account. With these values, `evaluateTerraformStrings` turns every template into
 * the text that AWS or the driver would receive.
 *
 * A reference without a rule here is an error, so a new kind of reference in the output
 * shows up as a failing test instead of a silently wrong value.
 */
import { listReferences } from "./terraform-references";

/** The account, region and Atlas hosts the fake values describe. */
export interface FakeAccount {
  /** 12-digit AWS account ID of `data.aws_caller_identity` and of every ARN built here. */
  readonly accountId: string;
  readonly partition: string;
  readonly region: string;
  /** SRV host that `data.mongodbatlas_advanced_cluster` returns for a cluster name. */
  readonly srvHostOf: (clusterName: string) => string;
}

/** The resources and data sources of a parsed cdk.tf.json, by type and name. */
export interface StackBodies {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
}

type Rule = (body: Record<string, unknown>, fake: FakeAccount) => string;

const iamArn = (fake: FakeAccount, resource: string) => `arn:${fake.partition}:iam::${fake.accountId}:${resource}`;
const pathOf = (body: Record<string, unknown>) => (typeof body.path === "string" ? body.path : "/");
const text = (body: Record<string, unknown>, key: string) => {
  const value = body[key];
  if (typeof value !== "string" || value.includes("${")) {
    throw new Error(`Invalid ${key} ${JSON.stringify(value)}: a fake value can only be built from a literal string.`);
  }
  return value;
};

/** Rules by `TYPE.ATTRIBUTE` for resources and `data.TYPE.ATTRIBUTE` for data sources. */
const RULES: Record<string, Rule> = {
  "aws_iam_role.arn": (body, fake) => iamArn(fake, `role${pathOf(body)}${text(body, "name")}`),
  "aws_iam_role.name": (body) => text(body, "name"),
  "aws_iam_role.id": (body) => text(body, "name"),
  "aws_iam_user.arn": (body, fake) => iamArn(fake, `user${pathOf(body)}${text(body, "name")}`),
  "aws_iam_user.name": (body) => text(body, "name"),
  "aws_iam_instance_profile.name": (body) => text(body, "name"),
  "aws_iam_instance_profile.arn": (body, fake) => iamArn(fake, `instance-profile${pathOf(body)}${text(body, "name")}`),
  "aws_iam_openid_connect_provider.arn": (body, fake) => iamArn(fake, `oidc-provider/${text(body, "url").replace(/^https:\/\//, "")}`),
  "aws_iam_openid_connect_provider.url": (body) => text(body, "url"),
  "aws_iam_saml_provider.arn": (body, fake) => iamArn(fake, `saml-provider/${text(body, "name")}`),
  "data.aws_caller_identity.account_id": (_body, fake) => fake.accountId,
  "data.aws_partition.partition": (_body, fake) => fake.partition,
  "data.aws_partition.dns_suffix": (_body, fake) => (fake.partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"),
  "data.aws_region.name": (_body, fake) => fake.region,
  "data.aws_region.region": (_body, fake) => fake.region,
  "data.mongodbatlas_advanced_cluster.connection_strings[0].standard_srv": (body, fake) => `mongodb+srv://${fake.srvHostOf(text(body, "name"))}`,
};

const REFERENCE = /^(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)\.(.+)$/;

/**
 * Returns a value for every reference in `templates`, keyed by the reference text.
 *
 * @throws Error naming the reference when its resource is not in `stack` or no rule
 *   gives its attribute a value.
 */
export function fakeReferenceValues(stack: StackBodies, templates: readonly string[], fake: FakeAccount): Record<string, string> {
  const values: Record<string, string> = {};
  for (const reference of new Set(templates.flatMap(listReferences))) {
    const match = REFERENCE.exec(reference);
    if (match === null) {
      throw new Error(`Reference ${reference} is not a resource or data source attribute. Add a value for it by hand.`);
    }
    const [, dataPrefix, type, name, attribute] = match;
    const body = (dataPrefix === undefined ? stack.resource : stack.data)?.[type]?.[name];
    if (body === undefined) {
      throw new Error(`Reference ${reference} names no resource or data source of the stack.`);
    }
    const rule = RULES[`${dataPrefix ?? ""}${type}.${attribute}`];
    if (rule === undefined) {
      throw new Error(`No fake value for ${reference}: add a rule for ${dataPrefix ?? ""}${type}.${attribute} to test/support/fake-references.ts.`);
    }
    values[reference] = rule(body, fake);
  }
  return values;
}
