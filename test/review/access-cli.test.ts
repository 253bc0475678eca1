import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { temporaryFolder } from "../helpers/config";
import { atlasUserBlock, memoryStack, roleBlock, trustDocument, writeOutputFolder } from "../fixtures/review/access-output";

const ROOT = join(__dirname, "..", "..");

function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync("npx", ["tsx", "review/access/cli.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, CDKTF_OUTDIR: "", ...env },
  });
  if (result.error !== undefined) throw result.error;
  return result;
}

function lambdaOutput(): string {
  return writeOutputFolder([memoryStack({
    resource: {
      aws_iam_role: { app: roleBlock("prod/checkout-api/Role", "prod-checkout-api", trustDocument({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" })) },
      mongodbatlas_database_user: { app: atlasUserBlock("prod/checkout-api/AtlasUser/User", "${aws_iam_role.app.arn}") },
    },
  })]);
}

describe("access report command", () => {
  test("--out prints report, exits 0", () => {
    const result = runCli(["--out", lambdaOutput()]);

    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith("## Database access\n\n### Stack `prod`\n")).toBe(true);
    expect(result.stdout).toContain(
      "| checkout-api | Lambda | prod-checkout-api | Lambda functions using this role | ARN of role prod-checkout-api | `read@orders` | cluster orders | — |",
    );
  });

  test("reads CDKTF_OUTDIR without --out", () => {
    const result = runCli([], { CDKTF_OUTDIR: lambdaOutput() });

    expect(result.status).toBe(0);
    expect(result.stdout).toContain("| checkout-api | Lambda |");
  });

  test("missing manifest exits 2", () => {
    const folder = temporaryFolder();

    const result = runCli(["--out", folder]);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`review: ${join(folder, "manifest.json")} not found; run npm run synth first, or pass --out DIR with the folder cdktf wrote\n`);
  });

  test("unknown argument exits 2 with usage", () => {
    const result = runCli(["--outdir", "x"]);

    expect(result.status).toBe(2);
    expect(result.stderr).toBe('review: unknown argument "--outdir"; usage: npm run review -- [--out DIR] (default: CDKTF_OUTDIR, else cdktf.out)\n');
  });
});
