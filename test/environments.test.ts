import { mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { defaultExample, writeConfig } from "./helpers/config";
import { runApp, stackOf } from "./helpers/app";
import { resourcesOf, trustPolicyOf } from "./helpers/stack";

type TerraformBlock = { terraform: { backend: Record<string, Record<string, unknown>> } };

describe("environments", () => {
  const run = runApp("examples/two-environments/platform.yaml");

  test("become one stack each", () => {
    expect(run.exitCode).toBe(0);
    const staging = stackOf(run.outdir, "staging");
    const prod = stackOf(run.outdir, "prod");

    expect(Object.values(resourcesOf(staging, "aws_iam_role")).map((role) => role.name).sort()).toEqual(["staging-catalog-service", "staging-checkout-api"]);
    expect(Object.values(resourcesOf(prod, "aws_iam_role")).map((role) => role.name).sort()).toEqual(["prod-catalog-service", "prod-checkout-api"]);
  });

  test("use their own account in trust conditions", () => {
    const staging = stackOf(run.outdir, "staging");
    const ecsRole = Object.values(resourcesOf(staging, "aws_iam_role")).find((role) => role.name === "staging-catalog-service");

    expect(trustPolicyOf(ecsRole ?? {}).Statement[0].Condition).toEqual({
      ArnLike: { "aws:SourceArn": "arn:aws:ecs:eu-west-1:444455556666:*" },
      StringEquals: { "aws:SourceAccount": "444455556666" },
    });
  });

  test("key users in their own Atlas project", () => {
    const projects = Object.values(resourcesOf(stackOf(run.outdir, "staging"), "mongodbatlas_database_user")).map((user) => user.project_id);
    expect(new Set(projects)).toEqual(new Set(["65f1c0ffee0ddba11cafe002"]));
  });

  test("keep state in S3 with native locking by default", () => {
    const staging = stackOf(run.outdir, "staging") as unknown as TerraformBlock;

    expect(staging.terraform.backend).toEqual({
      s3: { bucket: "acme-terraform-state-staging", key: "atlas-iam-access/staging.tfstate", region: "eu-west-1", encrypt: true, use_lockfile: true },
    });
  });

  test("lock with DynamoDB when asked", () => {
    const prod = stackOf(run.outdir, "prod") as unknown as TerraformBlock;

    expect(prod.terraform.backend.s3).toMatchObject({ dynamodb_table: "terraform-locks", assume_role: { role_arn: "arn:aws:iam::111122223333:role/terraform-state" } });
    expect(prod.terraform.backend.s3).not.toHaveProperty("use_lockfile");
  });

  test("can keep state in HCP Terraform", () => {
    const config = defaultExample();
    config.environments[0].backend = { type: "remote", organization: "acme" };

    const stack = stackOf(runApp(writeConfig(config)).outdir, "prod") as unknown as TerraformBlock;

    expect((stack.terraform as Record<string, unknown>).cloud).toEqual({ organization: "acme", workspaces: { name: "atlas-iam-access-prod" } });
    expect(stack.terraform.backend).toBeUndefined();
  });
});

describe("environment state", () => {
  test("rejects two environments sharing a state file", () => {
    const environment = (name: string, accountId: string) => ({
      name,
      aws: { region: "eu-west-1", accountId },
      atlas: { projectId: "65f1c0ffee0ddba11cafe001", clusters: [{ name: "orders" }] },
      backend: { type: "local", path: "shared.tfstate" },
    });
    const workload = { name: "app", kind: "ec2", access: { grants: [{ role: "read", database: "orders" }], clusters: ["orders"] } };
    const config = { environments: [environment("prod", "111122223333"), environment("staging", "444455556666")], workloads: [workload] };

    expect(runApp(writeConfig(config)).lines).toEqual([
      expect.stringMatching(/environments\[1\]\.backend: keeps state where environments\[0\] keeps its state.*\(got "local shared\.tfstate"\)$/),
    ]);
  });

  test("rejects DynamoDB locking without a table", () => {
    const config = defaultExample();
    config.environments[0].backend = { type: "s3", bucket: "acme-state", locking: "dynamodb" };

    expect(runApp(writeConfig(config)).lines).toEqual([
      expect.stringMatching(/environments\[0\]\.backend\.dynamodbTable: is missing, and locking: dynamodb needs it/),
    ]);
  });

  test("keeps local state in the project root for any output folder inside it", () => {
    const scratch = mkdtempSync(join(".tmp-", ""));
    try {
      const outdir = join(scratch, "build", "out");
      const stack = stackOf(runApp("examples/default/platform.yaml", outdir).outdir, "prod") as unknown as TerraformBlock;

      expect(stack.terraform.backend.local.path).toBe("../../../../../terraform.prod.tfstate");
      expect(resolve(outdir, "stacks", "prod", stack.terraform.backend.local.path as string)).toBe(resolve("terraform.prod.tfstate"));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  test("keeps local state beside an output folder outside the project", () => {
    const stack = stackOf(runApp("examples/default/platform.yaml").outdir, "prod") as unknown as TerraformBlock;

    expect(stack.terraform.backend.local.path).toBe("../../../terraform.prod.tfstate");
  });
});
