import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformStack } from "cdktf";
import { BackendConfig } from "../config/backend";
import { EnvironmentConfig } from "../config/schema";

/**
 * Configures where one environment keeps its state.
 *
 * Every form is explicit, because cdktf's default local backend writes the
 * absolute working directory into the output, which then differs between
 * machines. Terraform runs in the stack's output folder, so a local state
 * path is written relative to it: `projectRoot` is the project root as seen
 * from that folder, `../../..` for the default `cdktf.out`.
 */
export function configureBackend(stack: TerraformStack, environment: EnvironmentConfig, projectRoot: string): void {
  const backend: BackendConfig = environment.backend ?? { type: "local" };
  switch (backend.type) {
    case "local":
      new LocalBackend(stack, { path: `${projectRoot}/${backend.path ?? `terraform.${environment.name}.tfstate`}` });
      return;
    case "s3":
      configureS3(stack, environment, backend);
      return;
    case "remote":
      new CloudBackend(stack, {
        organization: backend.organization,
        hostname: backend.hostname,
        workspaces: new NamedCloudWorkspace(backend.workspace ?? `atlas-iam-access-${environment.name}`),
      });
      return;
  }
}

function configureS3(stack: TerraformStack, environment: EnvironmentConfig, backend: Extract<BackendConfig, { type: "s3" }>): void {
  const locking = backend.locking ?? "lockfile";
  new S3Backend(stack, {
    bucket: backend.bucket,
    key: backend.key ?? `atlas-iam-access/${environment.name}.tfstate`,
    region: backend.region ?? environment.aws.region,
    encrypt: true,
    kmsKeyId: backend.kmsKeyId,
    dynamodbTable: locking === "dynamodb" ? backend.dynamodbTable : undefined,
    assumeRole: backend.roleArn === undefined ? undefined : { roleArn: backend.roleArn },
  });
  if (locking === "lockfile") {
    // The cdktf 0.21.0 binding predates use_lockfile (Terraform 1.10), so it is written directly.
    stack.addOverride("terraform.backend.s3.use_lockfile", true);
  }
}
