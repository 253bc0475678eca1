/**
 * Atlas built-in database roles. Source: MongoDB Atlas docs, "Built-In Roles
 * and Privileges" (mongodb.com/docs/atlas/mongodb-users-roles-and-privileges):
 * atlasAdmin, backup, clusterMonitor, dbAdmin, dbAdminAnyDatabase,
 * enableSharding, read, readWrite, readWriteAnyDatabase, readAnyDatabase.
 * `dbOwner` and other self-managed roles are not on the Atlas list.
 */

/** Every built-in role Atlas accepts for a database user. */
export const ATLAS_BUILT_IN_ROLES = [
  "atlasAdmin",
  "backup",
  "clusterMonitor",
  "dbAdmin",
  "dbAdminAnyDatabase",
  "enableSharding",
  "read",
  "readWrite",
  "readWriteAnyDatabase",
  "readAnyDatabase",
];

/** Cluster-wide roles that exist only in the `admin` database. */
export const ADMIN_ONLY_ROLES = [
  "atlasAdmin",
  "backup",
  "clusterMonitor",
  "dbAdminAnyDatabase",
  "enableSharding",
  "readAnyDatabase",
  "readWriteAnyDatabase",
];

/**
 * Roles that reach the data of every database in the project: the four
 * `*AnyDatabase`/admin roles, and `backup`, which can read every database for
 * mongodump. `clusterMonitor` only reads server metadata, so it is left out.
 */
export const PRIVILEGED_ROLES = ["atlasAdmin", "readWriteAnyDatabase", "readAnyDatabase", "dbAdminAnyDatabase", "backup"];

/**
 * Built-in roles that may be narrowed to one collection.
 * NOTE: taken from the Atlas UI, which offers a collection only for read and
 * readWrite; the Admin API reference does not list the accepted roles.
 */
export const COLLECTION_ROLES = ["read", "readWrite"];

/** True for a role name on the Atlas built-in list (exact case). */
export function isBuiltInRole(name: string): boolean {
  return ATLAS_BUILT_IN_ROLES.includes(name);
}
