import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_EXAMPLE, defaultExample, temporaryFolder, writeConfig } from "./helpers/config";
import { addressesOf, filesUnder, runApp, stackOf } from "./helpers/app";
import { trustPolicyOf } from "./helpers/stack";

describe("app on the default example", () => {
  const first = runApp(DEFAULT_EXAMPLE);
  const prod = stackOf(first.outdir, "prod");

  test("synthesizes with exit code 0", () => {
    expect(first.exitCode).toBe(0);
    expect(first.lines[first.lines.length - 1]).toMatch(/^Synthesized examples\/default\/platform\.yaml into /);
  });

  test("gives identical bytes on a second run", () => {
    const second = runApp(DEFAULT_EXAMPLE);

    expect(filesUnder(second.outdir)).toEqual(filesUnder(first.outdir));
  });

  test("writes no absolute path of this machine", () => {
    const text = JSON.stringify(filesUnder(first.outdir));

    expect(text).not.toContain(first.outdir);
    expect(text).not.toContain(process.cwd());
  });

  test("pins the resource addresses", () => {
    expect(Object.keys(addressesOf(prod)).sort()).toEqual([
      "aws_eks_pod_identity_association.order-events_Associations_shop-main_orders_order-events_A6802256",
      "aws_iam_instance_profile.bi-gateway_InstanceProfile_56151030",
      "aws_iam_instance_profile.legacy-erp-sync_InstanceProfile_0DAAEA0B",
      "aws_iam_openid_connect_provider.EksOidcProviders_shop-main_Provider_A7856C5B",
      "aws_iam_role.bi-gateway_Role_EE7F3F34",
      "aws_iam_role.catalog-service_Role_257B4E9B",
      "aws_iam_role.checkout-api_Role_B41691FC",
      "aws_iam_role.export-jobs_Role_73E520BF",
      "aws_iam_role.inventory-worker_Role_788320FB",
      "aws_iam_role.legacy-erp-sync_Role_99959EF9",
      "aws_iam_role.nightly-rollup_Role_89F3D44A",
      "aws_iam_role.order-events_Role_463174D1",
      "aws_iam_role.partner-sync_Role_0298D809",
      "aws_iam_role.receipt-mailer_Role_7852B84E",
      "aws_iam_role.storefront-web_Role_F13B599F",
      "aws_iam_role.support-readers_Role_0291870C",
      "aws_iam_role_policy_attachment.checkout-api_BasicExecution_90DD2265",
      "aws_iam_role_policy_attachment.checkout-api_VpcAccess_CEC0C7D7",
      "aws_iam_role_policy_attachment.nightly-rollup_BasicExecution_3B50D1BC",
      "aws_iam_role_policy_attachment.receipt-mailer_BasicExecution_36860B0D",
      "aws_iam_saml_provider.SamlProviders_example-idp_B7BF68BC",
      "aws_iam_user.legacy-report-host_User_C448852B",
      "mongodbatlas_database_user.bi-gateway_AtlasUser_86BFA815",
      "mongodbatlas_database_user.catalog-service_AtlasUser_B677F656",
      "mongodbatlas_database_user.checkout-api_AtlasUser_519259EC",
      "mongodbatlas_database_user.data-science-notebooks_User_153EB05C",
      "mongodbatlas_database_user.export-jobs_AtlasUser_E11D68DE",
      "mongodbatlas_database_user.inventory-worker_AtlasUser_BD993DB9",
      "mongodbatlas_database_user.legacy-erp-sync_AtlasUser_405D9D3F",
      "mongodbatlas_database_user.legacy-report-host_AtlasUser_52263D5A",
      "mongodbatlas_database_user.nightly-rollup_AtlasUser_CCD75BD1",
      "mongodbatlas_database_user.order-events_AtlasUser_9F170F6A",
      "mongodbatlas_database_user.partner-sync_AtlasUser_5051998F",
      "mongodbatlas_database_user.receipt-mailer_AtlasUser_0D0A055D",
      "mongodbatlas_database_user.storefront-web_AtlasUser_C402B5BC",
      "mongodbatlas_database_user.support-readers_AtlasUser_178CA129",
    ]);
  });

  test("writes every trust policy as literal JSON", () => {
    for (const role of Object.values(prod.resource?.aws_iam_role ?? {})) {
      expect(role.assume_role_policy).not.toContain("${");
      expect(trustPolicyOf(role).Statement.length).toBeGreaterThan(0);
    }
  });

  test("keys every Atlas user on an identity of the stack or a role ARN", () => {
    const roles = Object.keys(prod.resource?.aws_iam_role ?? {});
    const users = Object.keys(prod.resource?.aws_iam_user ?? {});
    const atlasUsers = Object.values(prod.resource?.mongodbatlas_database_user ?? {});

    for (const atlasUser of atlasUsers) {
      const username = atlasUser.username as string;
      const roleReference = /^\$\{aws_iam_role\.(.+)\.arn\}$/.exec(username);
      const userReference = /^\$\{aws_iam_user\.(.+)\.arn\}$/.exec(username);
      expect(atlasUser.auth_database_name).toBe("$external");
      expect(atlasUser.scopes).not.toEqual([]);
      if (roleReference !== null) {
        expect(roles).toContain(roleReference[1]);
        expect(atlasUser.aws_iam_type).toBe("ROLE");
      } else if (userReference !== null) {
        expect(users).toContain(userReference[1]);
        expect(atlasUser.aws_iam_type).toBe("USER");
      } else {
        expect(username).toMatch(/^arn:aws:iam::\d{12}:role\/[\w+=,.@-]+$/);
        expect(atlasUser.aws_iam_type).toBe("ROLE");
      }
    }
    expect(atlasUsers.length).toBe(roles.length + users.length + 1);
  });

  test("writes fully qualified provider sources and a relative backend", () => {
    const terraform = (prod as unknown as { terraform: Record<string, Record<string, Record<string, string>>> }).terraform;

    expect(terraform.required_providers.aws.source).toBe("hashicorp/aws");
    expect(terraform.required_providers.mongodbatlas.source).toBe("mongodb/mongodbatlas");
    expect(terraform.backend.local.path).toBe("../../../terraform.prod.tfstate");
  });

  test("outputs a connection string per scoped cluster", () => {
    const outputs = prod.output ?? {};

    expect(outputs.nightly_rollup_connection_string_orders.value).toBe(
      "mongodb+srv://orders.x7k2p.mongodb.net/reporting?authSource=%24external&authMechanism=MONGODB-AWS",
    );
    expect(outputs.nightly_rollup_connection_string_analytics.value).toBe(
      "mongodb+srv://analytics.x7k2p.mongodb.net/reporting?authSource=%24external&authMechanism=MONGODB-AWS",
    );
    expect(outputs.legacy_erp_sync_instance_profile_name.value).toBe("prod-legacy-erp-sync");
  });
});

describe("app addresses", () => {
  test("keeps other addresses when a workload is added", () => {
    const config = defaultExample();
    const before = addressesOf(stackOf(runApp(writeConfig(config)).outdir, "prod"));
    config.workloads.unshift({ name: "aaa-first", kind: "ec2", access: { grants: [{ role: "read", database: "x" }], clusters: ["orders"] } });

    const after = addressesOf(stackOf(runApp(writeConfig(config)).outdir, "prod"));

    for (const [address, body] of Object.entries(before)) {
      expect(after[address]).toEqual(body);
    }
    expect(Object.keys(after).length).toBe(Object.keys(before).length + 3);
  });

  test("keeps other addresses when a workload is removed", () => {
    const config = defaultExample();
    const before = addressesOf(stackOf(runApp(writeConfig(config)).outdir, "prod"));
    const removed = config.workloads.splice(0, 1)[0];

    const after = addressesOf(stackOf(runApp(writeConfig(config)).outdir, "prod"));

    for (const [address, body] of Object.entries(after)) {
      expect(before[address]).toEqual(body);
    }
    expect(Object.keys(before).filter((address) => !(address in after)).every((address) => address.includes(`${removed.name}_`))).toBe(true);
  });
});

describe("app on bad input", () => {
  test("exits 1 with one line per problem and writes nothing", () => {
    const config = defaultExample() as unknown as { workloads: Record<string, unknown>[] };
    config.workloads[0].kind = "lamda";
    config.workloads[1].extra = 1;
    const outdir = join(temporaryFolder(), "cdktf.out");

    const result = runApp(writeConfig(config), outdir);

    expect(result.exitCode).toBe(1);
    expect(result.lines).toHaveLength(2);
    expect(existsSync(outdir)).toBe(false);
  });

  test("leaves an earlier output untouched", () => {
    const outdir = join(temporaryFolder(), "cdktf.out");
    mkdirSync(join(outdir, "stacks", "prod"), { recursive: true });
    writeFileSync(join(outdir, "stacks", "prod", "cdk.tf.json"), "earlier");
    const config = defaultExample();
    (config.workloads[3] as { executionRoleArn?: string }).executionRoleArn = "arn:aws:iam::111122223333:role/prod-catalog-service";

    const result = runApp(writeConfig(config), outdir);

    expect(result.exitCode).toBe(1);
    expect(result.lines).toEqual([
      expect.stringMatching(/platform\.yaml: prod\/catalog-service: executionRoleArn is the task role prod-catalog-service itself/),
    ]);
    expect(filesUnder(outdir)).toEqual({ "stacks/prod/cdk.tf.json": "earlier" });
    expect(readdirSync(join(outdir, ".."))).toEqual(["cdktf.out"]);
  });
});
