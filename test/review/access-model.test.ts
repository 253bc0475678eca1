import { Construct } from "constructs";
import { Annotations, TerraformOutput } from "cdktf";
import { IamUser } from "@cdktf/provider-aws/lib/iam-user";
import { AtlasIamUser, AtlasPrincipal, Ec2InstanceAccess, EcsTaskAccess, LambdaAccess } from "../../constructs";
import { AccessReport, WorkloadAccess, buildAccessReport, buildStackAccess } from "../../review/access/model";
import { readSynthOutput } from "../../review/access/read-output";
import { PROJECT_ID, newStack } from "../helpers/stack";
import { baseWorkloadProps } from "../helpers/workloads";
import { atlasUserBlock, block, memoryStack, roleBlock, synthesizeToFolder, trustDocument } from "../fixtures/review/access-output";

function rowOf(report: AccessReport, workload: string): WorkloadAccess {
  const row = report.stacks.flatMap((stack) => stack.workloads).find((candidate) => candidate.workload === workload);
  if (row === undefined) throw new Error(`no row for ${workload}`);
  return row;
}

describe("access model from library constructs", () => {
  function synthesizedReport(): AccessReport {
    const stack = newStack();
    const lambda = new LambdaAccess(stack, "checkout-api", baseWorkloadProps());
    new TerraformOutput(lambda, "uri", { value: lambda.environment.MONGODB_URI });
    new EcsTaskAccess(stack, "catalog-service", baseWorkloadProps({
      atlas: { projectId: PROJECT_ID, grants: [{ role: "read", database: "orders", collection: "receipts" }], dataLakes: ["archive"] },
    }));
    new Ec2InstanceAccess(stack, "bi-gateway", baseWorkloadProps({
      atlas: { projectId: PROJECT_ID, grants: [{ role: "read", database: "reporting" }], projectWideAccess: true },
    }));
    return buildAccessReport(readSynthOutput(synthesizeToFolder(stack)));
  }

  test("rows sorted by workload", () => {
    const report = synthesizedReport();

    expect(report.stacks.map((stack) => stack.name)).toEqual(["test"]);
    expect(report.stacks[0].workloads.map((row) => row.workload)).toEqual(["bi-gateway", "catalog-service", "checkout-api"]);
    expect(report.stacks[0].projects).toEqual([PROJECT_ID]);
  });

  test("Lambda row pairs role and user", () => {
    const row = rowOf(synthesizedReport(), "checkout-api");

    expect(row.kind).toBe("Lambda");
    expect(row.roleName).toBe("prod-checkout-api");
    expect(row.trust).toEqual([{ text: "Lambda functions using this role", flags: [] }]);
    expect(row.atlasUser).toBe("ARN of role prod-checkout-api");
    expect(row.roles).toEqual(["readWrite@orders"]);
    expect(row.reach).toEqual({ projectWide: false, scopes: [{ type: "cluster", name: "orders" }] });
    expect(row.connectionStrings).toEqual(["mongodb+srv://orders.x7k2p.mongodb.net/orders?authSource=%24external&authMechanism=MONGODB-AWS"]);
  });

  test("ECS row shows data lake", () => {
    const row = rowOf(synthesizedReport(), "catalog-service");

    expect(row.kind).toBe("ECS");
    expect(row.trust).toEqual([{ text: "ECS tasks in account 111122223333, region eu-west-1", flags: [] }]);
    expect(row.roles).toEqual(["read@orders.receipts"]);
    expect(row.reach.scopes).toEqual([{ type: "data lake", name: "archive" }]);
    expect(row.connectionStrings).toEqual([]);
  });

  test("EC2 row shows project-wide reach", () => {
    const row = rowOf(synthesizedReport(), "bi-gateway");

    expect(row.kind).toBe("EC2");
    expect(row.trust).toEqual([{ text: "EC2 instances with instance profile prod-bi-gateway", flags: [] }]);
    expect(row.reach).toEqual({ projectWide: true, scopes: [] });
  });

  test("existing role and IAM user rows", () => {
    const stack = newStack();
    const atlas = { projectId: PROJECT_ID, grants: [{ role: "read", database: "orders" }], clusters: [{ name: "orders" }] };
    new AtlasIamUser(stack, "legacy-batch", { ...atlas, principal: AtlasPrincipal.fromRoleArn("arn:aws:iam::444455556666:role/batch-reader") });
    const group = new Construct(stack, "reporting-bot");
    const user = new IamUser(group, "User", { name: "reporting-bot" });
    new AtlasIamUser(group, "AtlasUser", { ...atlas, principal: AtlasPrincipal.fromUser(user) });

    const report = buildAccessReport(readSynthOutput(synthesizeToFolder(stack)));

    const existing = rowOf(report, "legacy-batch");
    expect(existing.kind).toBe("existing role");
    expect(existing.roleName).toBe("batch-reader");
    expect(existing.atlasUser).toBe("arn:aws:iam::444455556666:role/batch-reader");
    expect(existing.trust).toEqual([{ text: "defined outside this stack (role batch-reader, account 444455556666)", flags: [] }]);
    const iamUser = rowOf(report, "reporting-bot");
    expect(iamUser.kind).toBe("IAM user");
    expect(iamUser.roleName).toBeUndefined();
    expect(iamUser.atlasUser).toBe("ARN of IAM user reporting-bot");
    expect(iamUser.trust).toEqual([{ text: "anyone holding access keys or a session of IAM user reporting-bot", flags: [] }]);
  });

  test("manifest annotations become warnings and suppressions", () => {
    const stack = newStack();
    const access = new LambdaAccess(stack, "checkout-api", baseWorkloadProps());
    Annotations.of(access.role).addWarning("[IAM-ROLE-NAME] test/checkout-api/Role: name: is long; got x; fix: shorten it");
    Annotations.of(access.atlasUser).addInfo("[ATLAS-USER-NO-SCOPES] suppressed: the reporting team reads every cluster");
    Annotations.of(access).addInfo("a note that is no suppression");

    const [result] = buildAccessReport(readSynthOutput(synthesizeToFolder(stack))).stacks;

    expect(result.guardrails.warnings).toEqual([{
      level: "warning",
      ruleId: "IAM-ROLE-NAME",
      path: "checkout-api/Role",
      message: "test/checkout-api/Role: name: is long; got x; fix: shorten it",
    }]);
    expect(result.guardrails.suppressions).toEqual([
      { ruleId: "ATLAS-USER-NO-SCOPES", path: "checkout-api/AtlasUser", reason: "the reporting team reads every cluster" },
    ]);
  });
});

describe("access model from hand-written stacks", () => {
  test("literal ARN pairs with role", () => {
    const stack = memoryStack({
      resource: {
        aws_iam_role: { app: roleBlock("prod/orders-api/Role", "prod-orders-api", trustDocument({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" })) },
        mongodbatlas_database_user: { user: atlasUserBlock("prod/orders-api/AtlasUser/User", "arn:aws:iam::111122223333:role/prod-orders-api") },
      },
    });

    const [row] = buildStackAccess(stack).workloads;

    expect(row.workload).toBe("orders-api");
    expect(row.kind).toBe("Lambda");
    expect(row.atlasUser).toBe("ARN of role prod-orders-api");
  });

  test("password and IAM user rows", () => {
    const stack = memoryStack({
      resource: {
        mongodbatlas_database_user: {
          admin: block("prod/break-glass/User", { username: "ops-admin", password: "${var.password}", project_id: PROJECT_ID, roles: [{ role_name: "atlasAdmin", database_name: "admin" }] }),
          alice: atlasUserBlock("prod/alice/AtlasUser/User", "arn:aws:iam::444455556666:user/alice", { iamType: "USER" }),
        },
      },
    });

    const rows = buildStackAccess(stack).workloads;

    expect(rows.map((row) => [row.workload, row.kind, row.atlasUser])).toEqual([
      ["alice", "IAM user", "arn:aws:iam::444455556666:user/alice"],
      ["break-glass", "password user", "ops-admin"],
    ]);
    expect(rows[0].trust[0].text).toBe("anyone holding access keys or a session of IAM user alice (account 444455556666), defined outside this stack");
    expect(rows[1].reach.projectWide).toBe(true);
  });

  test("stacks are sorted by name", () => {
    const report = buildAccessReport({ stacks: [memoryStack({}, [], "staging"), memoryStack({}, [], "dev"), memoryStack({}, [], "prod")] });

    expect(report.stacks.map((stack) => stack.name)).toEqual(["dev", "prod", "staging"]);
  });

  test("guardrail results sorted by path", () => {
    const stack = memoryStack({}, [
      { constructPath: "prod/b/Role", level: "@cdktf/warn", message: "[RULE-B] second" },
      { constructPath: "prod/a/Role", level: "warning", message: "[RULE-Z] first" },
      { constructPath: "prod/a/Role", level: "@cdktf/error", message: "no rule here" },
      { constructPath: "prod/b/Role", level: "@cdktf/info", message: "[RULE-B] suppressed - accepted for the migration" },
      { constructPath: "prod/a/Role", level: "info", message: "[RULE-A] Suppressed: legacy naming kept" },
    ]);

    const { guardrails } = buildStackAccess(stack);

    expect(guardrails.warnings.map((warning) => [warning.path, warning.level, warning.ruleId, warning.message])).toEqual([
      ["a/Role", "error", undefined, "no rule here"],
      ["a/Role", "warning", "RULE-Z", "first"],
      ["b/Role", "warning", "RULE-B", "second"],
    ]);
    expect(guardrails.suppressions).toEqual([
      { ruleId: "RULE-A", path: "a/Role", reason: "legacy naming kept" },
      { ruleId: "RULE-B", path: "b/Role", reason: "accepted for the migration" },
    ]);
  });
});
