import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MongodbatlasProvider } from "@cdktf/provider-mongodbatlas/lib/provider";
import { RoleChainAccess, RoleChainAccessProps } from "../constructs";
import { newStack, onlyResource, resourcesOf, synthesize, trustPolicyOf } from "./helpers/stack";
import { baseWorkloadProps } from "./helpers/workloads";

const SOURCE = "arn:aws:iam::444455556666:role/partner-sync-runner";

function chainProps(overrides: Partial<RoleChainAccessProps> = {}): RoleChainAccessProps {
  return { ...baseWorkloadProps(), sourceRoleArns: [SOURCE], ...overrides };
}

/** Adds the providers that synthesis requires, synthesizes fully, and returns the warnings written into manifest.json. */
function warningsOf(stack: TerraformStack): { constructPath: string; message: string }[] {
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  new MongodbatlasProvider(stack, "mongodbatlas", {});
  const manifest = JSON.parse(readFileSync(join(Testing.fullSynth(stack), "manifest.json"), "utf8")) as {
    stacks: Record<string, { annotations: { constructPath: string; level: string; message: string }[] }>;
  };
  return Object.values(manifest.stacks)
    .flatMap((entry) => entry.annotations)
    .filter((annotation) => annotation.level === "@cdktf/warn")
    .map(({ constructPath, message }) => ({ constructPath, message }));
}

describe("RoleChainAccess", () => {
  test("trusts one source role, as literal JSON", () => {
    const stack = newStack();
    new RoleChainAccess(stack, "partner-sync", chainProps());

    const role = onlyResource(synthesize(stack), "aws_iam_role");
    expect(role.assume_role_policy).not.toContain("${");
    expect(trustPolicyOf(role).Statement).toEqual([{ Effect: "Allow", Principal: { AWS: SOURCE }, Action: "sts:AssumeRole" }]);
  });

  test("lists several sources and requires the external ID", () => {
    const stack = newStack();
    const user = "arn:aws:iam::111122223333:user/batch/report-runner";
    new RoleChainAccess(stack, "partner-sync", chainProps({ sourceRoleArns: [SOURCE, user], externalId: "partner-sync-5f2c9e" }));

    expect(trustPolicyOf(onlyResource(synthesize(stack), "aws_iam_role")).Statement).toEqual([{
      Effect: "Allow",
      Principal: { AWS: [SOURCE, user] },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": "partner-sync-5f2c9e" } },
    }]);
  });

  test("keys the Atlas user on the access role, not a source", () => {
    const stack = newStack();
    new RoleChainAccess(stack, "partner-sync", chainProps());
    const output = synthesize(stack);

    const [roleId] = Object.keys(resourcesOf(output, "aws_iam_role"));
    const user = onlyResource(output, "mongodbatlas_database_user");
    expect(user.username).toBe(`\${aws_iam_role.${roleId}.arn}`);
    expect(user.username).not.toContain("partner-sync-runner");
    expect(user.aws_iam_type).toBe("ROLE");
  });

  test("trusts a source role from the same app by reference", () => {
    const stack = newStack();
    const runner = new IamRole(stack, "Runner", { name: "report-runner", assumeRolePolicy: "{}" });
    new RoleChainAccess(stack, "reports", chainProps({ sourceRoleArns: [runner.arn] }));
    const output = synthesize(stack);

    const chain = Object.entries(resourcesOf(output, "aws_iam_role")).find(([id]) => id.startsWith("reports"))?.[1];
    expect(trustPolicyOf(chain!).Statement[0].Principal).toEqual({ AWS: "${aws_iam_role.Runner.arn}" });
  });

  test("offers the AssumeRole parameters", () => {
    const stack = newStack();
    const plain = new RoleChainAccess(stack, "plain", chainProps());
    const guarded = new RoleChainAccess(stack, "guarded", chainProps({ externalId: "f00dfeed-2024", roleSessionName: "nightly-sync" }));
    new TerraformOutput(stack, "plain-parameters", { value: plain.assumeRoleParameters });
    new TerraformOutput(stack, "guarded-parameters", { value: guarded.assumeRoleParameters });
    const outputs = synthesize(stack).output ?? {};

    expect(outputs["plain-parameters"].value).toEqual({
      RoleArn: `\${aws_iam_role.${plain.role.friendlyUniqueId}.arn}`,
      RoleSessionName: "plain",
    });
    expect(outputs["guarded-parameters"].value).toEqual({
      RoleArn: `\${aws_iam_role.${guarded.role.friendlyUniqueId}.arn}`,
      RoleSessionName: "nightly-sync",
      ExternalId: "f00dfeed-2024",
    });
  });

  test("warns that chained sessions last one hour", () => {
    const stack = newStack();
    new RoleChainAccess(stack, "partner-sync", chainProps({ maxSessionDuration: 7200 }));

    expect(warningsOf(stack)).toEqual([{
      constructPath: "test/partner-sync",
      message: expect.stringMatching(/^maxSessionDuration is 7200 seconds, but a session started with another role's credentials \(role chaining\) lasts at most 3600 seconds\./),
    }]);
  });

  test("does not warn at one hour", () => {
    const stack = newStack();
    new RoleChainAccess(stack, "partner-sync", chainProps({ maxSessionDuration: 3600 }));

    expect(warningsOf(stack)).toEqual([]);
  });

  test("does not warn when only users are sources", () => {
    const stack = newStack();
    new RoleChainAccess(stack, "partner-sync", chainProps({ sourceRoleArns: ["arn:aws:iam::111122223333:user/report-runner"], maxSessionDuration: 7200 }));

    expect(warningsOf(stack)).toEqual([]);
  });

  test("warns for a source known only at apply time", () => {
    const stack = newStack();
    const runner = new IamRole(stack, "Runner", { name: "report-runner", assumeRolePolicy: "{}" });
    new RoleChainAccess(stack, "reports", chainProps({ sourceRoleArns: [runner.arn], maxSessionDuration: 43200 }));

    expect(warningsOf(stack).map((warning) => warning.constructPath)).toEqual(["test/reports"]);
  });

  test.each([
    ["a wildcard", "*", "contains a wildcard, which IAM would read as every principal"],
    ["a wildcard role name", "arn:aws:iam::444455556666:role/*", "contains a wildcard, which IAM would read as every principal"],
    ["an account ID", "444455556666", "is an account ID, which trusts every principal of that account"],
    ["an account root", "arn:aws:iam::444455556666:root", "is an iam root ARN, not an IAM role or user ARN"],
    ["a session ARN", "arn:aws:sts::444455556666:assumed-role/runner/session-1", "is an sts assumed-role ARN, not an IAM role or user ARN"],
    ["a group", "arn:aws:iam::444455556666:group/admins", "is an iam group ARN, not an IAM role or user ARN"],
    ["a service name", "lambda.amazonaws.com", "is not an IAM role or user ARN"],
    ["another partition", "arn:aws-cn:iam::444455556666:role/runner", "is in partition aws-cn, but the role is in aws"],
    ["the access role itself", "arn:aws:iam::111122223333:role/prod-partner-sync", "is the access role prod-partner-sync itself"],
  ])("rejects %s as a source", (_case, source, problem) => {
    expect(() => new RoleChainAccess(newStack(), "partner-sync", chainProps({ sourceRoleArns: [source] }))).toThrow(
      `test/partner-sync: sourceRoleArns[0] ${problem}, got ${JSON.stringify(source)}.`,
    );
  });

  test("accepts a same-named role in another account", () => {
    const stack = newStack();
    new RoleChainAccess(stack, "partner-sync", chainProps({ sourceRoleArns: ["arn:aws:iam::444455556666:role/prod-partner-sync"] }));

    expect(trustPolicyOf(onlyResource(synthesize(stack), "aws_iam_role")).Statement[0].Principal).toEqual({ AWS: "arn:aws:iam::444455556666:role/prod-partner-sync" });
  });

  test("rejects a repeated source", () => {
    expect(() => new RoleChainAccess(newStack(), "partner-sync", chainProps({ sourceRoleArns: [SOURCE, SOURCE] }))).toThrow(
      `test/partner-sync: sourceRoleArns lists an ARN twice, got "${SOURCE}". Remove the repeated entry.`,
    );
  });

  test("rejects an empty source list", () => {
    expect(() => new RoleChainAccess(newStack(), "partner-sync", chainProps({ sourceRoleArns: [] }))).toThrow(
      "test/partner-sync: sourceRoleArns must list at least one role or IAM user ARN, got [].",
    );
  });

  test.each([
    ["too short", "x"],
    ["with a space", "partner sync"],
    ["too long", "a".repeat(1225)],
  ])("rejects an external ID %s", (_case, externalId) => {
    expect(() => new RoleChainAccess(newStack(), "partner-sync", chainProps({ externalId }))).toThrow(
      `test/partner-sync: externalId must be 2 to 1224 letters, digits or +=,.@:/- characters (it has ${externalId.length}), got ${JSON.stringify(externalId)}.`,
    );
  });

  test("rejects an invalid session name", () => {
    expect(() => new RoleChainAccess(newStack(), "partner-sync", chainProps({ roleSessionName: "nightly sync" }))).toThrow(
      'test/partner-sync: roleSessionName must be 2 to 64 letters, digits or +=,.@- characters, got "nightly sync". Give a roleSessionName such as the workload\'s name.',
    );
  });

  test("leaves no resources behind when it rejects input", () => {
    const stack = newStack();

    expect(() => new RoleChainAccess(stack, "partner-sync", chainProps({ sourceRoleArns: ["*"] }))).toThrow();
    expect(synthesize(stack).resource).toBeUndefined();
  });
});
