import { principalPodIdentityFargate } from "../../constructs/guardrails/rules/principals/pod-identity-fargate";
import { principalEcsExecutionRole } from "../../constructs/guardrails/rules/principals/ecs-execution-role";
import { atlasUser, check, data, messages, res } from "./fixture";

describe("PRINCIPAL-POD-IDENTITY-FARGATE", () => {
  const cluster = res("aws_eks_cluster", "main", { name: "prod" });
  const assoc = res("aws_eks_pod_identity_association", "orders", {
    cluster_name: "${aws_eks_cluster.main.name}",
    namespace: "shop",
    service_account: "orders",
    role_arn: "${aws_iam_role.orders.arn}",
  });
  const fargate = (selector: unknown) =>
    res("aws_eks_fargate_profile", "fp", { cluster_name: "prod", fargate_profile_name: "fp", selector });
  it("accepts a cluster whose Fargate profile selects other namespaces", () => {
    expect(messages(principalPodIdentityFargate, [cluster, assoc, fargate([{ namespace: "kube-system" }])])).toEqual([]);
  });
  it("rejects a namespace a Fargate profile takes whole", () => {
    const [f] = check(principalPodIdentityFargate, [cluster, assoc, fargate([{ namespace: "sh*" }])]);
    expect(f).toMatchObject({
      severity: "error",
      message: "Fargate profile stack/fp runs every pod of this namespace, and Fargate pods get no Pod Identity credentials",
    });
  });
  it("warns when a Fargate selector with labels may take some pods", () => {
    const [f] = check(principalPodIdentityFargate, [cluster, assoc, fargate([{ namespace: "shop", labels: { compute: "fargate" } }])]);
    expect(f).toMatchObject({ severity: "warning" });
  });
  it("ignores Fargate profiles of another cluster", () => {
    const other = res("aws_eks_fargate_profile", "fp", { cluster_name: "staging", selector: [{ namespace: "shop" }] });
    expect(messages(principalPodIdentityFargate, [cluster, assoc, other])).toEqual([]);
  });
});

describe("PRINCIPAL-ECS-EXECUTION-ROLE", () => {
  const exec = res("aws_iam_role", "exec", { name: "orders-exec", assume_role_policy: "{}" });
  const task = res("aws_iam_role", "task", { name: "orders-task", assume_role_policy: "{}" });
  const attach = res("aws_iam_role_policy_attachment", "a", {
    role: "${aws_iam_role.exec.name}",
    policy_arn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
  });
  const taskDef = res("aws_ecs_task_definition", "td", {
    family: "orders",
    execution_role_arn: "${aws_iam_role.exec.arn}",
    task_role_arn: "${aws_iam_role.task.arn}",
  });
  it("accepts the task role as the Atlas identity", () => {
    expect(messages(principalEcsExecutionRole, [exec, task, attach, taskDef, atlasUser("u", { username: "${aws_iam_role.task.arn}" })])).toEqual([]);
  });
  it("rejects the execution role referenced by a task definition", () => {
    const [f] = check(principalEcsExecutionRole, [exec, task, taskDef, atlasUser("u", { username: "${aws_iam_role.exec.arn}" })]);
    expect(f.message).toBe(
      "aws_iam_role.exec is an ECS task execution role; containers run with the task role, so this user never matches",
    );
  });
  it("rejects a literal ARN of a role with the execution policy attached", () => {
    const u = atlasUser("u", { username: "arn:aws:iam::123456789012:role/orders-exec" });
    expect(messages(principalEcsExecutionRole, [exec, attach, u])).toHaveLength(1);
  });
  it("finds the execution policy through a data.aws_iam_policy lookup", () => {
    const policy = data("aws_iam_policy", "execPolicy", { name: "AmazonECSTaskExecutionRolePolicy" });
    const viaData = res("aws_iam_role_policy_attachment", "a", { role: "orders-exec", policy_arn: "${data.aws_iam_policy.execPolicy.arn}" });
    expect(messages(principalEcsExecutionRole, [exec, policy, viaData, atlasUser("u", { username: "${aws_iam_role.exec.arn}" })])).toHaveLength(1);
  });
  it("accepts a role that is both execution and task role", () => {
    const both = res("aws_ecs_task_definition", "td", { execution_role_arn: "${aws_iam_role.exec.arn}", task_role_arn: "${aws_iam_role.exec.arn}" });
    expect(messages(principalEcsExecutionRole, [exec, attach, both, atlasUser("u", { username: "${aws_iam_role.exec.arn}" })])).toEqual([]);
  });
});
