// Atlas users for identities that the workload constructs do not create.
// They are an IAM user for a host that cannot assume a role, a role made
// elsewhere and known by its ARN, and a role created by another construct
// of this app. Run it with `npx tsx examples/iam-user/main.ts`; it writes
// cdktf.out/.
import { Construct } from "constructs";
import { App, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { MongodbatlasProvider } from "@cdktf/provider-mongodbatlas/lib/provider";
import { AtlasIamUser, AtlasPrincipal, AwsEnvironment, IamUserAccess, serviceTrust, trustPolicy } from "../../constructs";

/** Change these to your Atlas project and cluster. */
const PROJECT_ID = "65f1c0ffee0ddba11cafe001";
const ANALYTICS = { name: "analytics", srvHost: "analytics.x7k2p.mongodb.net" };
const READ_REPORTING = { projectId: PROJECT_ID, grants: [{ role: "read", database: "reporting" }], clusters: [ANALYTICS] };

/** Stands for a construct from another team's library that creates a role and exposes it. */
export class ReportingService extends Construct {
  public readonly taskRole: IamRole;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    this.taskRole = new IamRole(this, "TaskRole", {
      name: "reporting-service",
      assumeRolePolicy: JSON.stringify(trustPolicy(serviceTrust("ecs-tasks.amazonaws.com"))),
    });
  }
}

/** Three Atlas users keyed on principals this library does not shape. */
export class PrincipalsStack extends TerraformStack {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });
    new AwsProvider(this, "aws", { region: "eu-west-1" });
    new MongodbatlasProvider(this, "mongodbatlas", {});
    new AwsEnvironment(this, { accountId: "111122223333", region: "eu-west-1" });

    // Long-lived access keys are the weakest option: the synth records a
    // warning. Create the key yourself, outside Terraform state, only where
    // no role can be used.
    const host = new IamUserAccess(this, "report-host", { namePrefix: "shop-", path: "/legacy/", atlas: READ_REPORTING });

    // A role managed elsewhere, known by its literal ARN.
    const notebooks = new AtlasIamUser(this, "notebooks", {
      ...READ_REPORTING,
      principal: AtlasPrincipal.fromRoleArn("arn:aws:iam::111122223333:role/data-science-notebooks"),
    });

    // A role created by another construct of this app: a reference, resolved at apply time.
    const service = new ReportingService(this, "ReportingService");
    const serviceUser = new AtlasIamUser(this, "reporting-service-db", { ...READ_REPORTING, principal: AtlasPrincipal.fromRole(service.taskRole) });

    new TerraformOutput(this, "report_host_user_arn", { value: host.userArn });
    new TerraformOutput(this, "notebooks_atlas_username", { value: notebooks.username });
    new TerraformOutput(this, "reporting_service_atlas_username", { value: serviceUser.username });
  }
}

if (require.main === module) {
  const app = new App();
  new PrincipalsStack(app, "principals");
  app.synth();
}
