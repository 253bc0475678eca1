import { LocalBackend, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MongodbatlasProvider } from "@cdktf/provider-mongodbatlas/lib/provider";
import { EnvironmentConfig } from "../config/schema";

/**
 * Configures the providers and the backend of one environment's stack.
 *
 * The provider sources are written fully qualified, because the bindings
 * write `aws` alone, which OpenTofu resolves to another registry. The
 * backend is explicit because cdktf's default local backend writes the
 * absolute working directory into the output, which would make it differ
 * between machines.
 */
export function configureProviders(stack: TerraformStack, environment: EnvironmentConfig): void {
  new AwsProvider(stack, "aws", {
    region: environment.aws.region,
    allowedAccountIds: environment.aws.accountId === undefined ? undefined : [environment.aws.accountId],
  });
  new MongodbatlasProvider(stack, "mongodbatlas", {});
  stack.addOverride("terraform.required_providers.aws.source", "hashicorp/aws");
  stack.addOverride("terraform.required_providers.mongodbatlas.source", "mongodb/mongodbatlas");

  // Terraform runs in cdktf.out/stacks/NAME; the state lives in the project root, beside the config.
  new LocalBackend(stack, { path: `../../../terraform.${environment.name}.tfstate` });
}
