import { Ec2InstanceAccess } from "../constructs";
import { newStack, onlyResource, resourcesOf, synthesize, trustPolicyOf } from "./helpers/stack";
import { baseWorkloadProps } from "./helpers/workloads";

describe("Ec2InstanceAccess", () => {
  test("trusts only the EC2 service", () => {
    const stack = newStack();
    new Ec2InstanceAccess(stack, "erp-sync", baseWorkloadProps());

    expect(trustPolicyOf(onlyResource(synthesize(stack), "aws_iam_role")).Statement).toEqual([
      { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
    ]);
  });

  test("wraps the role in an instance profile of the same name", () => {
    const stack = newStack();
    const access = new Ec2InstanceAccess(stack, "erp-sync", baseWorkloadProps());
    const output = synthesize(stack);

    const [roleId] = Object.keys(resourcesOf(output, "aws_iam_role"));
    const profile = onlyResource(output, "aws_iam_instance_profile");
    expect(profile.name).toBe("prod-erp-sync");
    expect(profile.role).toBe(`\${aws_iam_role.${roleId}.name}`);
    expect(access.instanceProfileName).toBe("prod-erp-sync");
  });

  test("scopes the Atlas user to the listed cluster", () => {
    const stack = newStack();
    new Ec2InstanceAccess(stack, "erp-sync", baseWorkloadProps());

    expect(onlyResource(synthesize(stack), "mongodbatlas_database_user").scopes).toEqual([{ name: "orders", type: "CLUSTER" }]);
  });
});
