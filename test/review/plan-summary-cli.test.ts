import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

function runCli(args: string[], input?: string) {
  const result = spawnSync("npx", ["tsx", "review/plan/cli.ts", ...args], { cwd: ROOT, encoding: "utf8", input, timeout: 60_000 });
  if (result.error !== undefined) throw result.error;
  return result;
}

describe("plan summary command", () => {
  test("plan file prints Markdown and exits 0", () => {
    const result = runCli(["test/fixtures/plans/atlas-user-replaced.json"]);

    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.startsWith("## Access changes\n\n### ⚠ Attention\n")).toBe(true);
    expect(result.stdout).toContain("Replacement forced by `username`");
    expect(result.stdout).toContain("- **replace** `mongodbatlas_database_user.app`");
  });

  test("state file exits 2 with one line", () => {
    const result = runCli(["test/fixtures/plans/state-not-plan.json"]);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "plan-summary: test/fixtures/plans/state-not-plan.json: resource_changes and planned_values are missing, " +
        "so this is not a plan (a state file looks like this); pass the output of `terraform show -json PLANFILE`\n"
    );
  });

  test("dash reads the plan from standard input", () => {
    const result = runCli(["-"], JSON.stringify({ format_version: "1.2", planned_values: {} }));

    expect(result.status).toBe(0);
    expect(result.stdout).toBe("## Access changes\n\nNo changes to IAM or Atlas access resources in this plan.\n");
  });
});
