// People who sign in through the company's SAML identity provider and query
// Atlas with the temporary credentials of a role. Run it with
// `npx tsx examples/saml/main.ts`; it writes cdktf.out/.
import { join } from "node:path";
import { Construct } from "constructs";
import { App, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MongodbatlasProvider } from "@cdktf/provider-mongodbatlas/lib/provider";
import { AwsEnvironment, SamlAccess, SamlProvider } from "../../constructs";

/** Change these to your Atlas project and cluster. */
const PROJECT_ID = "65f1c0ffee0ddba11cafe001";
const ORDERS = { name: "orders", srvHost: "orders.x7k2p.mongodb.net" };

/** A placeholder for idp.example.com; export your identity provider's metadata in its place. */
export const METADATA_FILE = join(__dirname, "idp-metadata.xml");

/** The identity provider and two roles: support staff read orders, engineers on call may also write. */
export class SupportAccessStack extends TerraformStack {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });
    new AwsProvider(this, "aws", { region: "eu-west-1" });
    new MongodbatlasProvider(this, "mongodbatlas", {});
    // With the account and region known, the provider ARN and the trust policies are literal.
    new AwsEnvironment(this, { accountId: "111122223333", region: "eu-west-1" });

    const idp = SamlProvider.fromMetadataFile(this, "CorporateIdp", { name: "corporate-idp", metadataFile: METADATA_FILE });

    const support = new SamlAccess(this, "support-readers", {
      namePrefix: "shop-",
      provider: idp,
      maxSessionDuration: 4 * 3600,
      atlas: { projectId: PROJECT_ID, grants: [{ role: "read", database: "orders" }], clusters: [ORDERS] },
    });
    const onCall = new SamlAccess(this, "on-call-engineers", {
      namePrefix: "shop-",
      provider: idp,
      // The identity provider posts to the Frankfurt endpoint as well as the default one.
      audiences: ["https://signin.aws.amazon.com/saml", "https://eu-central-1.signin.aws.amazon.com/saml"],
      // The assertion carries session tags (PrincipalTag attributes) such as the team name.
      sessionTags: true,
      atlas: { projectId: PROJECT_ID, grants: [{ role: "readWrite", database: "orders" }], clusters: [ORDERS] },
    });

    // The identity provider's https://aws.amazon.com/SAML/Attributes/Role attribute offers each role with these values.
    new TerraformOutput(this, "support_role_attribute", { value: support.roleAttributeValue });
    new TerraformOutput(this, "on_call_role_attribute", { value: onCall.roleAttributeValue });
    new TerraformOutput(this, "connection_string", { value: support.connectionStrings.orders });
  }
}

if (require.main === module) {
  const app = new App();
  new SupportAccessStack(app, "support-access");
  app.synth();
}
