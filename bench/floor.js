// The floor of the benchmark: the least a cdktf synthesis of one IAM role
// and one Atlas user can cost on this machine. Plain JavaScript run by plain
// node, so no TypeScript loader or type checker adds to the figure. Provider
// classes are loaded by deep path, as the library does.
"use strict";

const { mkdtempSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { App, TerraformStack } = require("cdktf");
const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");
const { IamRole } = require("@cdktf/provider-aws/lib/iam-role");
const { MongodbatlasProvider } = require("@cdktf/provider-mongodbatlas/lib/provider");
const { DatabaseUser } = require("@cdktf/provider-mongodbatlas/lib/database-user");

const outdir = process.env.CDKTF_OUTDIR ?? mkdtempSync(join(tmpdir(), "bench-floor-"));
const app = new App({ outdir });
const stack = new TerraformStack(app, "floor");
new AwsProvider(stack, "aws", { region: "eu-west-1" });
new MongodbatlasProvider(stack, "mongodbatlas", {});
const role = new IamRole(stack, "role", {
  name: "floor-role",
  assumeRolePolicy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
  }),
});
new DatabaseUser(stack, "user", {
  projectId: "65f1c0ffee0ddba11cafe001",
  username: role.arn,
  authDatabaseName: "$external",
  awsIamType: "ROLE",
  roles: [{ roleName: "read", databaseName: "orders" }],
});
app.synth();
if (process.env.CDKTF_OUTDIR === undefined) {
  rmSync(outdir, { recursive: true, force: true });
}
