import { TerraformOutput } from "cdktf";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { AtlasIamUser, AtlasIamUserProps, AtlasPrincipal } from "../constructs";
import { PROJECT_ID, newStack, onlyResource, synthesize } from "./helpers/stack";

const ROLE_ARN = "arn:aws:iam::111122223333:role/orders-api";
const ORDERS = { name: "orders", srvHost: "orders.x7k2p.mongodb.net" };

function userProps(overrides: Partial<AtlasIamUserProps> = {}): AtlasIamUserProps {
  return {
    principal: AtlasPrincipal.fromArn(ROLE_ARN),
    projectId: PROJECT_ID,
    grants: [{ role: "readWrite", database: "orders" }],
    clusters: [ORDERS],
    ...overrides,
  };
}

function build(overrides: Partial<AtlasIamUserProps> = {}) {
  const stack = newStack();
  const user = new AtlasIamUser(stack, "User", userProps(overrides));
  return { user, output: synthesize(stack) };
}

describe("AtlasIamUser principal", () => {
  test("keys a role ARN as ROLE on $external", () => {
    const { output } = build();

    const user = onlyResource(output, "mongodbatlas_database_user");
    expect(user.username).toBe(ROLE_ARN);
    expect(user.aws_iam_type).toBe("ROLE");
    expect(user.auth_database_name).toBe("$external");
    expect(user).not.toHaveProperty("password");
  });

  test("keys a user ARN as USER", () => {
    const { output } = build({ principal: AtlasPrincipal.fromArn("arn:aws:iam::111122223333:user/ci-bot") });

    expect(onlyResource(output, "mongodbatlas_database_user").aws_iam_type).toBe("USER");
  });

  test("keys a role of the same app by reference", () => {
    const stack = newStack();
    const role = new IamRole(stack, "Role", { name: "app", assumeRolePolicy: "{}" });
    new AtlasIamUser(stack, "User", userProps({ principal: AtlasPrincipal.fromRole(role) }));

    const user = onlyResource(synthesize(stack), "mongodbatlas_database_user");
    expect(user.username).toBe("${aws_iam_role.Role.arn}");
    expect(user.aws_iam_type).toBe("ROLE");
  });

  test.each([
    ["an assumed-role ARN", "arn:aws:sts::111122223333:assumed-role/orders-api/session", /is an sts assumed-role ARN, not an IAM role or user ARN, got ".*"\. This is a session ARN\. Use the role's ARN/],
    ["an STS federated user", "arn:aws:sts::111122223333:federated-user/alice", /is an sts federated-user ARN/],
    ["an instance profile", "arn:aws:iam::111122223333:instance-profile/web", /is an iam instance-profile ARN.*Use the ARN of the role inside the profile/],
    ["a bare role name", "orders-api", /test\/User: principal is not an IAM role or user ARN, got "orders-api"\. Use the full ARN, arn:aws:iam::123456789012:role\/NAME/],
    ["the account root", "arn:aws:iam::111122223333:root", /is an iam root ARN/],
  ])("rejects %s", (_case, arn, message) => {
    expect(() => build({ principal: AtlasPrincipal.fromArn(arn) })).toThrow(message);
  });

  test("rejects a role path unless allowed", () => {
    const principal = AtlasPrincipal.fromArn("arn:aws:iam::111122223333:role/service/orders-api");

    expect(() => build({ principal })).toThrow(/principal names a role with path \/service\/, got ".*"\. The assumed-role ARN Atlas sees carries the role name only/);
    expect(build({ principal, allowRolePath: true }).user.awsIamType).toBe("ROLE");
  });

  test("rejects a user ARN given as a role", () => {
    const principal = AtlasPrincipal.fromRoleArn("arn:aws:iam::111122223333:user/ci-bot");

    expect(() => build({ principal })).toThrow(/is a user ARN but was given as a role/);
  });

  test("rejects a reference whose type is unknown", () => {
    const stack = newStack();
    const role = new IamRole(stack, "Role", { name: "app", assumeRolePolicy: "{}" });

    expect(() => new AtlasIamUser(stack, "User", userProps({ principal: AtlasPrincipal.fromArn(role.arn) })))
      .toThrow(/principal is a reference, so its IAM type cannot be read from it.*Use AtlasPrincipal.fromRole/);
  });
});

describe("AtlasIamUser grants", () => {
  test("writes built-in roles with database and collection", () => {
    const { output } = build({ grants: [{ role: "read", database: "orders", collection: "receipts" }, { role: "readWrite", database: "reporting" }] });

    expect(onlyResource(output, "mongodbatlas_database_user").roles).toEqual([
      { role_name: "read", database_name: "orders", collection_name: "receipts" },
      { role_name: "readWrite", database_name: "reporting" },
    ]);
  });

  test("grants a custom role on admin", () => {
    const { output } = build({ grants: [{ customRole: "orders-reader" }] });

    expect(onlyResource(output, "mongodbatlas_database_user").roles).toEqual([{ role_name: "orders-reader", database_name: "admin" }]);
  });

  test("rejects a custom role on another database", () => {
    expect(() => build({ grants: [{ customRole: "orders-reader", database: "orders" }] }))
      .toThrow(/grants\[0\]\.database must be admin for a custom role, got "orders"/);
  });

  test("suggests the right case for a misspelled role", () => {
    expect(() => build({ grants: [{ role: "readwrite", database: "orders" }] }))
      .toThrow(/grants\[0\]\.role is not a built-in Atlas role, got "readwrite"\. Did you mean readWrite\?/);
  });

  test("rejects a privileged role unless allowed", () => {
    const grants = [{ role: "readWriteAnyDatabase" }];

    expect(() => build({ grants })).toThrow(/grants\[0\]\.role is a privileged role.*set allowPrivilegedRoles to true/);
    expect(build({ grants, allowPrivilegedRoles: true }).user.grants).toEqual([{ roleName: "readWriteAnyDatabase", databaseName: "admin" }]);
  });

  test("rejects an admin-only role on another database", () => {
    expect(() => build({ grants: [{ role: "clusterMonitor", database: "orders" }] }))
      .toThrow(/grants\[0\]\.database must be admin for clusterMonitor/);
  });

  test("rejects a collection on a role that cannot take one", () => {
    expect(() => build({ grants: [{ role: "dbAdmin", database: "orders", collection: "receipts" }] }))
      .toThrow(/grants\[0\]\.collection is not accepted for dbAdmin/);
  });

  test("rejects a database name MongoDB forbids", () => {
    expect(() => build({ grants: [{ role: "read", database: "orders.v2" }] })).toThrow(/grants\[0\]\.database must be 1 to 64 characters/);
  });

  test("rejects a repeated grant", () => {
    const grant = { role: "read", database: "orders" };

    expect(() => build({ grants: [grant, grant] })).toThrow(/grants\[1\] repeats an earlier grant/);
  });

  test("rejects an empty grant list", () => {
    expect(() => build({ grants: [] })).toThrow(/grants must name at least one role, got \[\]/);
  });
});

describe("AtlasIamUser scopes", () => {
  test("limits the user to the listed clusters and data lakes", () => {
    const { output } = build({ dataLakes: ["archive"] });

    expect(onlyResource(output, "mongodbatlas_database_user").scopes).toEqual([
      { name: "orders", type: "CLUSTER" },
      { name: "archive", type: "DATA_LAKE" },
    ]);
  });

  test("requires a scope unless project-wide access is chosen", () => {
    expect(() => build({ clusters: [] })).toThrow(/clusters must name at least one cluster or data lake.*set projectWideAccess to true/);
    expect(onlyResource(build({ clusters: [], projectWideAccess: true }).output, "mongodbatlas_database_user").scopes).toEqual([]);
  });

  test("rejects project-wide access combined with clusters", () => {
    expect(() => build({ projectWideAccess: true })).toThrow(/projectWideAccess cannot be combined with clusters or dataLakes/);
  });

  test("rejects a host with a scheme", () => {
    expect(() => build({ clusters: [{ name: "orders", srvHost: "mongodb+srv://orders.x7k2p.mongodb.net" }] }))
      .toThrow(/clusters\[0\]\.srvHost must be a lowercase host name without scheme/);
  });

  test("rejects a cluster listed twice", () => {
    expect(() => build({ clusters: [ORDERS, ORDERS] })).toThrow(/clusters lists a name twice, got "orders"/);
  });

  test("rejects a project name in place of the project ID", () => {
    expect(() => build({ projectId: "shop-prod" })).toThrow(/projectId must be a 24-character hexadecimal Atlas project ID, got "shop-prod"/);
  });
});

describe("AtlasIamUser connection strings", () => {
  test("builds a literal string from a known host", () => {
    const { user } = build();

    expect(user.connectionStrings).toEqual({
      orders: "mongodb+srv://orders.x7k2p.mongodb.net/orders?authSource=%24external&authMechanism=MONGODB-AWS",
    });
  });

  test("rejects a default database no grant reaches", () => {
    expect(() => build({ defaultDatabase: "billing" })).toThrow(/defaultDatabase is not a database the grants reach \(orders\), got "billing"/);
  });

  test("uses the default database when given", () => {
    const { user } = build({ grants: [{ role: "read", database: "orders" }, { role: "read", database: "reporting" }], defaultDatabase: "reporting" });

    expect(user.connectionStrings.orders).toContain(".mongodb.net/reporting?");
  });

  test("reads an unknown host from the cluster data source", () => {
    const stack = newStack();
    const user = new AtlasIamUser(stack, "User", userProps({ clusters: [{ name: "orders" }] }));
    new AtlasIamUser(stack, "Other", userProps({ clusters: [{ name: "orders" }], principal: AtlasPrincipal.fromArn("arn:aws:iam::111122223333:role/other") }));
    new TerraformOutput(stack, "uri", { value: user.connectionStrings.orders });
    const output = synthesize(stack);

    const lookups = Object.values(output.data?.mongodbatlas_advanced_cluster ?? {});
    expect(lookups).toHaveLength(1);
    expect(lookups[0]).toMatchObject({ name: "orders", project_id: PROJECT_ID });
    expect(output.output?.uri.value).toMatch(
      /^mongodb\+srv:\/\/\$\{replace\(data\.mongodbatlas_advanced_cluster\.\S+\.connection_strings\[0\]\.standard_srv, "mongodb\+srv:\/\/", ""\)\}\/orders\?authSource=%24external&authMechanism=MONGODB-AWS$/,
    );
  });

  test("writes labels sorted by key", () => {
    const { output } = build({ labels: { team: "payments", app: "checkout" } });

    expect(onlyResource(output, "mongodbatlas_database_user").labels).toEqual([
      { key: "app", value: "checkout" },
      { key: "team", value: "payments" },
    ]);
  });
});
