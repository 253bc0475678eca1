// A workload that assumes a database-access role with its own role's
// credentials: a partner's sync job in another account, and a reporting job
// whose runner role lives in this stack. Run it with
// `npx tsx examples/role-chain/main.ts`; it writes cdktf.out/.
import { Construct } from "constructs";
import { App, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { MongodbatlasProvider } from "@cdktf/provider-mongodbatlas/lib/provider";
import { AwsEnvironment, RoleChainAccess, serviceTrust, trustPolicy } from "../../constructs";

/** Change these to your Atlas project and cluster. */
const PROJECT_ID = "65f1c0ffee0ddba11cafe001";
const ORDERS = { name: "orders", srvHost: "orders.x7k2p.mongodb.net" };

/** Two database-access roles, each assumed from another role. */
export class ChainedAccessStack extends TerraformStack {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });
    new AwsProvider(this, "aws", { region: "eu-west-1" });
    new MongodbatlasProvider(this, "mongodbatlas", {});
    new AwsEnvironment(this, { accountId: "111122223333", region: "eu-west-1" });

    // A partner's job in account 444455556666. The external ID is agreed with
    // the partner; it is not a secret. The partner's role also needs an
    // identity policy that allows sts:AssumeRole on this role.
    const partner = new RoleChainAccess(this, "partner-sync", {
      namePrefix: "shop-",
      sourceRoleArns: ["arn:aws:iam::444455556666:role/partner-sync-runner"],
      externalId: "partner-sync-5f2c9e",
      atlas: { projectId: PROJECT_ID, grants: [{ role: "read", database: "catalog" }], clusters: [ORDERS] },
    });

    // A CodeBuild project's role in this stack: its ARN is known at apply time.
    const runner = new IamRole(this, "ReportRunner", {
      name: "shop-report-runner",
      assumeRolePolicy: JSON.stringify(trustPolicy(serviceTrust("codebuild.amazonaws.com"))),
    });
    const reports = new RoleChainAccess(this, "nightly-reports", {
      namePrefix: "shop-",
      sourceRoleArns: [runner.arn],
      roleSessionName: "nightly-reports",
      atlas: { projectId: PROJECT_ID, grants: [{ role: "read", database: "orders" }], clusters: [ORDERS] },
    });
    new IamRolePolicy(this, "ReportRunnerMayAssume", {
      role: runner.name,
      policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: reports.roleArn }] }),
    });

    // What the partner passes to AssumeRole.
    new TerraformOutput(this, "partner_assume_role", { value: partner.assumeRoleParameters });
    new TerraformOutput(this, "reports_assume_role", { value: reports.assumeRoleParameters });
    new TerraformOutput(this, "connection_string", { value: partner.connectionStrings.orders });
  }
}

if (require.main === module) {
  const app = new App();
  new ChainedAccessStack(app, "chained-access");
  app.synth();
}
