import { TerraformBlock } from "../../review/access/read-output";
import { TrustWords, describeTrust } from "../../review/access/trust-words";
import { block, indexOf, roleBlock, trustDocument } from "../fixtures/review/access-output";

type Resources = Record<string, Record<string, TerraformBlock>>;

/** Describes the trust of role `app` (name prod-app) next to the other resources given. */
function wordsFor(trust: object | string, resources: Resources = {}, data: Resources = {}): TrustWords {
  const index = indexOf({ resource: { aws_iam_role: { app: roleBlock("prod/app/Role", "prod-app", trust) }, ...resources }, data });
  const role = index.resources("aws_iam_role").find((candidate) => candidate.name === "app");
  if (role === undefined) throw new Error("role app missing from the test stack");
  return describeTrust(role, index);
}

function texts(words: TrustWords): string[] {
  return words.phrases.map((phrase) => phrase.text);
}

const ASSUME = "sts:AssumeRole";
const WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";
const ISSUER = "oidc.eks.eu-west-1.amazonaws.com/id/5C1F8A6E2B9D4C7E";
const PROVIDER_ARN = `arn:aws:iam::111122223333:oidc-provider/${ISSUER}`;

function service(name: string, condition?: object, action: string | string[] = ASSUME): object {
  return { Effect: "Allow", Principal: { Service: name }, Action: action, ...(condition === undefined ? {} : { Condition: condition }) };
}

function webIdentity(federated: string, condition: object): object {
  return { Effect: "Allow", Principal: { Federated: federated }, Action: WEB_IDENTITY, Condition: condition };
}

describe("trust words for services", () => {
  test("Lambda trust names the functions", () => {
    const words = wordsFor(trustDocument(service("lambda.amazonaws.com")));

    expect(words.kinds).toEqual(["Lambda"]);
    expect(words.phrases).toEqual([{ text: "Lambda functions using this role", flags: [] }]);
  });

  test("ECS trust names account and region", () => {
    const condition = { ArnLike: { "aws:SourceArn": "arn:aws:ecs:eu-west-1:111122223333:*" }, StringEquals: { "aws:SourceAccount": "111122223333" } };

    const words = wordsFor(trustDocument(service("ecs-tasks.amazonaws.com", condition)));

    expect(words.kinds).toEqual(["ECS"]);
    expect(words.phrases).toEqual([{ text: "ECS tasks in account 111122223333, region eu-west-1", flags: [] }]);
  });

  test("ECS without conditions flagged", () => {
    const [phrase] = wordsFor(trustDocument(service("ecs-tasks.amazonaws.com"))).phrases;

    expect(phrase.text).toBe("ECS tasks in any account that can pass the role");
    expect(phrase.flags).toEqual(["no aws:SourceAccount or aws:SourceArn condition, so ECS may assume the role for tasks of other accounts"]);
  });

  test("ECS apply-time account shown", () => {
    const condition = { StringEquals: { "aws:SourceAccount": "${data.aws_caller_identity.current.account_id}" } };

    expect(texts(wordsFor(trustDocument(service("ecs-tasks.amazonaws.com", condition)))))
      .toEqual(["ECS tasks in account (known at apply time: data.aws_caller_identity.current.account_id), any region"]);
  });

  test("EC2 names instance profile", () => {
    const profiles = {
      aws_iam_instance_profile: {
        mine: block("prod/app/InstanceProfile", { name: "prod-app-profile", role: "${aws_iam_role.app.name}" }),
        other: block("prod/other/InstanceProfile", { name: "prod-other", role: "${aws_iam_role.other.name}" }),
      },
    };

    const words = wordsFor(trustDocument(service("ec2.amazonaws.com")), profiles);

    expect(words.kinds).toEqual(["EC2"]);
    expect(texts(words)).toEqual(["EC2 instances with instance profile prod-app-profile"]);
  });

  test("EC2 without profile in stack", () => {
    expect(texts(wordsFor(trustDocument(service("ec2.amazonaws.com"))))).toEqual(["EC2 instances with an instance profile defined outside this stack"]);
  });

  test("Pod Identity lists associations", () => {
    const associations = {
      aws_eks_pod_identity_association: {
        events: block("prod/app/Associations/a", { cluster_name: "shop-main", namespace: "orders", service_account: "order-events", role_arn: "${aws_iam_role.app.arn}" }),
        literal: block("prod/app/Associations/b", { cluster_name: "shop-dr", namespace: "orders", service_account: "order-events", role_arn: "arn:aws:iam::111122223333:role/prod-app" }),
        unrelated: block("prod/other/Associations/c", { cluster_name: "shop-main", namespace: "web", service_account: "web", role_arn: "${aws_iam_role.other.arn}" }),
      },
    };

    const words = wordsFor(trustDocument(service("pods.eks.amazonaws.com", undefined, [ASSUME, "sts:TagSession"])), associations);

    expect(words.kinds).toEqual(["EKS Pod Identity"]);
    expect(texts(words)).toEqual([
      "EKS pods via Pod Identity: shop-main orders/order-events",
      "EKS pods via Pod Identity: shop-dr orders/order-events",
    ]);
  });

  test("Pod Identity tags filter associations", () => {
    const tags = (cluster: string, namespace: string, serviceAccount: string) => ({
      StringEquals: {
        "aws:RequestTag/eks-cluster-name": cluster,
        "aws:RequestTag/kubernetes-namespace": namespace,
        "aws:RequestTag/kubernetes-service-account": serviceAccount,
      },
    });
    const associations = {
      aws_eks_pod_identity_association: {
        admitted: block("prod/app/Associations/a", { cluster_name: "shop-main", namespace: "orders", service_account: "order-events", role_arn: "${aws_iam_role.app.arn}" }),
        outsideTags: block("prod/app/Associations/b", { cluster_name: "shop-main", namespace: "web", service_account: "order-events", role_arn: "${aws_iam_role.app.arn}" }),
      },
    };
    const actions = [ASSUME, "sts:TagSession"];

    const words = wordsFor(trustDocument(
      service("pods.eks.amazonaws.com", tags("shop-main", "orders", "order-events"), actions),
      service("pods.eks.amazonaws.com", tags("shop-dr", "orders", "order-events"), actions),
    ), associations);

    expect(texts(words)).toEqual([
      "EKS pods via Pod Identity: shop-main orders/order-events",
      "EKS pods via Pod Identity: shop-dr orders/order-events (no association in this stack)",
    ]);
  });

  test("other service is unrecognized", () => {
    const words = wordsFor(trustDocument(service("glue.amazonaws.com")));

    expect(words.kinds).toEqual(["other"]);
    expect(words.phrases).toEqual([{ text: "Allow Service glue.amazonaws.com: sts:AssumeRole", flags: ["unrecognized"] }]);
  });

  test("wildcard action is flagged", () => {
    const [phrase] = wordsFor(trustDocument(service("lambda.amazonaws.com", undefined, "sts:*"))).phrases;

    expect(phrase.text).toBe("Lambda functions using this role");
    expect(phrase.flags).toEqual(["sts:AssumeRole is allowed only through the wildcard sts:*, which allows other STS actions too"]);
  });

  test("other conditions are appended", () => {
    const condition = { StringEquals: { "aws:PrincipalOrgID": ["o-abc123", "o-def456"] }, Bool: { "aws:SecureTransport": "true" } };

    expect(texts(wordsFor(trustDocument(service("lambda.amazonaws.com", condition))))).toEqual([
      "Lambda functions using this role when aws:PrincipalOrgID is o-abc123 or o-def456 and aws:SecureTransport is true",
    ]);
  });
});

describe("trust words for OIDC providers", () => {
  const provider = {
    aws_iam_openid_connect_provider: {
      "EksOidcProviders_shop-main_Provider": block("prod/EksOidcProviders/shop-main/Provider", { url: `https://${ISSUER}`, client_id_list: ["sts.amazonaws.com"] }),
    },
  };

  test("IRSA exact subject", () => {
    const condition = { StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com", [`${ISSUER}:sub`]: "system:serviceaccount:storefront:storefront-web" } };

    const words = wordsFor(trustDocument(webIdentity(PROVIDER_ARN, condition)), provider);

    expect(words.kinds).toEqual(["EKS IRSA"]);
    expect(words.phrases).toEqual([{ text: "pods using service account storefront/storefront-web on cluster shop-main", flags: [] }]);
  });

  test("interpolated issuer finds provider", () => {
    const providerRef = "aws_iam_openid_connect_provider.EksOidcProviders_shop-main_Provider";
    const policy =
      `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\${${providerRef}.arn}"},` +
      `"Action":"${WEB_IDENTITY}","Condition":{"StringEquals":{"\${replace(${providerRef}.url, "https://", "")}:sub":"system:serviceaccount:orders:api"}}}]}`;

    expect(texts(wordsFor(policy, provider))).toEqual(["pods using service account orders/api on cluster shop-main"]);
  });

  test("wildcard subjects are described as sets", () => {
    const condition = {
      StringLike: {
        [`${ISSUER}:sub`]: ["system:serviceaccount:orders:*", "system:serviceaccount:*:metrics", "system:serviceaccount:reporting:export-*"],
      },
    };

    const words = wordsFor(trustDocument(webIdentity(PROVIDER_ARN, condition)), provider);

    expect(words.phrases).toEqual([
      { text: "any service account in namespace orders on cluster shop-main", flags: [] },
      { text: "service account metrics in any namespace on cluster shop-main", flags: ["anyone who can create a namespace on the cluster may assume the role"] },
      { text: "pods using service account reporting/export-* on cluster shop-main", flags: [] },
    ]);
  });

  test("every service account is flagged", () => {
    const condition = { StringLike: { [`${ISSUER}:sub`]: "system:serviceaccount:*" } };

    expect(wordsFor(trustDocument(webIdentity(PROVIDER_ARN, condition)), provider).phrases)
      .toEqual([{ text: "any service account in any namespace on cluster shop-main", flags: ["every pod on the cluster may assume the role"] }]);
  });

  test("StringEquals star flagged literal", () => {
    const condition = { StringEquals: { [`${ISSUER}:sub`]: "system:serviceaccount:orders:*" } };

    const [phrase] = wordsFor(trustDocument(webIdentity(PROVIDER_ARN, condition)), provider).phrases;

    expect(phrase.text).toBe("pods using service account orders/* on cluster shop-main");
    expect(phrase.flags).toEqual(["StringEquals compares * and ? literally, so this matches only a service account with exactly that name"]);
  });

  test("unknown issuer named by host", () => {
    const condition = { StringEquals: { [`${ISSUER}:sub`]: "system:serviceaccount:orders:api" } };

    expect(texts(wordsFor(trustDocument(webIdentity(PROVIDER_ARN, condition)))))
      .toEqual([`pods using service account orders/api on the cluster with issuer ${ISSUER}`]);
  });

  test("missing sub condition is flagged", () => {
    const words = wordsFor(trustDocument(webIdentity(PROVIDER_ARN, { StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com" } })));

    expect(words.kinds).toEqual(["EKS IRSA"]);
    expect(words.phrases).toEqual([{
      text: `any identity that OIDC provider ${ISSUER} issues tokens for`,
      flags: ["no :sub condition, so every identity of the issuer may assume the role"],
    }]);
  });

  test("non-EKS subject quoted", () => {
    const host = "token.actions.githubusercontent.com";
    const condition = { StringEquals: { [`${host}:sub`]: "repo:shop/checkout:ref:refs/heads/main" } };

    const words = wordsFor(trustDocument(webIdentity(`arn:aws:iam::111122223333:oidc-provider/${host}`, condition)));

    expect(words.kinds).toEqual(["OIDC web identity"]);
    expect(texts(words)).toEqual([`identities with subject repo:shop/checkout:ref:refs/heads/main from the cluster with issuer ${host}`]);
  });
  test("audience other than STS is shown", () => {
    const host = "cognito-identity.amazonaws.com";
    const condition = {
      StringEquals: { [`${host}:aud`]: "eu-west-1:4b1c2d3e-aaaa-bbbb-cccc-0123456789ab" },
      "ForAnyValue:StringLike": { [`${host}:amr`]: "authenticated" },
    };

    const [phrase] = wordsFor(trustDocument(webIdentity(host, condition))).phrases;

    expect(phrase.text).toBe(
      `any identity that OIDC provider ${host} issues tokens for when ${host}:aud is eu-west-1:4b1c2d3e-aaaa-bbbb-cccc-0123456789ab ` +
        `and any value of ${host}:amr matches authenticated`,
    );
    expect(phrase.flags).toEqual(["no :sub condition, so every identity of the issuer may assume the role"]);
  });
});

describe("trust words for SAML and AWS principals", () => {
  test("SAML trust names provider and audience", () => {
    const saml = { aws_iam_saml_provider: { corp: block("prod/CorpIdp/Resource", { name: "corp-idp", saml_metadata_document: "<xml/>" }) } };
    const statement = {
      Effect: "Allow",
      Principal: { Federated: "${aws_iam_saml_provider.corp.arn}" },
      Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
      Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
    };

    const words = wordsFor(trustDocument(statement), saml);

    expect(words.kinds).toEqual(["SAML"]);
    expect(words.phrases).toEqual([{ text: "people signing in through SAML provider corp-idp (audience https://signin.aws.amazon.com/saml)", flags: [] }]);
  });

  test("SAML trust without audience is flagged", () => {
    const statement = { Effect: "Allow", Principal: { Federated: "arn:aws:iam::111122223333:saml-provider/okta" }, Action: "sts:AssumeRoleWithSAML" };

    expect(wordsFor(trustDocument(statement)).phrases)
      .toEqual([{ text: "people signing in through SAML provider okta (any audience)", flags: ["no SAML:aud condition"] }]);
  });

  test("role chain with external ID", () => {
    const statement = {
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::444455556666:role/etl/nightly-export" },
      Action: ASSUME,
      Condition: { StringEquals: { "sts:ExternalId": "shop-7f3a" } },
    };

    const words = wordsFor(trustDocument(statement));

    expect(words.kinds).toEqual(["role chain"]);
    expect(words.phrases).toEqual([{ text: "sessions of role nightly-export (account 444455556666), external ID required", flags: [] }]);
  });

  test("users, roles, accounts, anyone", () => {
    const users = { aws_iam_user: { bot: block("prod/bot/User", { name: "reporting-bot" }) } };
    const statement = {
      Effect: "Allow",
      Principal: { AWS: ["arn:aws:iam::444455556666:user/alice", "${aws_iam_user.bot.arn}", "${aws_iam_role.app.arn}", "777788889999", "*"] },
      Action: ASSUME,
    };

    const words = wordsFor(trustDocument(statement), users);

    expect(words.kinds).toEqual(["IAM user", "role chain", "AWS account", "other"]);
    expect(words.phrases).toEqual([
      { text: "IAM user alice (account 444455556666)", flags: [] },
      { text: "IAM user reporting-bot (this stack)", flags: [] },
      { text: "sessions of role prod-app (this stack)", flags: [] },
      { text: "any IAM identity of account 777788889999 that its own IAM policies allow", flags: [] },
      { text: "any AWS principal in any account", flags: ["Principal * lets anyone with AWS credentials assume the role unless a condition limits it"] },
    ]);
  });

  test("AWS principal with web identity", () => {
    const statement = { Effect: "Allow", Principal: { AWS: "arn:aws:iam::444455556666:root" }, Action: WEB_IDENTITY };

    expect(wordsFor(trustDocument(statement)).phrases)
      .toEqual([{ text: "Allow AWS arn:aws:iam::444455556666:root: sts:AssumeRoleWithWebIdentity", flags: ["unrecognized"] }]);
  });

  test("Deny statement grants no kind", () => {
    const words = wordsFor(trustDocument(
      service("lambda.amazonaws.com"),
      { Effect: "Deny", Principal: { AWS: "arn:aws:iam::444455556666:role/intruder" }, Action: ASSUME },
    ));

    expect(words.kinds).toEqual(["Lambda"]);
    expect(texts(words)).toEqual(["Lambda functions using this role", "not allowed: sessions of role intruder (account 444455556666)"]);
  });
});

describe("trust policy sources", () => {
  test("policy document data source is read", () => {
    const document = {
      aws_iam_policy_document: {
        trust: block("prod/app/Trust", {
          statement: [{
            effect: "Allow",
            actions: [ASSUME],
            principals: [{ type: "Service", identifiers: ["lambda.amazonaws.com"] }],
            condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: ["111122223333"] }],
          }],
        }),
      },
    };

    expect(texts(wordsFor("${data.aws_iam_policy_document.trust.json}", {}, document)))
      .toEqual(["Lambda functions using this role when aws:SourceAccount is 111122223333"]);
  });

  test("unreadable policy is flagged", () => {
    const words = wordsFor("${var.trust_policy}");

    expect(words.kinds).toEqual(["other"]);
    expect(words.phrases).toEqual([{
      text: "trust policy could not be read: it is (known at apply time: var.trust_policy), which this report cannot read",
      flags: ["unrecognized"],
    }]);
  });
});
