import { IConstruct } from "constructs";
import { ConstructInputError } from "../private/errors";
import { isUnresolved } from "../private/tokens";
import { BUILT_IN_ROLES, builtInRoleLike } from "./built-in-roles";

/**
 * One database role granted to an Atlas user.
 *
 * Give either `role` (a built-in role) or `customRole` (a custom role that
 * exists in the project), never both.
 */
export interface AtlasRoleGrant {
  /**
   * A built-in role, for example `readWrite`.
   *
   * @default - none; `customRole` must be given
   */
  readonly role?: string;
  /**
   * The name of a custom database role of the project. Atlas grants custom roles on `admin`.
   *
   * @default - none; `role` must be given
   */
  readonly customRole?: string;
  /**
   * The database the role applies to. Roles that exist only on `admin`
   * (the `*AnyDatabase` roles, `atlasAdmin`, `clusterMonitor`, `backup`,
   * `enableSharding`) and custom roles must use `admin`.
   *
   * @default "admin" for custom roles and roles that exist only on admin; required otherwise
   */
  readonly database?: string;
  /**
   * Limits `read` or `readWrite` to one collection.
   *
   * @default - every collection of the database
   */
  readonly collection?: string;
}

/** A grant after validation, in the provider's terms. */
export interface ResolvedGrant {
  readonly roleName: string;
  readonly databaseName: string;
  readonly collectionName?: string;
}

/** Database names Atlas rejects: empty, too long, or with characters MongoDB forbids. */
const DATABASE_NAME_PATTERN = /^[^/\\. "$*<>:|?]{1,64}$/;

/**
 * Validates grants and converts them to provider roles.
 *
 * @param allowPrivileged whether roles that reach every database or administer the project are accepted
 */
export function resolveGrants(scope: IConstruct, grants: readonly AtlasRoleGrant[], allowPrivileged: boolean): ResolvedGrant[] {
  if (grants.length === 0) {
    throw new ConstructInputError(scope, {
      field: "grants",
      received: grants,
      problem: "must name at least one role",
      fix: 'Grant the least role the workload needs, for example { role: "readWrite", database: "orders" }.',
    });
  }
  const resolved = grants.map((grant, index) => resolveGrant(scope, grant, `grants[${index}]`, allowPrivileged));
  rejectDuplicates(scope, resolved);
  return resolved;
}

function resolveGrant(scope: IConstruct, grant: AtlasRoleGrant, field: string, allowPrivileged: boolean): ResolvedGrant {
  if ((grant.role === undefined) === (grant.customRole === undefined)) {
    throw new ConstructInputError(scope, {
      field,
      received: grant,
      problem: "must set exactly one of role and customRole",
      fix: "Use role for a built-in role such as readWrite, customRole for a custom role of the project.",
    });
  }
  if (grant.customRole !== undefined) {
    return resolveCustomGrant(scope, grant, grant.customRole, field);
  }
  return resolveBuiltInGrant(scope, grant, grant.role as string, field, allowPrivileged);
}

function resolveCustomGrant(scope: IConstruct, grant: AtlasRoleGrant, name: string, field: string): ResolvedGrant {
  if (!isUnresolved(name) && !/^[\w-]{1,64}$/.test(name)) {
    throw new ConstructInputError(scope, {
      field: `${field}.customRole`,
      received: name,
      problem: "must be 1 to 64 letters, digits, underscores or hyphens",
      fix: "Use the custom role's name exactly as it is defined in the Atlas project.",
    });
  }
  if (grant.database !== undefined && grant.database !== "admin") {
    throw new ConstructInputError(scope, {
      field: `${field}.database`,
      received: grant.database,
      problem: "must be admin for a custom role",
      fix: "Atlas grants custom roles on admin; the role's own actions name the databases. Remove database.",
    });
  }
  if (grant.collection !== undefined) {
    throw new ConstructInputError(scope, {
      field: `${field}.collection`,
      received: grant.collection,
      problem: "is not accepted for a custom role",
      fix: "Limit collections in the custom role's actions instead.",
    });
  }
  return { roleName: name, databaseName: "admin" };
}

function resolveBuiltInGrant(
  scope: IConstruct,
  grant: AtlasRoleGrant,
  name: string,
  field: string,
  allowPrivileged: boolean,
): ResolvedGrant {
  const builtIn = BUILT_IN_ROLES[name];
  if (builtIn === undefined) {
    const like = builtInRoleLike(name);
    throw new ConstructInputError(scope, {
      field: `${field}.role`,
      received: name,
      problem: "is not a built-in Atlas role",
      fix: like !== undefined
        ? `Did you mean ${like}? Role names are case-sensitive.`
        : `Use one of ${Object.keys(BUILT_IN_ROLES).join(", ")}, or customRole for a custom role.`,
    });
  }
  if (builtIn.privileged && !allowPrivileged) {
    throw new ConstructInputError(scope, {
      field: `${field}.role`,
      received: name,
      problem: "is a privileged role that reaches every database or administers the project",
      fix: "Grant read or readWrite on the databases the workload uses, or set allowPrivilegedRoles to true if it really needs this role.",
    });
  }

  const database = grant.database ?? (builtIn.adminOnly ? "admin" : undefined);
  if (database === undefined) {
    throw new ConstructInputError(scope, {
      field: `${field}.database`,
      received: database,
      problem: `is required for ${name}`,
      fix: "Name the database the workload uses.",
    });
  }
  if (builtIn.adminOnly && database !== "admin") {
    throw new ConstructInputError(scope, {
      field: `${field}.database`,
      received: database,
      problem: `must be admin for ${name}, which exists only on admin`,
      fix: `Remove database, or grant a database-level role such as read instead of ${name}.`,
    });
  }
  if (!isUnresolved(database) && !DATABASE_NAME_PATTERN.test(database)) {
    throw new ConstructInputError(scope, {
      field: `${field}.database`,
      received: database,
      problem: 'must be 1 to 64 characters without /\\. "$*<>:|? or spaces',
      fix: "Use the database name as the application writes it.",
    });
  }
  if (grant.collection === undefined) {
    return { roleName: name, databaseName: database };
  }

  if (!builtIn.collectionScoped) {
    throw new ConstructInputError(scope, {
      field: `${field}.collection`,
      received: grant.collection,
      problem: `is not accepted for ${name}`,
      fix: "Only read and readWrite can be limited to a collection. Remove collection.",
    });
  }
  if (!isUnresolved(grant.collection) && !/^(?!system\.)[^$\0]{1,255}$/.test(grant.collection)) {
    throw new ConstructInputError(scope, {
      field: `${field}.collection`,
      received: grant.collection,
      problem: "must be a collection name without $ that does not start with system.",
      fix: "Use the collection name as the application writes it.",
    });
  }
  return { roleName: name, databaseName: database, collectionName: grant.collection };
}

function rejectDuplicates(scope: IConstruct, grants: readonly ResolvedGrant[]): void {
  const seen = new Set<string>();
  grants.forEach((grant, index) => {
    const key = `${grant.roleName}\u0000${grant.databaseName}\u0000${grant.collectionName ?? ""}`;
    if (seen.has(key)) {
      throw new ConstructInputError(scope, {
        field: `grants[${index}]`,
        received: grant,
        problem: "repeats an earlier grant",
        fix: "Remove the duplicate; Atlas would keep showing a diff for it.",
      });
    }
    seen.add(key);
  });
}
