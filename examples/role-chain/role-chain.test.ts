import { Testing } from "cdktf";
import { ChainedAccessStack } from "./main";

type Body = Record<string, unknown>;

describe("role-chain example", () => {
  const output = JSON.parse(Testing.synth(new ChainedAccessStack(Testing.app(), "chained-access"))) as {
    resource: Record<string, Record<string, Body>>;
    output: Record<string, { value: unknown }>;
  };
  const roleId = (prefix: string) => Object.keys(output.resource.aws_iam_role).find((id) => id.startsWith(prefix)) as string;
  const trustOf = (prefix: string) => JSON.parse(output.resource.aws_iam_role[roleId(prefix)].assume_role_policy as string) as { Statement: Body[] };

  test("trusts the partner's role with the external ID", () => {
    expect(trustOf("partner-sync").Statement).toEqual([{
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::444455556666:role/partner-sync-runner" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": "partner-sync-5f2c9e" } },
    }]);
  });

  test("trusts the runner role of the stack by reference", () => {
    expect(trustOf("nightly-reports").Statement[0].Principal).toEqual({ AWS: `\${aws_iam_role.${roleId("ReportRunner")}.arn}` });
  });

  test("keys the Atlas users on the access roles, not the runners", () => {
    const usernames = Object.values(output.resource.mongodbatlas_database_user).map((user) => user.username);

    expect(usernames.sort()).toEqual([`\${aws_iam_role.${roleId("nightly-reports")}.arn}`, `\${aws_iam_role.${roleId("partner-sync")}.arn}`]);
  });

  test("outputs the AssumeRole parameters", () => {
    expect(output.output.partner_assume_role.value).toEqual({
      RoleArn: `\${aws_iam_role.${roleId("partner-sync")}.arn}`,
      RoleSessionName: "partner-sync",
      ExternalId: "partner-sync-5f2c9e",
    });
  });

  test("lets the runner assume the reports role", () => {
    const policy = Object.values(output.resource.aws_iam_role_policy)[0];

    expect(JSON.parse(policy.policy as string).Statement).toEqual([
      { Effect: "Allow", Action: "sts:AssumeRole", Resource: `\${aws_iam_role.${roleId("nightly-reports")}.arn}` },
    ]);
  });
});
