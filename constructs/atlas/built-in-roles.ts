/**
 * The built-in database roles that Atlas grants to database users.
 *
 * Source: the Atlas Admin API's database user `roles.roleName` values and the
 * Atlas documentation page "Built-in Roles and Privileges".
 */

/** The constraints Atlas applies to one built-in role. */
export interface BuiltInRole {
  /** The role exists only on the `admin` database. */
  readonly adminOnly: boolean;
  /** The role can be limited to one collection. */
  readonly collectionScoped: boolean;
  /** The role reads or writes every database, or administers the project. */
  readonly privileged: boolean;
}

/** The built-in roles by name, as Atlas spells them. */
export const BUILT_IN_ROLES: Readonly<Record<string, BuiltInRole>> = {
  atlasAdmin: { adminOnly: true, collectionScoped: false, privileged: true },
  readWriteAnyDatabase: { adminOnly: true, collectionScoped: false, privileged: true },
  readAnyDatabase: { adminOnly: true, collectionScoped: false, privileged: true },
  dbAdminAnyDatabase: { adminOnly: true, collectionScoped: false, privileged: true },
  clusterMonitor: { adminOnly: true, collectionScoped: false, privileged: false },
  // backup can read every database, so it counts as privileged.
  backup: { adminOnly: true, collectionScoped: false, privileged: true },
  enableSharding: { adminOnly: true, collectionScoped: false, privileged: false },
  dbAdmin: { adminOnly: false, collectionScoped: false, privileged: false },
  readWrite: { adminOnly: false, collectionScoped: true, privileged: false },
  read: { adminOnly: false, collectionScoped: true, privileged: false },
};

/** Finds a built-in role whose name differs from `name` only in case, for a "did you mean" hint. */
export function builtInRoleLike(name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(BUILT_IN_ROLES).find((role) => role.toLowerCase() === lower);
}
