import { ConfigProblem } from "./problems";
import { EnvironmentConfig, PlatformConfig } from "./schema";

/**
 * Checks that each environment keeps its state in a place of its own, and
 * that DynamoDB locking names its table. Two stacks that share a state file
 * would each plan to destroy the other's resources.
 */
export function checkBackendReferences(config: PlatformConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const owners = new Map<string, number>();

  config.environments.forEach((environment, index) => {
    const path = `environments[${index}].backend`;
    const backend = environment.backend;
    if (backend?.type === "s3" && (backend.locking ?? "lockfile") === "dynamodb" && backend.dynamodbTable === undefined) {
      problems.push({
        path: `${path}.dynamodbTable`,
        message: "is missing, and locking: dynamodb needs it. Name the lock table, or use locking: lockfile with Terraform 1.10 or later",
        received: undefined,
      });
    }

    const location = stateLocation(environment);
    const owner = owners.get(location);
    if (owner !== undefined) {
      problems.push({
        path,
        message: `keeps state where environments[${owner}] keeps its state, so each would plan to destroy the other's resources. Give each environment its own path, key or workspace`,
        received: location,
      });
    } else {
      owners.set(location, index);
    }
  });
  return problems;
}

/** Returns a string that is equal for two environments exactly when they share state. */
function stateLocation(environment: EnvironmentConfig): string {
  const backend = environment.backend ?? { type: "local" as const };
  switch (backend.type) {
    case "local":
      return `local ${backend.path ?? `terraform.${environment.name}.tfstate`}`;
    case "s3":
      return `s3://${backend.bucket}/${backend.key ?? `atlas-iam-access/${environment.name}.tfstate`}`;
    case "remote":
      return `remote ${backend.hostname ?? "app.terraform.io"}/${backend.organization}/${backend.workspace ?? `atlas-iam-access-${environment.name}`}`;
  }
}
