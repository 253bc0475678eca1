import { Testing } from "cdktf";
import { ShopEksStack } from "./main";

interface Output {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  output: Record<string, { value: unknown }>;
}

describe("eks example", () => {
  const output = JSON.parse(Testing.synth(new ShopEksStack(Testing.app(), "shop-eks"))) as Output;
  const roleIdOf = (name: string) => Object.keys(output.resource.aws_iam_role).find((id) => id.startsWith(`${name}_`));

  test("trusts the created provider for the storefront service account", () => {
    const role = output.resource.aws_iam_role[roleIdOf("storefront-web")!];
    const host = "oidc.eks.eu-west-1.amazonaws.com/id/5C1F8A6E2B9D4C7E8F0A1B2C3D4E5F60";

    expect(JSON.parse(role.assume_role_policy as string).Statement).toEqual([{
      Effect: "Allow",
      Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${host}` },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: { StringEquals: { [`${host}:aud`]: "sts.amazonaws.com", [`${host}:sub`]: "system:serviceaccount:storefront:storefront-web" } },
    }]);
    expect(role.depends_on).toEqual([`\${aws_iam_openid_connect_provider.${Object.keys(output.resource.aws_iam_openid_connect_provider)[0]}}`]);
  });

  test("outputs the annotation with the storefront role's ARN", () => {
    expect(output.output.storefront_service_account_annotations.value).toEqual({
      "eks.amazonaws.com/role-arn": `\${aws_iam_role.${roleIdOf("storefront-web")}.arn}`,
    });
  });

  test("associates the order-events service account with its role", () => {
    const [association] = Object.values(output.resource.aws_eks_pod_identity_association);

    expect(association).toEqual(expect.objectContaining({
      cluster_name: "shop-main",
      namespace: "orders",
      service_account: "order-events",
      role_arn: `\${aws_iam_role.${roleIdOf("order-events")}.arn}`,
    }));
  });

  test("creates one Atlas user per workload", () => {
    const usernames = Object.values(output.resource.mongodbatlas_database_user).map((user) => user.username).sort();

    expect(usernames).toEqual([`\${aws_iam_role.${roleIdOf("order-events")}.arn}`, `\${aws_iam_role.${roleIdOf("storefront-web")}.arn}`]);
  });
});
