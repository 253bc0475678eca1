/**
 * Comparison of the `roles` and `scopes` blocks of a `mongodbatlas_database_user`
 * before and after a change. In Atlas, a user without scopes can reach every
 * cluster and data lake of its project, and a role without `collection_name`
 * covers every collection of its database.
 */
import { isMarked } from "./markers";
import type { AtlasRole, AtlasScope, AtlasUserFinding } from "./model";

/**
 * Lists how the access of an Atlas database user changes. `afterUnknown` is the
 * `after_unknown` object of the change. When `roles` or `scopes` is unknown as a
 * whole, that attribute is reported as known only after apply instead of compared.
 */
export function diffAtlasUser(before: Record<string, unknown>, after: Record<string, unknown>, afterUnknown: unknown): AtlasUserFinding[] {
  const findings: AtlasUserFinding[] = [];

  if (isMarked(afterUnknown, "roles")) {
    findings.push({ topic: "atlas-user", kind: "unknown-after-apply", severity: "attention", attribute: "roles" });
  } else {
    findings.push(...diffRoles(readRoles(before.roles), readRoles(after.roles)));
  }

  if (isMarked(afterUnknown, "scopes")) {
    findings.push({ topic: "atlas-user", kind: "unknown-after-apply", severity: "attention", attribute: "scopes" });
  } else {
    findings.push(...diffScopes(readScopes(before.scopes), readScopes(after.scopes)));
  }
  return findings;
}

function diffRoles(oldRoles: AtlasRole[], newRoles: AtlasRole[]): AtlasUserFinding[] {
  const added = newRoles.filter((role) => !oldRoles.some((candidate) => sameRole(candidate, role)));
  const removed = oldRoles.filter((role) => !newRoles.some((candidate) => sameRole(candidate, role)));
  const paired = new Set<AtlasRole>();
  const findings: AtlasUserFinding[] = [];

  // A role that only gains or loses its collection_name is reported as one
  // restriction change, not as a removed role plus an added role.
  for (const role of added) {
    const counterpart = removed.find(
      (old) =>
        !paired.has(old) && sameRoleOnDatabase(old, role) && (old.collectionName === undefined) !== (role.collectionName === undefined)
    );
    if (counterpart === undefined) continue;
    paired.add(role);
    paired.add(counterpart);
    if (counterpart.collectionName !== undefined) {
      findings.push({
        topic: "atlas-user",
        kind: "collection-restriction-removed",
        severity: "attention",
        role,
        collectionName: counterpart.collectionName,
      });
    } else {
      findings.push({ topic: "atlas-user", kind: "collection-restriction-added", severity: "info", role });
    }
  }

  for (const role of added) {
    if (!paired.has(role)) findings.push({ topic: "atlas-user", kind: "role-added", severity: "attention", role });
  }
  for (const role of removed) {
    if (!paired.has(role)) findings.push({ topic: "atlas-user", kind: "role-removed", severity: "info", role });
  }
  return findings;
}

function diffScopes(oldScopes: AtlasScope[], newScopes: AtlasScope[]): AtlasUserFinding[] {
  if (oldScopes.length > 0 && newScopes.length === 0) {
    return [{ topic: "atlas-user", kind: "all-scopes-removed", severity: "attention", removed: oldScopes }];
  }
  if (oldScopes.length === 0 && newScopes.length > 0) {
    return [{ topic: "atlas-user", kind: "scopes-added-to-unscoped", severity: "info", scopes: newScopes }];
  }

  const findings: AtlasUserFinding[] = [];
  for (const scope of newScopes) {
    if (oldScopes.some((candidate) => sameScope(candidate, scope))) continue;
    findings.push({ topic: "atlas-user", kind: "scope-added", severity: "attention", scope });
  }
  for (const scope of oldScopes) {
    if (newScopes.some((candidate) => sameScope(candidate, scope))) continue;
    findings.push({ topic: "atlas-user", kind: "scope-removed", severity: "info", scope });
  }
  return findings;
}

/** Reads the `roles` block list as the plan JSON stores it: an array of objects with snake_case keys. */
export function readRoles(value: unknown): AtlasRole[] {
  if (!Array.isArray(value)) return [];
  const roles: AtlasRole[] = [];
  for (const item of value) {
    if (typeof item !== "object" || item === null) continue;
    const record = item as Record<string, unknown>;
    const role: AtlasRole = { roleName: textOf(record.role_name), databaseName: textOf(record.database_name) };
    const collection = record.collection_name;
    if (typeof collection === "string" && collection !== "") role.collectionName = collection;
    roles.push(role);
  }
  return roles;
}

/** Reads the `scopes` block list as the plan JSON stores it. */
export function readScopes(value: unknown): AtlasScope[] {
  if (!Array.isArray(value)) return [];
  const scopes: AtlasScope[] = [];
  for (const item of value) {
    if (typeof item !== "object" || item === null) continue;
    const record = item as Record<string, unknown>;
    scopes.push({ name: textOf(record.name), type: textOf(record.type) });
  }
  return scopes;
}

// NOTE: a role field that is unknown only until apply arrives as null and reads as
// an empty string here, so it compares as a different role.
function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function sameRole(left: AtlasRole, right: AtlasRole): boolean {
  return sameRoleOnDatabase(left, right) && left.collectionName === right.collectionName;
}

function sameRoleOnDatabase(left: AtlasRole, right: AtlasRole): boolean {
  return left.roleName === right.roleName && left.databaseName === right.databaseName;
}

function sameScope(left: AtlasScope, right: AtlasScope): boolean {
  return left.name === right.name && left.type === right.type;
}
