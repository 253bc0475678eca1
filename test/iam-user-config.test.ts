import { readFileSync } from "node:fs";
import { join } from "node:path";
import { configProblemLines, writeConfig } from "./helpers/config";
import { runApp, stackOf } from "./helpers/app";

/** Writes a config of one environment and one iam-user workload, which `overrides` change. */
function userConfig(overrides: Record<string, unknown> = {}): string {
  return writeConfig({
    environments: [{
      name: "prod",
      aws: { region: "eu-west-1", accountId: "111122223333" },
      atlas: { projectId: "65f1c0ffee0ddba11cafe001", clusters: [{ name: "analytics", srvHost: "analytics.x7k2p.mongodb.net" }] },
    }],
    workloads: [{
      name: "report-host",
      kind: "iam-user",
      access: { grants: [{ role: "read", database: "reporting" }], clusters: ["analytics"] },
      ...overrides,
    }],
  });
}

const problemLines = configProblemLines;

describe("iam-user configuration", () => {
  test("creates the user and its Atlas user", () => {
    const prod = stackOf(runApp(userConfig({ path: "/legacy/" })).outdir, "prod");

    const user = Object.values(prod.resource?.aws_iam_user ?? {})[0];
    expect(user.name).toBe("prod-report-host");
    expect(user.path).toBe("/legacy/");
    const atlasUser = Object.values(prod.resource?.mongodbatlas_database_user ?? {})[0];
    expect(atlasUser.aws_iam_type).toBe("USER");
    expect(prod.resource?.aws_iam_access_key).toBeUndefined();
  });

  test("outputs the user ARN and name", () => {
    const outputs = stackOf(runApp(userConfig()).outdir, "prod").output ?? {};

    expect(outputs.report_host_user_arn.value).toMatch(/^\$\{aws_iam_user\.report-host_User_[0-9A-F]+\.arn\}$/);
    expect(outputs.report_host_user_name.value).toBe("prod-report-host");
    expect(outputs.report_host_atlas_username.value).toBe(outputs.report_host_user_arn.value);
    expect(outputs.report_host_connection_string_analytics.value).toBe(
      "mongodb+srv://analytics.x7k2p.mongodb.net/reporting?authSource=%24external&authMechanism=MONGODB-AWS",
    );
  });

  test("references an existing user by ARN", () => {
    const arn = "arn:aws:iam::111122223333:user/report-host";
    const prod = stackOf(runApp(userConfig({ userArn: arn })).outdir, "prod");

    expect(prod.resource?.aws_iam_user).toBeUndefined();
    expect(Object.values(prod.resource?.mongodbatlas_database_user ?? {})[0].username).toBe(arn);
  });

  test("keeps the user name of a renamed workload", () => {
    const prod = stackOf(runApp(userConfig({ renamedFrom: "old-report-host" })).outdir, "prod");

    expect(Object.values(prod.resource?.aws_iam_user ?? {})[0].name).toBe("prod-old-report-host");
  });

  test("records the access key warning in the manifest", () => {
    const run = runApp(userConfig());
    const manifest = JSON.parse(readFileSync(join(run.outdir, "manifest.json"), "utf8")) as { stacks: { prod: { annotations: { constructPath: string; message: string }[] } } };

    expect(manifest.stacks.prod.annotations).toContainEqual(expect.objectContaining({
      constructPath: "prod/report-host",
      message: expect.stringMatching(/^Atlas access for IAM user prod-report-host relies on long-lived access keys/),
    }));
  });

  test("rejects creation settings with a user ARN", () => {
    expect(problemLines(userConfig({ userArn: "arn:aws:iam::111122223333:user/report-host", userName: "report-host", tags: { team: "bi" } }))).toEqual([
      expect.stringMatching(/workloads\[0\]\.userName: must be omitted with userArn, which refers to a user created elsewhere\. Remove it, or remove userArn to create the user here \(got "report-host"\)$/),
      expect.stringMatching(/workloads\[0\]\.tags: must be omitted with userArn, .* \(got \{"team":"bi"\}\)$/),
    ]);
  });

  test.each([
    ["roleName", "report-role"],
    ["maxSessionDuration", 7200],
    ["description", "Report host"],
  ])("rejects the role field %s", (field, value) => {
    expect(problemLines(userConfig({ [field]: value }))).toEqual([
      expect.stringContaining(`workloads[0].${field}: must be omitted, because an iam-user workload has no role. Remove it (got ${JSON.stringify(value)})`),
    ]);
  });

  test("points a role ARN given as the user to existing-role", () => {
    expect(problemLines(userConfig({ userArn: "arn:aws:iam::111122223333:role/report-host" }))).toEqual([
      expect.stringMatching(/workloads\[0\]\.userArn: must be an IAM user ARN, not a role ARN: an iam-user workload keys its Atlas user on an IAM user\. For a role that exists already, use kind: existing-role with roleArn instead of userArn \(got "arn:aws:iam::111122223333:role\/report-host"\)$/),
    ]);
  });

  test.each([
    "report-host",
    "arn:aws:sts::111122223333:assumed-role/report/session",
    "arn:aws-iso:iam::111122223333:user/report-host",
    `arn:aws:iam::111122223333:user/${"u".repeat(65)}`,
  ])("rejects the user ARN %p", (userArn) => {
    expect(problemLines(userConfig({ userArn }))).toEqual([
      expect.stringContaining("workloads[0].userArn: must be an IAM user ARN, arn:PARTITION:iam::ACCOUNT:user/NAME. Copy it from aws iam get-user"),
    ]);
  });
});
