// Using the constructs in a stack of your own, without the config file.
// Run it with `npx tsx examples/own-stack/main.ts`; it writes cdktf.out/.
import { Construct } from "constructs";
import { App, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { MongodbatlasProvider } from "@cdktf/provider-mongodbatlas/lib/provider";
import { AwsEnvironment, EcsTaskAccess, LambdaAccess } from "../../constructs";

/** Change these to your Atlas project and cluster. */
const PROJECT_ID = "65f1c0ffee0ddba11cafe001";
const ORDERS = { name: "orders", srvHost: "orders.x7k2p.mongodb.net" };

/** A team's stack: one function and one ECS service, each with its own Atlas user. */
export class OrdersStack extends TerraformStack {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });
    new AwsProvider(this, "aws", { region: "eu-west-1" });
    new MongodbatlasProvider(this, "mongodbatlas", {});
    // Optional: with the account and region given, trust policies are literal JSON.
    new AwsEnvironment(this, { accountId: "111122223333", region: "eu-west-1" });

    const api = new LambdaAccess(this, "orders-api", {
      namePrefix: "shop-",
      atlas: { projectId: PROJECT_ID, grants: [{ role: "readWrite", database: "orders" }], clusters: [ORDERS] },
    });
    // The function itself is yours; it only needs the role and the variables.
    new LambdaFunction(this, "OrdersApiFunction", {
      functionName: "orders-api",
      role: api.roleArn,
      runtime: "nodejs20.x",
      handler: "index.handler",
      filename: "orders-api.zip",
      environment: { variables: api.environment },
    });

    const worker = new EcsTaskAccess(this, "orders-worker", {
      namePrefix: "shop-",
      executionRoleArn: "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",
      atlas: { projectId: PROJECT_ID, grants: [{ role: "read", database: "orders" }], clusters: [ORDERS] },
    });
    new TerraformOutput(this, "worker_task_role_arn", { value: worker.roleArn });
  }
}

if (require.main === module) {
  const app = new App();
  new OrdersStack(app, "orders");
  app.synth();
}
