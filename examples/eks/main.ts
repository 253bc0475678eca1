// EKS pods with Atlas access, using the constructs in a stack of your own.
// Run it with `npx tsx examples/eks/main.ts`; it writes cdktf.out/.
import { Construct } from "constructs";
import { App, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MongodbatlasProvider } from "@cdktf/provider-mongodbatlas/lib/provider";
import { AwsEnvironment, EksIrsaAccess, EksOidcProvider, EksPodIdentityAccess } from "../../constructs";

/** Change these to your Atlas project and cluster and to your EKS cluster. */
const PROJECT_ID = "65f1c0ffee0ddba11cafe001";
const ORDERS = { name: "orders", srvHost: "orders.x7k2p.mongodb.net" };
const EKS_CLUSTER = "shop-main";
const ISSUER_URL = "https://oidc.eks.eu-west-1.amazonaws.com/id/5C1F8A6E2B9D4C7E8F0A1B2C3D4E5F60";

/** A team's stack: one service account with IRSA and one with EKS Pod Identity. */
export class ShopEksStack extends TerraformStack {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });
    new AwsProvider(this, "aws", { region: "eu-west-1" });
    new MongodbatlasProvider(this, "mongodbatlas", {});
    // With the account and region given, trust policies are literal JSON.
    new AwsEnvironment(this, { accountId: "111122223333", region: "eu-west-1" });

    // One provider per issuer and account. Use EksOidcProvider.fromIssuerUrl
    // instead when the cluster's provider exists already.
    const oidc = new EksOidcProvider(this, "shop-main-oidc", { issuerUrl: ISSUER_URL });
    const storefront = new EksIrsaAccess(this, "storefront-web", {
      namePrefix: "shop-",
      oidcProvider: oidc,
      serviceAccounts: [{ namespace: "storefront", name: "storefront-web" }],
      atlas: { projectId: PROJECT_ID, grants: [{ role: "read", database: "catalog" }], clusters: [ORDERS] },
    });
    // Put this annotation on the service account; the pods then assume the role.
    new TerraformOutput(this, "storefront_service_account_annotations", { value: storefront.serviceAccountAnnotations });

    // Pod Identity needs no annotation: the association names the service account.
    const events = new EksPodIdentityAccess(this, "order-events", {
      namePrefix: "shop-",
      associations: [{ clusterName: EKS_CLUSTER, namespace: "orders", serviceAccount: "order-events" }],
      atlas: { projectId: PROJECT_ID, grants: [{ role: "readWrite", database: "orders", collection: "events" }], clusters: [ORDERS] },
    });
    new TerraformOutput(this, "order_events_connection_string", { value: events.connectionStrings[ORDERS.name] });
  }
}

if (require.main === module) {
  const app = new App();
  new ShopEksStack(app, "shop-eks");
  app.synth();
}
