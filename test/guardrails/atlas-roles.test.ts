import { atlasRoleAdminDb } from "../../constructs/guardrails/rules/atlas/role-admin-db";
import { atlasCustomRoleOrder } from "../../constructs/guardrails/rules/atlas/custom-role-order";
import { atlasRolePrivileged } from "../../constructs/guardrails/rules/atlas/role-privileged";
import { atlasRoleCollection } from "../../constructs/guardrails/rules/atlas/role-collection";
import { atlasRoleEmptyField } from "../../constructs/guardrails/rules/atlas/role-empty-field";
import { atlasUserNoRoles } from "../../constructs/guardrails/rules/atlas/user-no-roles";
import { atlasUser, check, messages, res } from "./fixture";

const roles = (...r: Record<string, unknown>[]) => atlasUser("u", { roles: r });

describe("ATLAS-ROLE-ADMIN-DB", () => {
  it("accepts readAnyDatabase on admin and readWrite on an app database", () => {
    const u = roles({ role_name: "readAnyDatabase", database_name: "admin" }, { role_name: "readWrite", database_name: "orders" });
    expect(messages(atlasRoleAdminDb, [u])).toEqual([]);
  });
  it("rejects clusterMonitor on an app database", () => {
    const [f] = check(atlasRoleAdminDb, [roles({ role_name: "clusterMonitor", database_name: "orders" })]);
    expect(f).toMatchObject({ field: "roles[0].database_name", message: "role clusterMonitor must be granted on the admin database" });
  });
  it("rejects a custom role on an app database", () => {
    expect(messages(atlasRoleAdminDb, [roles({ role_name: "ordersReader", database_name: "orders" })])).toEqual([
      "role ordersReader must be granted on the admin database",
    ]);
  });
  it("rejects a referenced custom role on an app database", () => {
    const u = roles({ role_name: "${mongodbatlas_custom_db_role.r.role_name}", database_name: "orders" });
    expect(messages(atlasRoleAdminDb, [u])).toEqual(["custom role must be granted on the admin database"]);
  });
});

describe("ATLAS-CUSTOM-ROLE-ORDER", () => {
  const custom = res("mongodbatlas_custom_db_role", "r", { project_id: "p1", role_name: "ordersReader" });
  it("accepts a user that references the custom role", () => {
    const u = roles({ role_name: "${mongodbatlas_custom_db_role.r.role_name}", database_name: "admin" });
    expect(messages(atlasCustomRoleOrder, [custom, u])).toEqual([]);
  });
  it("accepts a user that depends on the custom role", () => {
    const u = atlasUser("u", { roles: [{ role_name: "ordersReader", database_name: "admin" }], depends_on: ["mongodbatlas_custom_db_role.r"] });
    expect(messages(atlasCustomRoleOrder, [custom, u])).toEqual([]);
  });
  it("rejects a literal role name without an edge to the custom role", () => {
    const [f] = check(atlasCustomRoleOrder, [custom, roles({ role_name: "ordersReader", database_name: "admin" })]);
    expect(f.message).toBe(
      "custom role ordersReader is created by mongodbatlas_custom_db_role.r in the same apply, but the user neither references nor depends on it",
    );
  });
});

describe("ATLAS-ROLE-PRIVILEGED", () => {
  it("accepts readWrite on one database", () => {
    expect(messages(atlasRolePrivileged, [atlasUser("u")])).toEqual([]);
  });
  it("rejects readWriteAnyDatabase without an opt-in", () => {
    expect(messages(atlasRolePrivileged, [roles({ role_name: "readWriteAnyDatabase", database_name: "admin" })])).toEqual([
      "readWriteAnyDatabase gives access to every database in the project and needs an explicit opt-in",
    ]);
  });
  it("treats clusterMonitor as not privileged", () => {
    expect(messages(atlasRolePrivileged, [roles({ role_name: "clusterMonitor", database_name: "admin" })])).toEqual([]);
  });
});

describe("ATLAS-ROLE-COLLECTION", () => {
  it("accepts collection_name on read", () => {
    expect(messages(atlasRoleCollection, [roles({ role_name: "read", database_name: "orders", collection_name: "items" })])).toEqual([]);
  });
  it("rejects collection_name on dbAdmin", () => {
    expect(messages(atlasRoleCollection, [roles({ role_name: "dbAdmin", database_name: "orders", collection_name: "items" })])).toEqual([
      "role dbAdmin does not accept collection_name",
    ]);
  });
});

describe("ATLAS-ROLE-EMPTY-FIELD", () => {
  it("accepts named roles and databases", () => {
    expect(messages(atlasRoleEmptyField, [atlasUser("u")])).toEqual([]);
  });
  it("rejects an empty database_name", () => {
    const [f] = check(atlasRoleEmptyField, [roles({ role_name: "read", database_name: " " })]);
    expect(f).toMatchObject({ field: "roles[0].database_name", message: "database_name is empty", received: '" "' });
  });
});

describe("ATLAS-USER-NO-ROLES", () => {
  it("accepts a user with a role", () => {
    expect(messages(atlasUserNoRoles, [atlasUser("u")])).toEqual([]);
  });
  it("rejects a user with an empty roles list", () => {
    expect(messages(atlasUserNoRoles, [atlasUser("u", { roles: [] })])).toEqual(["the user has no roles"]);
  });
});
