import { EcsTaskAccess } from "../constructs";
import { newStack, onlyResource, synthesize, trustPolicyOf } from "./helpers/stack";
import { baseWorkloadProps } from "./helpers/workloads";

describe("EcsTaskAccess", () => {
  test("trusts ECS tasks of this account and region only", () => {
    const stack = newStack();
    new EcsTaskAccess(stack, "catalog", baseWorkloadProps());

    const role = onlyResource(synthesize(stack), "aws_iam_role");
    expect(role.assume_role_policy).not.toContain("${");
    expect(trustPolicyOf(role).Statement).toEqual([{
      Effect: "Allow",
      Principal: { Service: "ecs-tasks.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: {
        ArnLike: { "aws:SourceArn": "arn:aws:ecs:eu-west-1:111122223333:*" },
        StringEquals: { "aws:SourceAccount": "111122223333" },
      },
    }]);
  });

  test("drops the conditions when asked", () => {
    const stack = newStack();
    new EcsTaskAccess(stack, "catalog", { ...baseWorkloadProps(), confusedDeputyProtection: false });

    expect(trustPolicyOf(onlyResource(synthesize(stack), "aws_iam_role")).Statement[0]).not.toHaveProperty("Condition");
  });

  test("reads an unknown account and region at apply time", () => {
    const stack = newStack("unknown");
    new EcsTaskAccess(stack, "catalog", baseWorkloadProps());
    const output = synthesize(stack);

    const policy = onlyResource(output, "aws_iam_role").assume_role_policy as string;
    expect(policy).toContain("arn:${data.aws_partition.AwsEnvironment_Partition_");
    expect(policy).toContain(":ecs:${data.aws_region.AwsEnvironment_Region_");
    expect(Object.keys(output.data ?? {}).sort()).toEqual(["aws_caller_identity", "aws_partition", "aws_region"]);
  });

  test("rejects the task role passed as the execution role", () => {
    expect(() => new EcsTaskAccess(newStack(), "catalog", { ...baseWorkloadProps(), executionRoleArn: "arn:aws:iam::111122223333:role/prod-catalog" }))
      .toThrow(/test\/catalog: executionRoleArn is the task role prod-catalog itself, got "arn:aws:iam::111122223333:role\/prod-catalog"\. Use separate roles/);
  });

  test("rejects the task role as execution role when only the case differs", () => {
    expect(() => new EcsTaskAccess(newStack(), "catalog", { ...baseWorkloadProps(), roleName: "TaskRole", executionRoleArn: "arn:aws:iam::111122223333:role/taskrole" }))
      .toThrow(/test\/catalog: executionRoleArn is the task role TaskRole itself, got "arn:aws:iam::111122223333:role\/taskrole"\. Use separate roles/);
  });

  test("accepts an execution role of the same name in another account", () => {
    const arn = "arn:aws:iam::444455556666:role/taskrole";

    expect(new EcsTaskAccess(newStack(), "catalog", { ...baseWorkloadProps(), roleName: "TaskRole", executionRoleArn: arn }).executionRoleArn).toBe(arn);
  });

  test("accepts a separate execution role", () => {
    const access = new EcsTaskAccess(newStack(), "catalog", { ...baseWorkloadProps(), executionRoleArn: "arn:aws:iam::111122223333:role/ecsTaskExecutionRole" });

    expect(access.executionRoleArn).toBe("arn:aws:iam::111122223333:role/ecsTaskExecutionRole");
  });

  test("rejects an execution role that is not a role ARN", () => {
    expect(() => new EcsTaskAccess(newStack(), "catalog", { ...baseWorkloadProps(), executionRoleArn: "ecsTaskExecutionRole" }))
      .toThrow(/executionRoleArn is not an IAM role ARN, got "ecsTaskExecutionRole"/);
  });
});
