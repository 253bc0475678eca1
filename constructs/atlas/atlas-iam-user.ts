import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { DatabaseUser } from "@cdktf/provider-mongodbatlas/lib/database-user";
import { applyGuardrails } from "../guardrails/apply";
import { suppressRule } from "../guardrails/suppress";
import { ConstructInputError } from "../private/errors";
import { isUnresolved } from "../private/tokens";
import { AtlasClusterRef, clusterSrvHost, validateClusterRef } from "./cluster";
import { awsConnectionString } from "./connection-string";
import { BUILT_IN_ROLES } from "./built-in-roles";
import { AtlasRoleGrant, ResolvedGrant, resolveGrants } from "./grants";
import { AtlasPrincipal, AwsIamType } from "./principal";
import { resolveAwsIamType } from "./principal-arn";

/** Atlas access of an IAM identity: project, roles and scopes. Shared by every workload construct. */
export interface AtlasAccessOptions {
  /** The 24-character ID of the Atlas project. */
  readonly projectId: string;
  /** The database roles granted. Keep them to what the workload needs. */
  readonly grants: readonly AtlasRoleGrant[];
  /**
   * The clusters the user may reach. Atlas creates the user on these only.
   *
   * @default - none; give clusters or dataLakes, or set projectWideAccess
   */
  readonly clusters?: readonly AtlasClusterRef[];
  /**
   * Names of Atlas Data Federation databases the user may reach.
   *
   * @default - none
   */
  readonly dataLakes?: readonly string[];
  /**
   * Lets the user reach every cluster and data lake of the project, now and
   * in the future. Only valid without clusters and dataLakes.
   *
   * @default false
   */
  readonly projectWideAccess?: boolean;
  /**
   * Accepts roles that reach every database or administer the project
   * (`atlasAdmin` and the `*AnyDatabase` roles).
   *
   * @default false
   */
  readonly allowPrivilegedRoles?: boolean;
  /**
   * The database in the path of the emitted connection strings.
   *
   * @default - the database of the first grant not on admin, else none
   */
  readonly defaultDatabase?: string;
  /**
   * Labels on the Atlas user, shown in the Atlas UI.
   *
   * @default - none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * A description of the Atlas user.
   *
   * @default - none
   */
  readonly description?: string;
}

/** Props for {@link AtlasIamUser}. */
export interface AtlasIamUserProps extends AtlasAccessOptions {
  /** The IAM role or user whose ARN becomes the Atlas username. */
  readonly principal: AtlasPrincipal;
  /**
   * Accepts a literal role ARN with a path other than `/`.
   *
   * The ARN Atlas receives from a caller carries the role name only, so such
   * a user may never match.
   *
   * @default false
   */
  readonly allowRolePath?: boolean;
}

const PROJECT_ID_PATTERN = /^[0-9a-f]{24}$/;
const DATA_LAKE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * An Atlas database user that authenticates with MONGODB-AWS.
 *
 * The username is the ARN of an IAM role or user, the auth database is
 * `$external`, and `aws_iam_type` follows from the principal. No password
 * exists.
 */
export class AtlasIamUser extends Construct {
  /** The Atlas username: the principal's ARN. */
  public readonly username: string;
  /** The IAM type Atlas records, ROLE or USER. */
  public readonly awsIamType: AwsIamType;
  /** The underlying provider resource. */
  public readonly resource: DatabaseUser;
  /** The granted roles, in the provider's terms. */
  public readonly grants: readonly ResolvedGrant[];

  private readonly connectionStringByCluster: Record<string, string>;

  public constructor(scope: Construct, id: string, props: AtlasIamUserProps) {
    super(scope, id);

    this.awsIamType = resolveAwsIamType(this, props.principal, props.allowRolePath ?? false);
    validateProject(this, props.projectId);
    this.grants = resolveGrants(this, props.grants, props.allowPrivilegedRoles ?? false);
    const clusters = props.clusters ?? [];
    const dataLakes = props.dataLakes ?? [];
    validateScopes(this, clusters, dataLakes, props.projectWideAccess ?? false);
    validateLabels(this, props.labels ?? {});
    validateDefaultDatabase(this, props.defaultDatabase, this.grants);

    const database = props.defaultDatabase ?? this.grants.find((grant) => grant.databaseName !== "admin")?.databaseName;
    this.connectionStringByCluster = {};
    for (const cluster of clusters) {
      const host = clusterSrvHost(this, props.projectId, cluster);
      this.connectionStringByCluster[cluster.name] = awsConnectionString(host, database);
    }

    this.username = props.principal.arn;
    this.resource = new DatabaseUser(this, "User", {
      projectId: props.projectId,
      username: props.principal.arn,
      authDatabaseName: "$external",
      awsIamType: this.awsIamType,
      description: props.description,
      roles: this.grants.map((grant) => ({ ...grant })),
      scopes: [
        ...clusters.map((cluster) => ({ name: cluster.name, type: "CLUSTER" })),
        ...dataLakes.map((name) => ({ name, type: "DATA_LAKE" })),
      ],
      labels: sortedLabels(props.labels),
    });
    this.applyGuardrails(props);
  }

  /**
   * Registers the guardrails on the stack, and records each opt-in this user
   * made as a suppression, so reviewers see it in the output metadata.
   */
  private applyGuardrails(props: AtlasIamUserProps): void {
    applyGuardrails(TerraformStack.of(this));
    if (props.allowPrivilegedRoles === true && this.grants.some((grant) => BUILT_IN_ROLES[grant.roleName]?.privileged === true)) {
      suppressRule(this, "ATLAS-ROLE-PRIVILEGED", "allowPrivilegedRoles is true on this Atlas user");
    }
    if (props.projectWideAccess === true) {
      suppressRule(this, "ATLAS-USER-NO-SCOPES", "projectWideAccess is true on this Atlas user");
    }
    if (props.allowRolePath === true) {
      suppressRule(this, "IAM-ROLE-PATH-ATLAS-USER", "allowRolePath is true on this Atlas user");
    }
  }

  /** Connection strings by cluster name; a copy, in the order the clusters were given. */
  public get connectionStrings(): Record<string, string> {
    return { ...this.connectionStringByCluster };
  }
}

function sortedLabels(labels: Readonly<Record<string, string>> | undefined): { key: string; value: string }[] | undefined {
  if (labels === undefined || Object.keys(labels).length === 0) {
    return undefined;
  }
  return Object.keys(labels).sort().map((key) => ({ key, value: labels[key] }));
}

function validateProject(scope: Construct, projectId: string): void {
  if (!isUnresolved(projectId) && !PROJECT_ID_PATTERN.test(projectId)) {
    throw new ConstructInputError(scope, {
      field: "projectId",
      received: projectId,
      problem: "must be a 24-character hexadecimal Atlas project ID",
      fix: "Copy the ID from the Atlas project settings, not the project name.",
    });
  }
}

function validateScopes(
  scope: Construct,
  clusters: readonly AtlasClusterRef[],
  dataLakes: readonly string[],
  projectWideAccess: boolean,
): void {
  const scoped = clusters.length + dataLakes.length > 0;
  if (projectWideAccess && scoped) {
    throw new ConstructInputError(scope, {
      field: "projectWideAccess",
      received: projectWideAccess,
      problem: "cannot be combined with clusters or dataLakes",
      fix: "Remove projectWideAccess to limit the user to the listed clusters, or remove the lists.",
    });
  }
  if (!projectWideAccess && !scoped) {
    throw new ConstructInputError(scope, {
      field: "clusters",
      received: clusters,
      problem: "must name at least one cluster or data lake",
      fix: "List the clusters the workload uses, or set projectWideAccess to true to reach every cluster of the project.",
    });
  }
  clusters.forEach((cluster, index) => validateClusterRef(scope, cluster, `clusters[${index}]`));
  rejectRepeated(scope, "clusters", clusters.map((cluster) => cluster.name));
  dataLakes.forEach((name, index) => {
    if (!isUnresolved(name) && !DATA_LAKE_PATTERN.test(name)) {
      throw new ConstructInputError(scope, {
        field: `dataLakes[${index}]`,
        received: name,
        problem: "must be 1 to 64 letters, digits, underscores or hyphens",
        fix: "Use the federated database instance name as Atlas shows it.",
      });
    }
  });
  rejectRepeated(scope, "dataLakes", dataLakes);
}

function rejectRepeated(scope: Construct, field: string, names: readonly string[]): void {
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) {
    throw new ConstructInputError(scope, {
      field,
      received: repeated,
      problem: "lists a name twice",
      fix: "Remove the repeated entry.",
    });
  }
}

/**
 * Checks that the connection strings' database is one the grants reach, so
 * the application does not open a database it cannot read. Custom roles and
 * roles granted on admin may reach any database, so they accept any name.
 */
function validateDefaultDatabase(scope: Construct, database: string | undefined, grants: readonly ResolvedGrant[]): void {
  if (database === undefined || isUnresolved(database)) {
    return;
  }
  const reachable = grants.map((grant) => grant.databaseName);
  if (reachable.includes("admin") || reachable.includes(database)) {
    return;
  }
  throw new ConstructInputError(scope, {
    field: "defaultDatabase",
    received: database,
    problem: `is not a database the grants reach (${[...new Set(reachable)].join(", ")})`,
    fix: "Name a granted database, or grant a role on this one.",
  });
}

function validateLabels(scope: Construct, labels: Readonly<Record<string, string>>): void {
  for (const [key, value] of Object.entries(labels)) {
    if (key.length === 0 || key.length > 255 || value.length > 255) {
      throw new ConstructInputError(scope, {
        field: `labels.${key}`,
        received: value,
        problem: "must have a key of 1 to 255 characters and a value of at most 255 characters",
        fix: "Shorten the label.",
      });
    }
  }
}
