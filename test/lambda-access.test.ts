import { LambdaAccess } from "../constructs";
import { newStack, onlyResource, resourcesOf, synthesize, trustPolicyOf } from "./helpers/stack";
import { baseWorkloadProps } from "./helpers/workloads";

describe("LambdaAccess", () => {
  test("trusts only the Lambda service, as literal JSON", () => {
    const stack = newStack();
    new LambdaAccess(stack, "checkout-api", baseWorkloadProps());

    const role = onlyResource(synthesize(stack), "aws_iam_role");
    expect(role.assume_role_policy).not.toContain("${");
    expect(trustPolicyOf(role).Statement).toEqual([
      { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
    ]);
  });

  test("keys the Atlas user on the role it creates", () => {
    const stack = newStack();
    new LambdaAccess(stack, "checkout-api", baseWorkloadProps());
    const output = synthesize(stack);

    const [roleId] = Object.keys(resourcesOf(output, "aws_iam_role"));
    const user = onlyResource(output, "mongodbatlas_database_user");
    expect(user.username).toBe(`\${aws_iam_role.${roleId}.arn}`);
    expect(user.aws_iam_type).toBe("ROLE");
  });

  test("names the role from the prefix and the ID", () => {
    const stack = newStack();
    const access = new LambdaAccess(stack, "checkout-api", baseWorkloadProps());

    expect(access.roleName).toBe("prod-checkout-api");
    expect(onlyResource(synthesize(stack), "aws_iam_role").name).toBe("prod-checkout-api");
  });

  test("attaches basic execution by default and VPC access on request", () => {
    const stack = newStack();
    new LambdaAccess(stack, "checkout-api", baseWorkloadProps());
    new LambdaAccess(stack, "in-vpc", { ...baseWorkloadProps(), basicExecution: false, vpcAccess: true });

    const policies = Object.values(resourcesOf(synthesize(stack), "aws_iam_role_policy_attachment")).map((attachment) => attachment.policy_arn);
    expect(policies.sort()).toEqual([
      "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
      "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
    ]);
  });

  test("uses the partition of the region in managed policy ARNs", () => {
    const stack = newStack({ accountId: "111122223333", region: "cn-north-1" });
    new LambdaAccess(stack, "checkout-api", baseWorkloadProps());

    expect(onlyResource(synthesize(stack), "aws_iam_role_policy_attachment").policy_arn)
      .toBe("arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
  });

  test("offers one variable for one cluster", () => {
    const access = new LambdaAccess(newStack(), "checkout-api", baseWorkloadProps());

    expect(access.environment).toEqual({
      MONGODB_URI: "mongodb+srv://orders.x7k2p.mongodb.net/orders?authSource=%24external&authMechanism=MONGODB-AWS",
    });
  });

  test("offers one variable per cluster for several", () => {
    const props = baseWorkloadProps();
    const atlas = { ...props.atlas, clusters: [{ name: "orders", srvHost: "orders.x7k2p.mongodb.net" }, { name: "eu-analytics", srvHost: "eu-analytics.x7k2p.mongodb.net" }] };
    const access = new LambdaAccess(newStack(), "rollup", { ...props, atlas, environmentVariable: "DB_URI" });

    expect(Object.keys(access.environment)).toEqual(["DB_URI_ORDERS", "DB_URI_EU_ANALYTICS"]);
    expect(access.environment.DB_URI_EU_ANALYTICS).toContain("eu-analytics.x7k2p.mongodb.net");
  });

  test("rejects an invalid variable name", () => {
    expect(() => new LambdaAccess(newStack(), "checkout-api", { ...baseWorkloadProps(), environmentVariable: "mongodb-uri" }))
      .toThrow(/test\/checkout-api: environmentVariable must start with a letter and contain only letters, digits and underscores, got "mongodb-uri"/);
  });

  test("leaves no resources behind when it rejects input", () => {
    const stack = newStack();

    expect(() => new LambdaAccess(stack, "checkout-api", { ...baseWorkloadProps(), environmentVariable: "1" })).toThrow();
    expect(synthesize(stack).resource).toBeUndefined();
  });
});
