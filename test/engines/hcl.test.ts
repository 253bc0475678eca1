import { spawnSync } from "node:child_process";
import { parseHcl, renderTemplateString, stackToHcl, type JsonObject } from "../support/hcl";
import { terraformAvailable } from "../support/terraform-eval";

const ISSUER = '${replace(aws_iam_openid_connect_provider.oidc.url, "https://", "")}';

/** An IRSA trust policy as `JSON.parse` returns it from cdk.tf.json. */
const ASSUME_ROLE_POLICY =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRoleWithWebIdentity",' +
  '"Principal":{"Federated":"${aws_iam_openid_connect_provider.oidc.arn}"},' +
  `"Condition":{"StringEquals":{"${ISSUER}:sub":"system:serviceaccount:orders:api","${ISSUER}:aud":"sts.amazonaws.com"}}}]}`;

/** A hand-written stack in the shape cdktf synthesizes. */
const STACK: JsonObject = {
  "//": { metadata: { backend: "local", stackName: "orders" } },
  terraform: {
    required_providers: {
      aws: { source: "aws", version: "6.25.0" },
      mongodbatlas: { source: "mongodb/mongodbatlas", version: "1.41.0" },
    },
    backend: { local: { path: "terraform.orders.tfstate" } },
  },
  provider: { aws: [{ region: "us-east-1" }], mongodbatlas: [{}] },
  resource: {
    aws_iam_openid_connect_provider: {
      oidc: {
        "//": { metadata: { path: "orders/oidc" } },
        url: "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
        client_id_list: ["sts.amazonaws.com"],
      },
    },
    aws_iam_role: {
      app: {
        name: "orders-api",
        assume_role_policy: ASSUME_ROLE_POLICY,
        tags: { "app.kubernetes.io/name": "orders", team: "payments" },
      },
    },
    mongodbatlas_database_user: {
      app: {
        project_id: "64b0c0ffee0000000000beef",
        auth_database_name: "$external",
        aws_iam_type: "ROLE",
        username: "${aws_iam_role.app.arn}",
        roles: [{ role_name: "readWrite", database_name: "orders" }],
        scopes: [{ name: "cluster0", type: "CLUSTER" }],
      },
    },
  },
};

/** Removes JSON comment properties, which the converter drops on purpose. */
function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutComments);
  }
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "//")
        .map(([key, item]) => [key, withoutComments(item)]),
    );
  }
  return value;
}

describe("stackToHcl round trip", () => {
  let hcl: string;
  let parsed: JsonObject;

  beforeAll(async () => {
    hcl = await stackToHcl(STACK);
    parsed = await parseHcl(hcl);
  });

  it("round-trips every resource attribute", () => {
    const resources = STACK.resource as Record<string, Record<string, JsonObject>>;
    const parsedResources = parsed.resource as Record<string, Record<string, JsonObject[]>>;

    for (const [type, byName] of Object.entries(resources)) {
      expect(Object.keys(parsedResources[type])).toEqual(Object.keys(byName));
      for (const [name, body] of Object.entries(byName)) {
        expect(parsedResources[type][name]).toEqual([withoutComments(body)]);
      }
    }
  });

  it("keeps the trust policy string byte for byte", () => {
    const parsedRole = (parsed.resource as Record<string, Record<string, JsonObject[]>>).aws_iam_role.app[0];

    expect(parsedRole.assume_role_policy).toBe(ASSUME_ROLE_POLICY);
  });

  it("writes $external without an escape", () => {
    expect(hcl).toContain('auth_database_name = "$external"');
  });

  it("escapes quotes only outside interpolations", () => {
    expect(hcl).toContain(`\\"Federated\\":\\"\${aws_iam_openid_connect_provider.oidc.arn}\\"`);
    expect(hcl).toContain(`\\"${ISSUER}:sub\\"`);
  });

  it("writes providers and terraform settings as blocks", () => {
    expect(parsed.provider).toEqual({ aws: [{ region: "us-east-1" }], mongodbatlas: [{}] });
    expect(parsed.terraform).toEqual([
      {
        backend: { local: [{ path: "terraform.orders.tfstate" }] },
        required_providers: [withoutComments((STACK.terraform as JsonObject).required_providers)],
      },
    ]);
  });

  it("drops JSON comment properties", () => {
    expect(hcl).not.toContain("metadata");
    expect(parsed["//"]).toBeUndefined();
  });
});

describe("stackToHcl strings", () => {
  /** Converts one attribute value and returns what hcl2json reads back. */
  async function roundTrip(value: unknown): Promise<unknown> {
    const stack = { resource: { terraform_data: { probe: { input: value } } } };
    const parsed = await parseHcl(await stackToHcl(stack));
    return (parsed.resource as Record<string, Record<string, JsonObject[]>>).terraform_data.probe[0].input;
  }

  it("round-trips escaped template sequences", async () => {
    expect(await roundTrip("arn:aws:s3:::bucket/$${aws:username}/%%{x}")).toBe("arn:aws:s3:::bucket/$${aws:username}/%%{x}");
  });

  it("round-trips quotes, backslashes and control characters", async () => {
    const text = 'line1\nline2\t"quoted" back\\slash \u0001 done';

    expect(await roundTrip(text)).toBe(text);
  });

  it("keeps directives with canonical spacing", async () => {
    const template = '%{ for s in ["a", "b"] }${ s }%{ endfor }';
    const canonical = '%{for s in ["a", "b"]}${s}%{endfor}';

    expect(await stackToHcl({ locals: { joined: template } })).toContain(`joined = "${canonical}"`);
    expect(await roundTrip(template)).toBe(canonical);
  });

  it("round-trips object keys that are not identifiers", async () => {
    const value = { "a:b": 1, "${var.key}": "x", true: false, "with space": null, plain: [1, "2"] };

    expect(await roundTrip(value)).toEqual(value);
  });
});

describe("stackToHcl meta-arguments", () => {
  it("writes references in depends_on and lifecycle as expressions", async () => {
    const stack = {
      resource: {
        aws_iam_role: {
          app: {
            name: "orders-api",
            depends_on: ["aws_iam_openid_connect_provider.oidc"],
            provider: "aws.west",
            lifecycle: { ignore_changes: ["tags"], create_before_destroy: true },
          },
        },
      },
    };

    const hcl = await stackToHcl(stack);
    const parsed = await parseHcl(hcl);

    expect(hcl).toMatch(/depends_on\s+= \[aws_iam_openid_connect_provider\.oidc\]/);
    expect(hcl).toMatch(/provider\s+= aws\.west/);
    expect((parsed.resource as Record<string, Record<string, JsonObject[]>>).aws_iam_role.app[0]).toEqual({
      name: "orders-api",
      depends_on: ["${aws_iam_openid_connect_provider.oidc}"],
      provider: "${aws.west}",
      lifecycle: [{ ignore_changes: ["${tags}"], create_before_destroy: true }],
    });
  });

  it("writes variables, locals, outputs and modules", async () => {
    const stack = {
      variable: { env: { type: "string", default: "dev" } },
      locals: { prefix: "orders-${var.env}" },
      output: { role_arn: { value: "${aws_iam_role.app.arn}", sensitive: false } },
      module: { network: { source: "./network", providers: { aws: "aws.west" }, cidr: "10.0.0.0/16" } },
    };

    const parsed = await parseHcl(await stackToHcl(stack));

    expect(parsed.variable).toEqual({ env: [{ type: "${string}", default: "dev" }] });
    expect(parsed.locals).toEqual([{ prefix: "orders-${var.env}" }]);
    expect(parsed.output).toEqual({ role_arn: [{ value: "${aws_iam_role.app.arn}", sensitive: false }] });
    expect(parsed.module).toEqual({
      network: [{ source: "./network", providers: { aws: "${aws.west}" }, cidr: "10.0.0.0/16" }],
    });
  });

  it("writes moved and import blocks with bare addresses", async () => {
    const stack = {
      moved: [{ from: "aws_iam_role.old", to: "aws_iam_role.app" }],
      import: [{ id: "orders-api", to: "aws_iam_role.app" }],
    };

    const hcl = await stackToHcl(stack);

    expect(hcl).toMatch(/moved \{\n\s+from = aws_iam_role\.old\n\s+to\s+= aws_iam_role\.app\n\}/);
    expect(hcl).toMatch(/import \{\n\s+id = "orders-api"\n\s+to = aws_iam_role\.app\n\}/);
    expect(await parseHcl(hcl)).toEqual({
      moved: [{ from: "${aws_iam_role.old}", to: "${aws_iam_role.app}" }],
      import: [{ id: "orders-api", to: "${aws_iam_role.app}" }],
    });
  });

  it("writes lists of objects in resources and providers as nested blocks", async () => {
    const stack = {
      provider: { aws: [{ region: "eu-west-1", default_tags: [{ tags: { team: "payments" } }] }] },
      resource: { mongodbatlas_database_user: { app: { roles: [{ role_name: "read" }, { role_name: "readWrite" }] } } },
    };

    const hcl = await stackToHcl(stack);

    expect(hcl).toMatch(/default_tags \{\n\s+tags = \{\n\s+team = "payments"/);
    expect(hcl.match(/^ {2}roles \{$/gm)).toHaveLength(2);
    expect((await parseHcl(hcl)).resource).toEqual({
      mongodbatlas_database_user: { app: [{ roles: [{ role_name: "read" }, { role_name: "readWrite" }] }] },
    });
  });

  it("writes an interpolation-only string as the bare expression", async () => {
    const hcl = await stackToHcl({ output: { arn: { value: "${aws_iam_role.app.arn}" }, text: { value: "x-${var.a}" } } });

    expect(hcl).toContain("value = aws_iam_role.app.arn");
    expect(hcl).toContain('value = "x-${var.a}"');
  });

  it("writes the workspaces of a cloud backend as a block", async () => {
    const hcl = await stackToHcl({ terraform: { cloud: { organization: "shop", workspaces: { name: "prod" } } } });

    expect(hcl).toMatch(/workspaces \{\n\s+name = "prod"/);
  });

  it("rejects provisioners", async () => {
    const stack = { resource: { terraform_data: { x: { provisioner: [{ "local-exec": { command: "true" } }] } } } };

    await expect(stackToHcl(stack)).rejects.toThrow('Unsupported "provisioner" at resource.terraform_data.x');
  });

  it("rejects an unknown top-level key", async () => {
    await expect(stackToHcl({ removed: [{ from: "a.b" }] })).rejects.toThrow(
      'Unsupported top-level key "removed" in stack JSON',
    );
  });
});

describe("renderTemplateString", () => {
  it("escapes literals and keeps interpolations verbatim", () => {
    expect(renderTemplateString('a"b ${f("x")} $external')).toBe('"a\\"b ${f("x")} $external"');
  });
});

if (!terraformAvailable()) {
  console.warn("Skipping the terraform fmt check: no working `terraform` CLI on PATH.");
}
const itWithTerraform = terraformAvailable() ? it : it.skip;

describe("stackToHcl output syntax", () => {
  itWithTerraform("is accepted by terraform fmt", async () => {
    const hcl = await stackToHcl(STACK);

    // `terraform fmt -` parses stdin with Terraform's own HCL parser and needs no providers.
    const result = spawnSync("terraform", ["fmt", "-"], {
      input: hcl,
      encoding: "utf8",
      env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: "/dev/null" },
    });

    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    // fmt would unwrap an interpolation-only string ("${x}" becomes x), but the writer already does.
    expect(result.stdout).toBe(hcl);
  });
});
