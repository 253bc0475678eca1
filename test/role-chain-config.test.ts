import { readFileSync } from "node:fs";
import { join } from "node:path";
import { configProblemLines, writeConfig } from "./helpers/config";
import { runApp, stackOf } from "./helpers/app";
import { trustPolicyOf } from "./helpers/stack";

const SOURCE = "arn:aws:iam::444455556666:role/partner-sync-runner";

/** Writes a config of one environment and one role-chain workload, which `overrides` change. */
function chainConfig(overrides: Record<string, unknown> = {}): string {
  return writeConfig({
    environments: [{
      name: "prod",
      aws: { region: "eu-west-1", accountId: "111122223333" },
      atlas: { projectId: "65f1c0ffee0ddba11cafe001", clusters: [{ name: "orders", srvHost: "orders.x7k2p.mongodb.net" }] },
    }],
    workloads: [{
      name: "partner-sync",
      kind: "role-chain",
      sourceRoleArns: [SOURCE],
      access: { grants: [{ role: "read", database: "catalog" }], clusters: ["orders"] },
      ...overrides,
    }],
  });
}

const problemLines = configProblemLines;

describe("role-chain configuration", () => {
  test("builds the access role with a literal trust policy", () => {
    const prod = stackOf(runApp(chainConfig({ externalId: "partner-sync-5f2c9e" })).outdir, "prod");

    const role = Object.values(prod.resource?.aws_iam_role ?? {})[0];
    expect(role.name).toBe("prod-partner-sync");
    expect(trustPolicyOf(role).Statement).toEqual([{
      Effect: "Allow",
      Principal: { AWS: SOURCE },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": "partner-sync-5f2c9e" } },
    }]);
  });

  test("outputs what the workload passes to AssumeRole", () => {
    const outputs = stackOf(runApp(chainConfig({ externalId: "partner-sync-5f2c9e", roleSessionName: "nightly" })).outdir, "prod").output ?? {};

    expect(outputs.partner_sync_role_arn.value).toMatch(/^\$\{aws_iam_role\.partner-sync_Role_[0-9A-F]+\.arn\}$/);
    expect(outputs.partner_sync_role_session_name.value).toBe("nightly");
    expect(outputs.partner_sync_external_id.value).toBe("partner-sync-5f2c9e");
  });

  test("omits the external ID output when none is set", () => {
    const outputs = stackOf(runApp(chainConfig()).outdir, "prod").output ?? {};

    expect(outputs.partner_sync_role_session_name.value).toBe("partner-sync");
    expect(outputs.partner_sync_external_id).toBeUndefined();
  });

  test("records the chained session warning in the manifest", () => {
    const run = runApp(chainConfig({ maxSessionDuration: 7200 }));
    const manifest = JSON.parse(readFileSync(join(run.outdir, "manifest.json"), "utf8")) as { stacks: { prod: { annotations: { constructPath: string; message: string }[] } } };

    expect(manifest.stacks.prod.annotations).toContainEqual(expect.objectContaining({
      constructPath: "prod/partner-sync",
      message: expect.stringMatching(/^maxSessionDuration is 7200 seconds, but a session started with another role's credentials \(role chaining\) lasts at most 3600 seconds/),
    }));
  });

  test("rejects an empty source list", () => {
    expect(problemLines(chainConfig({ sourceRoleArns: [] }))).toEqual([
      expect.stringMatching(/workloads\[0\]\.sourceRoleArns: must list at least one role or IAM user ARN that assumes this role \(got \[\]\)$/),
    ]);
  });

  test("rejects an invalid external ID", () => {
    expect(problemLines(chainConfig({ externalId: "a b" }))).toEqual([
      expect.stringMatching(/workloads\[0\]\.externalId: must be 2 to 1224 letters, digits or \+=,\.@:\/- characters\. Use the ID agreed with the caller, for example a UUID \(got "a b"\)$/),
    ]);
  });

  test("stops on a source that trusts a whole account", () => {
    const run = runApp(chainConfig({ sourceRoleArns: ["arn:aws:iam::444455556666:root"] }));

    expect(run.exitCode).toBe(1);
    expect(run.lines).toEqual([
      expect.stringMatching(/: prod\/partner-sync: sourceRoleArns\[0\] is an iam root ARN, not an IAM role or user ARN, got "arn:aws:iam::444455556666:root"\. An account root ARN delegates/),
    ]);
  });
});
