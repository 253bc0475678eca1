import { TerraformStack } from "cdktf";
import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { EksPodIdentityAccess, EksPodIdentityAccessProps, PodIdentityTarget } from "../constructs";
import { newStack, onlyResource, resourcesOf, synthesize, trustPolicyOf } from "./helpers/stack";
import { baseWorkloadProps } from "./helpers/workloads";

const EVENTS: PodIdentityTarget = { clusterName: "shop-main", namespace: "orders", serviceAccount: "order-events" };
const BATCH: PodIdentityTarget = { clusterName: "shop_batch", namespace: "reporting", serviceAccount: "export.jobs" };

function podIdentity(stack: TerraformStack, props: Partial<EksPodIdentityAccessProps> = {}): EksPodIdentityAccess {
  return new EksPodIdentityAccess(stack, "events", { ...baseWorkloadProps(), associations: [EVENTS], ...props });
}

function tagConditions(target: PodIdentityTarget) {
  return {
    StringEquals: {
      "aws:RequestTag/eks-cluster-name": target.clusterName,
      "aws:RequestTag/kubernetes-namespace": target.namespace,
      "aws:RequestTag/kubernetes-service-account": target.serviceAccount,
    },
  };
}

describe("EksPodIdentityAccess", () => {
  test("trusts EKS Pod Identity for the association's session tags", () => {
    const stack = newStack();
    podIdentity(stack);

    const role = onlyResource(synthesize(stack), "aws_iam_role");
    expect(role.assume_role_policy).not.toContain("${");
    expect(trustPolicyOf(role).Statement).toEqual([{
      Effect: "Allow",
      Principal: { Service: "pods.eks.amazonaws.com" },
      Action: ["sts:AssumeRole", "sts:TagSession"],
      Condition: tagConditions(EVENTS),
    }]);
  });

  test("keeps each association's tags in its own statement", () => {
    const stack = newStack();
    podIdentity(stack, { associations: [EVENTS, BATCH] });

    const statements = trustPolicyOf(onlyResource(synthesize(stack), "aws_iam_role")).Statement;
    expect(statements.map((statement) => statement.Condition)).toEqual([tagConditions(EVENTS), tagConditions(BATCH)]);
    expect(statements.every((statement) => JSON.stringify(statement.Action) === '["sts:AssumeRole","sts:TagSession"]')).toBe(true);
  });

  test("trusts every association when scoping is off", () => {
    const stack = newStack();
    podIdentity(stack, { associations: [EVENTS, BATCH], scopeSessionTags: false });

    expect(trustPolicyOf(onlyResource(synthesize(stack), "aws_iam_role")).Statement).toEqual([{
      Effect: "Allow",
      Principal: { Service: "pods.eks.amazonaws.com" },
      Action: ["sts:AssumeRole", "sts:TagSession"],
    }]);
  });

  test("creates one association per service account", () => {
    const stack = newStack();
    podIdentity(stack, { associations: [EVENTS, BATCH] });

    const output = synthesize(stack);
    const roleId = Object.keys(resourcesOf(output, "aws_iam_role"))[0];
    const associations = resourcesOf(output, "aws_eks_pod_identity_association");
    expect(Object.values(associations).map(({ "//": _, ...body }) => body)).toEqual([
      { cluster_name: "shop-main", namespace: "orders", service_account: "order-events", role_arn: `\${aws_iam_role.${roleId}.arn}` },
      { cluster_name: "shop_batch", namespace: "reporting", service_account: "export.jobs", role_arn: `\${aws_iam_role.${roleId}.arn}` },
    ]);
  });

  test("addresses associations by cluster, namespace and name", () => {
    const first = newStack();
    podIdentity(first, { associations: [EVENTS] });
    const second = newStack();
    podIdentity(second, { associations: [BATCH, EVENTS] });

    const before = Object.keys(resourcesOf(synthesize(first), "aws_eks_pod_identity_association"));
    const after = Object.keys(resourcesOf(synthesize(second), "aws_eks_pod_identity_association"));
    expect(before).toEqual([expect.stringMatching(/^events_Associations_shop-main_orders_order-events_[0-9A-F]{8}$/)]);
    expect(after).toContain(before[0]);
  });

  test("disables session tags and with them the scoping", () => {
    const stack = newStack();
    podIdentity(stack, { disableSessionTags: true });

    const output = synthesize(stack);
    expect(onlyResource(output, "aws_eks_pod_identity_association").disable_session_tags).toBe(true);
    expect(trustPolicyOf(onlyResource(output, "aws_iam_role")).Statement[0]).not.toHaveProperty("Condition");
  });

  test("rejects scoping with disabled session tags", () => {
    const stack = newStack();

    expect(() => podIdentity(stack, { scopeSessionTags: true, disableSessionTags: true }))
      .toThrow(/^test\/events: scopeSessionTags needs the session tags that disableSessionTags turns off, got true\. Set scopeSessionTags to false/);
    expect(synthesize(stack).resource).toBeUndefined();
  });

  test("copies the role tags and waits for given resources", () => {
    const stack = newStack();
    const cluster = new EksCluster(stack, "cluster", { name: "shop-main", roleArn: "arn:aws:iam::111122223333:role/eks", vpcConfig: { subnetIds: ["subnet-1"] } });
    podIdentity(stack, { tags: { team: "orders" }, dependsOn: [cluster] });

    const association = onlyResource(synthesize(stack), "aws_eks_pod_identity_association");
    expect(association.tags).toEqual({ team: "orders" });
    expect(association.depends_on).toEqual(["aws_eks_cluster.cluster"]);
  });

  test.each([
    ["serviceAccount", "order-*", /associations\[0\]\.serviceAccount must not contain the wildcards \* or \?, got "order-\*"\. An EKS Pod Identity association names exactly one service account/],
    ["namespace", "ord?rs", /associations\[0\]\.namespace must not contain the wildcards \* or \?/],
    ["namespace", "n".repeat(64), /associations\[0\]\.namespace must be at most 63 characters \(it has 64\)/],
    ["serviceAccount", "Order-Events", /associations\[0\]\.serviceAccount must be a DNS subdomain/],
    ["clusterName", "shop.main", /associations\[0\]\.clusterName must be 1 to 100 letters, digits, hyphens or underscores, starting with a letter or digit \(it has 9 characters\), got "shop\.main"/],
    ["clusterName", "c".repeat(101), /associations\[0\]\.clusterName must be 1 to 100 letters/],
  ])("rejects %s %p", (field, value, message) => {
    expect(() => podIdentity(newStack(), { associations: [{ ...EVENTS, [field]: value }] })).toThrow(message);
  });

  test("accepts a cluster name of 100 characters", () => {
    expect(() => podIdentity(newStack(), { associations: [{ ...EVENTS, clusterName: "c".repeat(100) }] })).not.toThrow();
  });

  test("rejects a cluster name known only at apply time", () => {
    const stack = newStack();
    const cluster = new EksCluster(stack, "cluster", { name: "shop-main", roleArn: "arn:aws:iam::111122223333:role/eks", vpcConfig: { subnetIds: ["subnet-1"] } });

    expect(() => podIdentity(stack, { associations: [{ ...EVENTS, clusterName: cluster.name }] }))
      .toThrow(/associations\[0\]\.clusterName must be known at synth time, because it forms the association's Terraform address.*Write the name as text\. When this stack creates the cluster, also pass the cluster in dependsOn\./);
  });

  test("rejects a repeated association", () => {
    expect(() => podIdentity(newStack(), { associations: [EVENTS, BATCH, { ...EVENTS }] }))
      .toThrow(/associations\[2\] repeats associations\[0\], got \{"clusterName":"shop-main","namespace":"orders","serviceAccount":"order-events"\}\. List each service account of a cluster once\./);
  });

  test("rejects an empty list", () => {
    expect(() => podIdentity(newStack(), { associations: [] })).toThrow(/associations must list at least one service account, got \[\]/);
  });
});
