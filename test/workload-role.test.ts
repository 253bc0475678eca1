import { Ec2InstanceAccess, LambdaAccess } from "../constructs";
import { newStack, onlyResource, synthesize } from "./helpers/stack";
import { baseWorkloadProps } from "./helpers/workloads";

describe("workload role options", () => {
  test("cuts a long derived name to 64 characters", () => {
    const access = new LambdaAccess(newStack(), "a".repeat(70), baseWorkloadProps());

    expect(access.roleName).toHaveLength(64);
    expect(access.roleName).toMatch(/^prod-a+-[0-9a-f]{8}$/);
  });

  test("accepts an explicit name of 64 characters", () => {
    const access = new LambdaAccess(newStack(), "app", { ...baseWorkloadProps(), roleName: "r".repeat(64) });

    expect(access.roleName).toBe("r".repeat(64));
  });

  test("rejects an explicit name of 65 characters", () => {
    expect(() => new LambdaAccess(newStack(), "app", { ...baseWorkloadProps(), roleName: "r".repeat(65) }))
      .toThrow(/test\/app: roleName must be at most 64 characters \(it has 65\), got "r+"\. Shorten the name/);
  });

  test("rejects a name with a space", () => {
    expect(() => new LambdaAccess(newStack(), "app", { ...baseWorkloadProps(), roleName: "my role" }))
      .toThrow(/roleName must contain only ASCII letters, digits and \+=,\.@_-, got "my role"\. Replace spaces/);
  });

  test("accepts a prefix of 38 characters and rejects 39", () => {
    expect(() => new LambdaAccess(newStack(), "app", { ...baseWorkloadProps(), namePrefix: "p".repeat(38) })).not.toThrow();
    expect(() => new LambdaAccess(newStack(), "app", { ...baseWorkloadProps(), namePrefix: "p".repeat(39) }))
      .toThrow(/namePrefix must be at most 38 characters \(it has 39\)/);
  });

  test("rejects a prefix with a slash", () => {
    expect(() => new LambdaAccess(newStack(), "app", { ...baseWorkloadProps(), namePrefix: "team/" }))
      .toThrow(/namePrefix must contain only ASCII letters, digits and \+=,\.@_-, got "team\/"/);
  });

  test.each([
    [3600, true],
    [43200, true],
    [3599, false],
    [43201, false],
    [3600.5, false],
  ])("session duration %d is accepted: %s", (seconds, accepted) => {
    const create = () => new LambdaAccess(newStack(), "app", { ...baseWorkloadProps(), maxSessionDuration: seconds });

    if (accepted) {
      expect(create).not.toThrow();
    } else {
      expect(create).toThrow(/maxSessionDuration must be a whole number of seconds from 3600 to 43200/);
    }
  });

  test("accepts a description of 1000 characters and rejects 1001", () => {
    expect(() => new LambdaAccess(newStack(), "app", { ...baseWorkloadProps(), roleDescription: "d".repeat(1000) })).not.toThrow();
    expect(() => new LambdaAccess(newStack(), "app", { ...baseWorkloadProps(), roleDescription: "d".repeat(1001) }))
      .toThrow(/roleDescription must be at most 1000 characters \(it has 1001\)/);
  });

  test("accepts 50 tags and rejects 51", () => {
    const tags = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`key${index}`, "v"]));

    expect(() => new LambdaAccess(newStack(), "app", { ...baseWorkloadProps(), tags: tags(50) })).not.toThrow();
    expect(() => new LambdaAccess(newStack(), "app", { ...baseWorkloadProps(), tags: tags(51) })).toThrow(/tags must have at most 50 entries, got "51 tags"/);
  });

  test("rejects a tag key reserved by AWS", () => {
    expect(() => new LambdaAccess(newStack(), "app", { ...baseWorkloadProps(), tags: { "aws:team": "x" } }))
      .toThrow(/tags must have keys of 1 to 128 characters that do not start with aws:, got "aws:team"/);
  });

  test("writes tags sorted by key", () => {
    const stack = newStack();
    new Ec2InstanceAccess(stack, "app", { ...baseWorkloadProps(), tags: { team: "a", app: "b" } });

    expect(Object.keys(onlyResource(synthesize(stack), "aws_iam_role").tags as object)).toEqual(["app", "team"]);
  });

  test("rejects a permissions boundary that is not a policy ARN", () => {
    expect(() => new LambdaAccess(newStack(), "app", { ...baseWorkloadProps(), permissionsBoundary: "arn:aws:iam::111122223333:role/x" }))
      .toThrow(/permissionsBoundary must be the ARN of a managed policy/);
  });
});
