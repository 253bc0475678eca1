import { loadConfig } from "../app/config/load";
import { DEFAULT_EXAMPLE, configProblemLines, writeConfig } from "./helpers/config";
import { addressesOf, runApp, stackOf } from "./helpers/app";
import { resourcesOf, trustPolicyOf } from "./helpers/stack";

const ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/5C1F8A6E2B9D4C7E8F0A1B2C3D4E5F60";
const OTHER_HOST = "oidc.eks.eu-west-1.amazonaws.com/id/0A9B8C7D6E5F40312A3B4C5D6E7F8091";
const ACCESS = { grants: [{ role: "read", database: "orders" }], clusters: ["orders"] };

interface EksTestConfig {
  environments: { name: string; aws: Record<string, string>; atlas: unknown; eks?: { clusters: Record<string, unknown>[] } }[];
  workloads: Record<string, unknown>[];
}

/** Builds a config of one environment with two EKS clusters and one workload of each EKS kind. */
function eksConfig(): EksTestConfig {
  return {
    environments: [{
      name: "prod",
      aws: { region: "eu-west-1", accountId: "111122223333" },
      atlas: { projectId: "65f1c0ffee0ddba11cafe001", clusters: [{ name: "orders", srvHost: "orders.x7k2p.mongodb.net" }] },
      eks: {
        clusters: [
          { name: "shop-main", oidcIssuerUrl: ISSUER, createOidcProvider: true },
          { name: "shop-batch", oidcProviderArn: `arn:aws:iam::111122223333:oidc-provider/${OTHER_HOST}` },
        ],
      },
    }],
    workloads: [
      { name: "storefront-web", kind: "eks-irsa", cluster: "shop-main", serviceAccounts: [{ namespace: "storefront", name: "web" }], access: ACCESS },
      { name: "order-events", kind: "eks-pod-identity", associations: [{ cluster: "shop-main", namespace: "orders", serviceAccount: "order-events" }], access: ACCESS },
    ],
  };
}

/** Writes a config and returns the lines of its error. */
function problemLines(config: unknown): string[] {
  return configProblemLines(writeConfig(config));
}

describe("EKS configuration", () => {
  test("loads EKS clusters and both EKS kinds", () => {
    const config = loadConfig(writeConfig(eksConfig()));

    expect(config.environments[0].eks?.clusters.map((cluster) => cluster.name)).toEqual(["shop-main", "shop-batch"]);
    expect(config.workloads.map((workload) => workload.kind)).toEqual(["eks-irsa", "eks-pod-identity"]);
  });

  test("loads the EKS workloads of the default example", () => {
    const kinds = loadConfig(DEFAULT_EXAMPLE).workloads.map((workload) => workload.kind);

    expect(kinds.filter((kind) => kind === "eks-irsa")).toHaveLength(2);
    expect(kinds).toContain("eks-pod-identity");
  });

  test("rejects an IRSA cluster that the environment lacks", () => {
    const config = eksConfig();
    config.workloads[0].cluster = "shop-mian";

    expect(problemLines(config)).toEqual([
      expect.stringMatching(/platform\.yaml: workloads\[0\]\.cluster: is not an EKS cluster of environment prod\. Use one of shop-main, shop-batch, or add it to environments\[0\]\.eks\.clusters \(got "shop-mian"\)$/),
    ]);
  });

  test("rejects a Pod Identity cluster of an environment without EKS", () => {
    const config = eksConfig();
    delete config.environments[0].eks;
    config.workloads.splice(0, 1);

    expect(problemLines(config)).toEqual([
      expect.stringMatching(/workloads\[0\]\.associations\[0\]\.cluster: is not an EKS cluster of environment prod\. It has none, or add it to environments\[0\]\.eks\.clusters \(got "shop-main"\)$/),
    ]);
  });

  test("rejects an IRSA cluster without an issuer or provider", () => {
    const config = eksConfig();
    config.environments[0].eks?.clusters.push({ name: "shop-dev" });
    config.workloads[0].cluster = "shop-dev";

    expect(problemLines(config)).toEqual([
      expect.stringMatching(/workloads\[0\]\.cluster: names a cluster of environment prod without an OIDC issuer\. Add oidcIssuerUrl or oidcProviderArn to environments\[0\]\.eks\.clusters\[2\] \(got "shop-dev"\)$/),
    ]);
  });

  test("rejects a created provider without an issuer", () => {
    const config = eksConfig();
    config.environments[0].eks!.clusters[1].createOidcProvider = true;

    expect(problemLines(config)).toEqual([
      expect.stringMatching(/environments\[0\]\.eks\.clusters\[1\]\.oidcIssuerUrl: is missing, but createOidcProvider needs it\. .* \(got nothing\)$/),
      expect.stringMatching(/environments\[0\]\.eks\.clusters\[1\]\.oidcProviderArn: names an existing provider, but createOidcProvider creates one\. Remove oidcProviderArn, or set createOidcProvider to false/),
    ]);
  });

  test("rejects a provider of another account", () => {
    const config = eksConfig();
    config.environments[0].eks!.clusters[1].oidcProviderArn = `arn:aws:iam::444455556666:oidc-provider/${OTHER_HOST}`;

    expect(problemLines(config)).toEqual([
      expect.stringMatching(/clusters\[1\]\.oidcProviderArn: must be in partition aws and account 111122223333, because a role can only trust an OIDC provider of its own account \(got "arn:aws:iam::444455556666:/),
    ]);
  });

  test("rejects an issuer that differs from the provider ARN", () => {
    const config = eksConfig();
    config.environments[0].eks!.clusters[1].oidcIssuerUrl = ISSUER;

    expect(problemLines(config)).toEqual([
      expect.stringMatching(/clusters\[1\]\.oidcIssuerUrl: does not name the issuer of oidcProviderArn, which ends with oidc\.eks\.eu-west-1\.amazonaws\.com\/id\/0A9B8C7D6E5F40312A3B4C5D6E7F8091\. Correct one of them, or omit oidcIssuerUrl/),
    ]);
  });

  test("rejects an issuer with a trailing slash", () => {
    const config = eksConfig();
    config.environments[0].eks!.clusters[0].oidcIssuerUrl = `${ISSUER}/`;

    expect(problemLines(config)).toEqual([
      expect.stringMatching(/environments\[0\]\.eks\.clusters\[0\]\.oidcIssuerUrl: must not end with a slash\. Remove the trailing slash: IAM compares the URL with the tokens' iss claim, which has none \(got "https:/),
    ]);
  });

  test("rejects repeated cluster names", () => {
    const config = eksConfig();
    config.environments[0].eks!.clusters[1].name = "shop-main";

    expect(problemLines(config)).toEqual([
      expect.stringMatching(/environments\[0\]\.eks\.clusters\[1\]\.name: repeats the name of environments\[0\]\.eks\.clusters\[0\]\. Names must be unique \(got "shop-main"\)$/),
    ]);
  });

  test("rejects a namespace of 64 characters", () => {
    const config = eksConfig();
    config.workloads[0].serviceAccounts = [{ namespace: "n".repeat(64), name: "web" }];

    expect(problemLines(config)).toEqual([
      expect.stringMatching(/workloads\[0\]\.serviceAccounts\[0\]\.namespace: must be at most 63 characters \(it has 64\)\. A Kubernetes namespace is a DNS label/),
    ]);
  });

  test("rejects a namespace of wildcards alone", () => {
    const config = eksConfig();
    config.workloads[0].serviceAccounts = [{ namespace: "*", name: "*" }];

    expect(problemLines(config)).toEqual([
      expect.stringMatching(/workloads\[0\]\.serviceAccounts\[0\]\.namespace: must contain at least one character besides the wildcards \* and \?\. .* \(got "\*"\)$/),
    ]);
  });

  test.each([
    ["kube-*", "must not match the namespace kube-system, kube-public, kube-node-lease, which Kubernetes or EKS creates"],
    ["ab*", "must start with at least 3 characters before the first wildcard \\(it has 2\\)"],
  ])("rejects the namespace pattern %p", (namespace, message) => {
    const config = eksConfig();
    config.workloads[0].serviceAccounts = [{ namespace, name: "web" }];

    expect(problemLines(config)).toEqual([
      expect.stringMatching(new RegExp(`workloads\\[0\\]\\.serviceAccounts\\[0\\]\\.namespace: ${message}`)),
    ]);
  });

  test("rejects every service account of a namespace pattern", () => {
    const config = eksConfig();
    config.workloads[0].serviceAccounts = [{ namespace: "team-*", name: "*" }];

    expect(problemLines(config)).toEqual([
      expect.stringMatching(/workloads\[0\]\.serviceAccounts\[0\]\.name: must contain at least one character besides the wildcards \* and \? when the namespace is a pattern \(team-\*\)\. A name of wildcards alone is accepted only with an exact namespace\. .* \(got "\*"\)$/),
    ]);
  });

  test("accepts a namespace pattern with a named service account", () => {
    const config = eksConfig();
    config.workloads[0].serviceAccounts = [{ namespace: "abc*", name: "*-api" }];

    expect(loadConfig(writeConfig(config)).workloads[0]).toMatchObject({ serviceAccounts: [{ namespace: "abc*", name: "*-api" }] });
  });

  test("rejects a wildcard in a Pod Identity association", () => {
    const config = eksConfig();
    config.workloads[1].associations = [{ cluster: "shop-main", namespace: "orders", serviceAccount: "*" }];

    expect(problemLines(config)).toEqual([
      expect.stringMatching(/workloads\[1\]\.associations\[0\]\.serviceAccount: must not contain the wildcards \* or \?\. /),
    ]);
  });

  test("rejects repeated service accounts", () => {
    const config = eksConfig();
    config.workloads[0].serviceAccounts = [{ namespace: "storefront", name: "web" }, { namespace: "storefront", name: "web" }];
    config.workloads[1].associations = [
      { cluster: "shop-main", namespace: "orders", serviceAccount: "order-events" },
      { cluster: "shop-main", namespace: "orders", serviceAccount: "order-events" },
    ];

    expect(problemLines(config)).toEqual([
      expect.stringMatching(/workloads\[0\]\.serviceAccounts\[1\]: repeats workloads\[0\]\.serviceAccounts\[0\]\. List each entry once \(got "storefront:web"\)$/),
      expect.stringMatching(/workloads\[1\]\.associations\[1\]: repeats workloads\[1\]\.associations\[0\]\. List each entry once \(got "shop-main\/orders\/order-events"\)$/),
    ]);
  });

  test("rejects scoping with disabled session tags", () => {
    const config = eksConfig();
    config.workloads[1].scopeSessionTags = true;
    config.workloads[1].disableSessionTags = true;

    expect(problemLines(config)).toEqual([
      expect.stringMatching(/workloads\[1\]\.scopeSessionTags: needs the session tags that disableSessionTags turns off\. Set it to false .* \(got true\)$/),
    ]);
  });
});

describe("EKS in the app", () => {
  test("creates a cluster's provider once for two workloads", () => {
    const config = eksConfig();
    config.workloads.push({ name: "cart-api", kind: "eks-irsa", cluster: "shop-main", serviceAccounts: [{ namespace: "carts", name: "api" }], access: ACCESS });

    const prod = stackOf(runApp(writeConfig(config)).outdir, "prod");

    const providers = resourcesOf(prod, "aws_iam_openid_connect_provider");
    expect(Object.keys(providers)).toEqual([expect.stringMatching(/^EksOidcProviders_shop-main_Provider_[0-9A-F]{8}$/)]);
    const providerAddress = `\${aws_iam_openid_connect_provider.${Object.keys(providers)[0]}}`;
    const roles = Object.entries(resourcesOf(prod, "aws_iam_role"));
    const irsaRoles = roles.filter(([id]) => id.startsWith("storefront-web_") || id.startsWith("cart-api_"));
    expect(irsaRoles).toHaveLength(2);
    for (const [, role] of irsaRoles) {
      expect(role.depends_on).toEqual([providerAddress]);
      expect(trustPolicyOf(role).Statement[0].Principal).toEqual({ Federated: "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C1F8A6E2B9D4C7E8F0A1B2C3D4E5F60" });
    }
  });

  test("keeps the provider while only Pod Identity workloads remain", () => {
    const config = eksConfig();
    config.workloads.splice(0, 1);

    const prod = stackOf(runApp(writeConfig(config)).outdir, "prod");

    expect(Object.keys(resourcesOf(prod, "aws_iam_openid_connect_provider"))).toHaveLength(1);
  });

  test("trusts an existing provider by its ARN", () => {
    const config = eksConfig();
    config.workloads[0].cluster = "shop-batch";

    const prod = stackOf(runApp(writeConfig(config)).outdir, "prod");

    const role = Object.entries(resourcesOf(prod, "aws_iam_role")).find(([id]) => id.startsWith("storefront-web_"))![1];
    expect(role).not.toHaveProperty("depends_on");
    expect(trustPolicyOf(role).Statement[0].Condition).toEqual({
      StringEquals: { [`${OTHER_HOST}:aud`]: "sts.amazonaws.com", [`${OTHER_HOST}:sub`]: "system:serviceaccount:storefront:web" },
    });
  });

  test("outputs the service account annotation", () => {
    const prod = stackOf(runApp(writeConfig(eksConfig())).outdir, "prod");

    const roleId = Object.keys(resourcesOf(prod, "aws_iam_role")).find((id) => id.startsWith("storefront-web_"));
    expect(prod.output?.storefront_web_service_account_annotation.value).toBe(`eks.amazonaws.com/role-arn: \${aws_iam_role.${roleId}.arn}`);
    expect(prod.output?.storefront_web_role_arn.value).toBe(`\${aws_iam_role.${roleId}.arn}`);
  });

  test("writes literal trust policies and one association in the default example", () => {
    const prod = stackOf(runApp(DEFAULT_EXAMPLE).outdir, "prod");
    const addresses = Object.keys(addressesOf(prod));

    for (const name of ["storefront-web", "export-jobs", "order-events"]) {
      const role = Object.entries(resourcesOf(prod, "aws_iam_role")).find(([id]) => id.startsWith(`${name}_`))![1];
      expect(role.assume_role_policy).not.toContain("${");
    }
    expect(addresses.filter((address) => address.startsWith("aws_eks_pod_identity_association."))).toEqual([
      expect.stringMatching(/^aws_eks_pod_identity_association\.order-events_Associations_shop-main_orders_order-events_[0-9A-F]{8}$/),
    ]);
  });
});
