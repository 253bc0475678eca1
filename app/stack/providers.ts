import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MongodbatlasProvider } from "@cdktf/provider-mongodbatlas/lib/provider";
import { EnvironmentConfig } from "../config/schema";

/**
 * Configures the providers of one environment's stack.
 *
 * The provider sources are written fully qualified, because the bindings
 * write `aws` alone, which OpenTofu resolves to another registry.
 */
export function configureProviders(stack: TerraformStack, environment: EnvironmentConfig): void {
  new AwsProvider(stack, "aws", {
    region: environment.aws.region,
    allowedAccountIds: environment.aws.accountId === undefined ? undefined : [environment.aws.accountId],
  });
  new MongodbatlasProvider(stack, "mongodbatlas", {});
  stack.addOverride("terraform.required_providers.aws.source", "hashicorp/aws");
  stack.addOverride("terraform.required_providers.mongodbatlas.source", "mongodb/mongodbatlas");
}
