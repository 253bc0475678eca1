import * as fs from "fs";
import * as path from "path";
import { App, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { MongodbatlasProvider } from "@cdktf/provider-mongodbatlas/lib/provider";
import { DatabaseUser, DatabaseUserConfig } from "@cdktf/provider-mongodbatlas/lib/database-user";
import { applyGuardrails } from "../../constructs/guardrails/apply";
import { suppressRule } from "../../constructs/guardrails/suppress";

const ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/ABCDEF0123456789";

/** Builds a stack with providers, an IRSA role from a policy document, and one Atlas user keyed on the role. */
function rawStack(app: App, id: string, sub: { key?: string; user?: Partial<DatabaseUserConfig> } = {}) {
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  new MongodbatlasProvider(stack, "atlas", {});
  const trust = new DataAwsIamPolicyDocument(stack, "trust", {
    statement: [
      {
        actions: ["sts:AssumeRoleWithWebIdentity"],
        principals: [{ type: "Federated", identifiers: [`arn:aws:iam::123456789012:oidc-provider/${ISSUER}`] }],
        condition: [
          { test: "StringEquals", variable: sub.key ?? `${ISSUER}:sub`, values: ["system:serviceaccount:shop:orders"] },
          { test: "StringEquals", variable: `${ISSUER}:aud`, values: ["sts.amazonaws.com"] },
        ],
      },
    ],
  });
  const role = new IamRole(stack, "role", { name: "orders", assumeRolePolicy: trust.json });
  const user = new DatabaseUser(stack, "user", {
    projectId: "64b0f0f0f0f0f0f0f0f0f0f0",
    username: role.arn,
    authDatabaseName: "$external",
    awsIamType: "ROLE",
    roles: [{ roleName: "readWrite", databaseName: "orders" }],
    scopes: [{ name: "shop", type: "CLUSTER" }],
    ...sub.user,
  });
  return { stack, trust, role, user };
}

function annotations(app: App, stackId: string): { constructPath: string; level: string; message: string }[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(app.outdir, "manifest.json"), "utf8"));
  return manifest.stacks[stackId].annotations;
}

describe("applyGuardrails", () => {
  it("fails synth with one message per error finding", () => {
    const app = Testing.app();
    const { stack } = rawStack(app, "shop", { key: `https://${ISSUER}:sub`, user: { authDatabaseName: "admin" } });
    applyGuardrails(stack);
    let thrown = "";
    try {
      app.synth();
    } catch (err) {
      thrown = (err as Error).message;
    }
    expect(thrown).toContain("Validation failed with the following errors");
    expect(thrown).toContain(
      '[ATLAS-USER-AUTH-DB] shop/user: auth_database_name: auth_database_name must be "$external" for an IAM user; got "admin"; fix: Set auth_database_name to "$external".',
    );
    expect(thrown).toContain(
      `[OIDC-CONDITION-KEY-PREFIX] shop/trust: statement[0].condition[0]: condition key starts with a URL scheme; IAM keys OIDC claims by issuer host and path only; got "https://${ISSUER}:sub"`,
    );
  });

  it("synthesizes a clean stack and keeps warnings and suppressions in the manifest", () => {
    const app = Testing.app();
    const { stack, user } = rawStack(app, "shop", {
      user: { scopes: undefined, roles: [{ roleName: "readAnyDatabase", databaseName: "admin" }] },
    });
    suppressRule(user, "ATLAS-ROLE-PRIVILEGED", "reporting job reads every database by design");
    applyGuardrails(stack);
    app.synth();
    const notes = annotations(app, "shop").filter((a) => a.constructPath === "shop/user");
    expect(notes.map((a) => [a.level, a.message])).toEqual([
      [
        "@cdktf/warn",
        "[ATLAS-USER-NO-SCOPES] shop/user: scopes: no scopes: the user can reach every cluster and data lake in the project; got (not set); fix: Add scopes { name = \"<cluster>\", type = \"CLUSTER\" }, or suppress this rule with a reason when project-wide access is intended.",
      ],
      ["@cdktf/info", "[ATLAS-ROLE-PRIVILEGED] suppressed: reporting job reads every database by design"],
    ]);
  });

  it("fails synth for a suppression without a real reason", () => {
    const app = Testing.app();
    const { stack, user } = rawStack(app, "shop", { user: { roles: [{ roleName: "atlasAdmin", databaseName: "admin" }] } });
    suppressRule(user, "ATLAS-ROLE-PRIVILEGED", "needed");
    applyGuardrails(stack);
    expect(() => Testing.synth(stack, true)).toThrow(
      /\[GUARDRAIL-SUPPRESSION-REASON\] shop\/user: suppression of ATLAS-ROLE-PRIVILEGED: a suppression needs a reason of at least 10 characters/,
    );
  });

  it("finds the same Atlas user declared in two stacks", () => {
    const app = Testing.app();
    const literal = { username: "arn:aws:iam::123456789012:role/orders" };
    const a = rawStack(app, "blue", { user: literal });
    const b = rawStack(app, "green", { user: literal });
    applyGuardrails(a.stack);
    applyGuardrails(b.stack);
    expect(() => app.synth()).toThrow(/\[ATLAS-USER-DUPLICATE\] blue\/user: username: same project_id, username and auth_database_name as green\/user in another stack/);
  });

  it("adds each annotation once when validations run twice", () => {
    const app = Testing.app();
    const { stack } = rawStack(app, "shop", { user: { scopes: undefined } });
    applyGuardrails(stack);
    applyGuardrails(stack);
    Testing.synth(stack, true);
    app.synth();
    const warnings = annotations(app, "shop").filter((a) => a.level === "@cdktf/warn");
    expect(warnings.map((a) => a.message.slice(0, 24))).toEqual(["[ATLAS-USER-NO-SCOPES] s"]);
  });
});

describe("applyGuardrails across stacks", () => {
  it("reads stacks that reference each other without warnings of its own", () => {
    const app = Testing.app();
    const a = rawStack(app, "iam");
    const b = new TerraformStack(app, "db");
    new MongodbatlasProvider(b, "atlas", {});
    new DatabaseUser(b, "user2", {
      projectId: "64b0f0f0f0f0f0f0f0f0f0f1",
      username: a.role.arn,
      authDatabaseName: "$external",
      awsIamType: "ROLE",
      roles: [{ roleName: "read", databaseName: "orders" }],
      scopes: [{ name: "shop", type: "CLUSTER" }],
    });
    applyGuardrails(a.stack);
    applyGuardrails(b);
    app.synth();
    const own = [...annotations(app, "iam"), ...annotations(app, "db")].filter((n) => /guardrails/.test(n.message));
    expect(own).toEqual([]);
  });
});
