import { WorkloadAccess, partitionOfRegion, roleArn } from "../../constructs";
import { EnvironmentConfig } from "../config/schema";

/** A Terraform `import` block. */
export interface ImportBlock {
  readonly to: string;
  readonly id: string;
}

/** The existing resources of a workload to import. */
export interface AdoptOptions {
  readonly role?: boolean;
  readonly atlasUser?: boolean;
}

/**
 * Returns import blocks that bring a workload's existing role and Atlas
 * user under management.
 *
 * The Atlas user's import ID is `PROJECTID-USERNAME-AUTHDB`, joined with
 * hyphens, because the provider's slash-separated form cannot carry an ARN,
 * which contains slashes. The username is the role's ARN, written from the
 * account and role name so that it is known at plan time. For this, the
 * config check requires the environment's accountId.
 */
export function importBlocksFor(workload: WorkloadAccess, environment: EnvironmentConfig, adopt: AdoptOptions): ImportBlock[] {
  const blocks: ImportBlock[] = [];
  if (adopt.role === true) {
    blocks.push({ to: `aws_iam_role.${workload.role.friendlyUniqueId}`, id: workload.roleName });
  }
  if (adopt.atlasUser === true && environment.aws.accountId !== undefined) {
    const arn = roleArn(partitionOfRegion(environment.aws.region), environment.aws.accountId, workload.roleName);
    blocks.push({
      to: `mongodbatlas_database_user.${workload.atlasUser.resource.friendlyUniqueId}`,
      id: `${environment.atlas.projectId}-${arn}-$external`,
    });
  }
  return blocks;
}
