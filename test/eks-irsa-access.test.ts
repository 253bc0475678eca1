import { TerraformOutput, TerraformStack } from "cdktf";
import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { EksIrsaAccess, EksOidcProvider, IEksOidcProvider, ServiceAccountRef } from "../constructs";
import { newStack, onlyResource, resourcesOf, synthesize, trustPolicyOf } from "./helpers/stack";
import { baseWorkloadProps } from "./helpers/workloads";

const ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/5C1F8A6E2B9D4C7E8F0A1B2C3D4E5F60";
const HOST = "oidc.eks.eu-west-1.amazonaws.com/id/5C1F8A6E2B9D4C7E8F0A1B2C3D4E5F60";
const PROVIDER_ARN = `arn:aws:iam::111122223333:oidc-provider/${HOST}`;

function irsa(stack: TerraformStack, serviceAccounts: ServiceAccountRef[], provider?: IEksOidcProvider): EksIrsaAccess {
  return new EksIrsaAccess(stack, "storefront", {
    ...baseWorkloadProps(),
    oidcProvider: provider ?? EksOidcProvider.fromIssuerUrl(stack, ISSUER),
    serviceAccounts,
  });
}

function statementsOf(stack: TerraformStack): Record<string, unknown>[] {
  return trustPolicyOf(onlyResource(synthesize(stack), "aws_iam_role")).Statement;
}

describe("EksIrsaAccess", () => {
  test("trusts one exact service account as literal JSON", () => {
    const stack = newStack();
    irsa(stack, [{ namespace: "storefront", name: "web" }]);

    const role = onlyResource(synthesize(stack), "aws_iam_role");
    expect(role.assume_role_policy).not.toContain("${");
    expect(trustPolicyOf(role).Statement).toEqual([{
      Effect: "Allow",
      Principal: { Federated: PROVIDER_ARN },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: {
          [`${HOST}:aud`]: "sts.amazonaws.com",
          [`${HOST}:sub`]: "system:serviceaccount:storefront:web",
        },
      },
    }]);
  });

  test("puts exact and wildcard subjects in separate statements", () => {
    const stack = newStack();
    irsa(stack, [
      { namespace: "reporting", name: "export-*" },
      { namespace: "storefront", name: "web" },
      { namespace: "orders", name: "*" },
      { namespace: "checkout", name: "api" },
    ]);

    const statements = statementsOf(stack);
    expect(statements).toHaveLength(2);
    expect(statements[0].Condition).toEqual({
      StringEquals: {
        [`${HOST}:aud`]: "sts.amazonaws.com",
        [`${HOST}:sub`]: ["system:serviceaccount:checkout:api", "system:serviceaccount:storefront:web"],
      },
    });
    expect(statements[1].Condition).toEqual({
      StringEquals: { [`${HOST}:aud`]: "sts.amazonaws.com" },
      StringLike: { [`${HOST}:sub`]: ["system:serviceaccount:orders:*", "system:serviceaccount:reporting:export-*"] },
    });
  });

  test("uses one StringLike statement when every subject has a wildcard", () => {
    const stack = newStack();
    irsa(stack, [{ namespace: "orders", name: "worker-?" }]);

    expect(statementsOf(stack)).toEqual([{
      Effect: "Allow",
      Principal: { Federated: PROVIDER_ARN },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: { [`${HOST}:aud`]: "sts.amazonaws.com" },
        StringLike: { [`${HOST}:sub`]: "system:serviceaccount:orders:worker-?" },
      },
    }]);
  });

  test("builds condition keys with replace for an issuer known at apply time", () => {
    const stack = newStack();
    const cluster = new EksCluster(stack, "cluster", { name: "shop", roleArn: "arn:aws:iam::111122223333:role/eks", vpcConfig: { subnetIds: ["subnet-1"] } });
    const provider = new EksOidcProvider(stack, "oidc", { issuerUrl: cluster.identity.get(0).oidc.get(0).issuer });
    irsa(stack, [{ namespace: "storefront", name: "web" }], provider);

    const output = synthesize(stack);
    const policy = onlyResource(output, "aws_iam_role").assume_role_policy as string;
    const providerId = Object.keys(resourcesOf(output, "aws_iam_openid_connect_provider"))[0];
    // Terraform evaluates the interpolation to the issuer without https://.
    const host = '${replace(aws_eks_cluster.cluster.identity[0].oidc[0].issuer, "https://", "")}';
    expect(policy.split(host)).toHaveLength(3);
    expect(JSON.parse(policy.split(host).join(HOST)).Statement).toEqual([{
      Effect: "Allow",
      Principal: { Federated: `\${aws_iam_openid_connect_provider.${providerId}.arn}` },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: { StringEquals: { [`${HOST}:aud`]: "sts.amazonaws.com", [`${HOST}:sub`]: "system:serviceaccount:storefront:web" } },
    }]);
  });

  test("waits for a provider that the stack creates", () => {
    const stack = newStack();
    irsa(stack, [{ namespace: "storefront", name: "web" }], new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER }));

    const output = synthesize(stack);
    const role = onlyResource(output, "aws_iam_role");
    const providerId = Object.keys(resourcesOf(output, "aws_iam_openid_connect_provider"))[0];
    expect(role.depends_on).toEqual([`\${aws_iam_openid_connect_provider.${providerId}}`]);
    expect(trustPolicyOf(role).Statement[0].Principal).toEqual({ Federated: PROVIDER_ARN });
  });

  test("gives the service account annotation with the role ARN", () => {
    const stack = newStack();
    const access = irsa(stack, [{ namespace: "storefront", name: "web" }]);
    new TerraformOutput(stack, "annotation", { value: access.serviceAccountAnnotations });

    const output = synthesize(stack);
    const roleId = Object.keys(resourcesOf(output, "aws_iam_role"))[0];
    expect(output.output?.annotation.value).toEqual({ "eks.amazonaws.com/role-arn": `\${aws_iam_role.${roleId}.arn}` });
  });

  test("accepts a namespace of 63 characters and rejects 64", () => {
    expect(() => irsa(newStack(), [{ namespace: "n".repeat(63), name: "web" }])).not.toThrow();
    expect(() => irsa(newStack(), [{ namespace: "n".repeat(64), name: "web" }]))
      .toThrow(/test\/storefront: serviceAccounts\[0\]\.namespace must be at most 63 characters \(it has 64\), got "n{64}"\. A Kubernetes namespace is a DNS label/);
  });

  test("accepts a service account name of 253 characters and rejects 254", () => {
    const name = (length: number) => `${"a".repeat(length - 2)}.b`;

    expect(() => irsa(newStack(), [{ namespace: "storefront", name: name(253) }])).not.toThrow();
    expect(() => irsa(newStack(), [{ namespace: "storefront", name: name(254) }]))
      .toThrow(/serviceAccounts\[0\]\.name must be at most 253 characters \(it has 254\), got "a+\.b"\. A service account name is a DNS subdomain/);
  });

  test.each([
    ["*", "*"],
    ["*", "web"],
    ["?*", "web"],
  ])("rejects namespace %p with name %p", (namespace, name) => {
    expect(() => irsa(newStack(), [{ namespace, name }]))
      .toThrow(/serviceAccounts\[0\]\.namespace must contain at least one character besides the wildcards \* and \?, got "[*?]+"\. .*List the namespaces instead\./);
  });

  test("accepts a name pattern in a namespace pattern", () => {
    const stack = newStack();
    irsa(stack, [{ namespace: "team-*", name: "api-*" }]);

    expect(statementsOf(stack)[0].Condition).toEqual({
      StringEquals: { [`${HOST}:aud`]: "sts.amazonaws.com" },
      StringLike: { [`${HOST}:sub`]: "system:serviceaccount:team-*:api-*" },
    });
  });

  test.each(["*", "?*"])("rejects name %p in a namespace pattern", (name) => {
    expect(() => irsa(newStack(), [{ namespace: "team-*", name }]))
      .toThrow(/serviceAccounts\[0\]\.name must contain at least one character besides the wildcards \* and \? when the namespace is a pattern \(team-\*\), got "[*?]+"\. A name of wildcards alone is accepted only with an exact namespace\./);
  });

  test("accepts a namespace pattern with 3 characters before the wildcard", () => {
    const stack = newStack();
    irsa(stack, [{ namespace: "abc*", name: "web" }]);

    expect(statementsOf(stack)[0].Condition).toMatchObject({ StringLike: { [`${HOST}:sub`]: "system:serviceaccount:abc*:web" } });
  });

  test.each([
    ["ab*", 2],
    ["*-*", 0],
    ["a?c", 1],
  ])("rejects namespace %p, which has %p characters before the wildcard", (namespace, count) => {
    expect(() => irsa(newStack(), [{ namespace, name: "web" }]))
      .toThrow(new RegExp(`serviceAccounts\\[0\\]\\.namespace must start with at least 3 characters before the first wildcard \\(it has ${count}\\), got "${namespace.replace(/[*?]/g, "\\$&")}"\\. `));
  });

  test.each([
    ["kube-*", "kube-system, kube-public, kube-node-lease"],
    ["kube-sys*", "kube-system"],
    ["def*", "default"],
    ["defaul?", "default"],
  ])("rejects namespace %p, which matches %s", (namespace, reserved) => {
    expect(() => irsa(newStack(), [{ namespace, name: "web" }]))
      .toThrow(`serviceAccounts[0].namespace must not match the namespace ${reserved}, which Kubernetes or EKS creates for its own service accounts, got "${namespace}". `);
  });

  test("accepts every service account of an exact namespace", () => {
    const stack = newStack();
    irsa(stack, [{ namespace: "orders", name: "*" }]);

    expect(statementsOf(stack)[0].Condition).toMatchObject({ StringLike: { [`${HOST}:sub`]: "system:serviceaccount:orders:*" } });
  });

  test.each([
    ["namespace", "Storefront", /namespace must be a DNS label: lowercase letters, digits and hyphens/],
    ["namespace", "-store", /namespace must be a DNS label/],
    ["namespace", "store:front", /namespace must be a DNS label/],
    ["name", "web..api", /name must be a DNS subdomain/],
    ["name", "${aws:username}", /name must be a DNS subdomain/],
    ["name", "", /name must be a DNS subdomain/],
  ])("rejects %s %p", (field, value, message) => {
    const serviceAccount = { namespace: "storefront", name: "web", [field]: value };

    expect(() => irsa(newStack(), [serviceAccount])).toThrow(message);
  });

  test("rejects a repeated service account", () => {
    expect(() => irsa(newStack(), [{ namespace: "storefront", name: "web" }, { namespace: "storefront", name: "web" }]))
      .toThrow(/serviceAccounts\[1\] repeats serviceAccounts\[0\], got \{"namespace":"storefront","name":"web"\}\. List each service account once\./);
  });

  test("rejects an empty list and creates nothing", () => {
    const stack = newStack();

    expect(() => irsa(stack, [])).toThrow(/serviceAccounts must list at least one service account, got \[\]/);
    expect(synthesize(stack).resource).toBeUndefined();
  });
});
