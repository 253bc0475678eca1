import { configProblemLines, writeConfig } from "./helpers/config";
import { runApp, stackOf } from "./helpers/app";

const ROLE_ARN = "arn:aws:iam::111122223333:role/data-science-notebooks";

/** Writes a config of one environment and one existing-role workload, which `overrides` change. */
function existingRoleConfig(overrides: Record<string, unknown> = {}): string {
  return writeConfig({
    environments: [{
      name: "prod",
      aws: { region: "eu-west-1", accountId: "111122223333" },
      atlas: { projectId: "65f1c0ffee0ddba11cafe001", clusters: [{ name: "analytics", srvHost: "analytics.x7k2p.mongodb.net" }] },
    }],
    workloads: [{
      name: "notebooks",
      kind: "existing-role",
      roleArn: ROLE_ARN,
      access: { grants: [{ role: "read", database: "reporting" }], clusters: ["analytics"] },
      ...overrides,
    }],
  });
}

const problemLines = configProblemLines;

describe("existing-role configuration", () => {
  test("keys the Atlas user on the role without creating one", () => {
    const prod = stackOf(runApp(existingRoleConfig()).outdir, "prod");

    expect(prod.resource?.aws_iam_role).toBeUndefined();
    const users = Object.values(prod.resource?.mongodbatlas_database_user ?? {});
    expect(users.map((user) => [user.username, user.aws_iam_type])).toEqual([[ROLE_ARN, "ROLE"]]);
  });

  test("outputs the role and the connection string", () => {
    const outputs = stackOf(runApp(existingRoleConfig()).outdir, "prod").output ?? {};

    expect(outputs.notebooks_role_arn.value).toBe(ROLE_ARN);
    expect(outputs.notebooks_role_name.value).toBe("data-science-notebooks");
    expect(outputs.notebooks_atlas_username.value).toBe(ROLE_ARN);
    expect(outputs.notebooks_connection_string_analytics.value).toBe(
      "mongodb+srv://analytics.x7k2p.mongodb.net/reporting?authSource=%24external&authMechanism=MONGODB-AWS",
    );
  });

  test("rejects an ARN that is not a role's", () => {
    expect(problemLines(existingRoleConfig({ roleArn: "arn:aws:iam::111122223333:user/notebooks" }))).toEqual([
      expect.stringMatching(/workloads\[0\]\.roleArn: must be an IAM role ARN, arn:PARTITION:iam::ACCOUNT:role\/NAME \(got "arn:aws:iam::111122223333:user\/notebooks"\)$/),
    ]);
  });

  test.each([
    ["tags", { team: "science" }],
    ["permissionsBoundary", "arn:aws:iam::111122223333:policy/boundary"],
    ["adopt", { atlasUser: true }],
  ])("rejects the role field %s", (field, value) => {
    expect(problemLines(existingRoleConfig({ [field]: value }))).toEqual([
      expect.stringContaining(`workloads[0].${field}: must be omitted, because an existing role is managed where it was created. Remove it (got ${JSON.stringify(value)})`),
    ]);
  });

  test("stops on a role path unless allowed", () => {
    const roleArn = "arn:aws:iam::111122223333:role/science/notebooks";

    expect(runApp(existingRoleConfig({ roleArn })).lines).toEqual([expect.stringMatching(/: prod\/notebooks: principal names a role with path \/science\//)]);
    expect(runApp(existingRoleConfig({ roleArn, allowRolePath: true })).exitCode).toBe(0);
  });
});
