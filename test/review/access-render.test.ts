import { buildAccessReport } from "../../review/access/model";
import { StackAnnotation, TerraformJson } from "../../review/access/read-output";
import { renderAccessReport } from "../../review/access/render";
import { PROJECT_ID } from "../helpers/stack";
import { atlasUserBlock, block, memoryStack, roleBlock, trustDocument } from "../fixtures/review/access-output";

const ISSUER = "oidc.eks.eu-west-1.amazonaws.com/id/5C1F8A6E2B9D4C7E";
const HEADER = "| Workload | Kind | IAM role | Who may assume it | Atlas user | Roles | Scopes | Connection string |";

/** Builds a stack with one workload of each kind that the library constructs do not build in these tests. */
function federatedStack(): TerraformJson {
  return {
    "//": { outputs: { prod: { "storefront-web": { "output-connection_string_orders": "storefront_web_connection_string_orders" } } } },
    output: {
      storefront_web_connection_string_orders: { value: "mongodb+srv://orders.x7k2p.mongodb.net/catalog?authSource=%24external&authMechanism=MONGODB-AWS" },
    },
    resource: {
      aws_iam_openid_connect_provider: {
        oidc: block("prod/EksOidcProviders/shop-main/Provider", { url: `https://${ISSUER}` }),
      },
      aws_iam_saml_provider: { corp: block("prod/CorpIdp/Resource", { name: "corp-idp" }) },
      aws_eks_pod_identity_association: {
        events: block("prod/order-events/Associations/a", { cluster_name: "shop-main", namespace: "orders", service_account: "order-events", role_arn: "${aws_iam_role.events.arn}" }),
      },
      aws_iam_user: { bot: block("prod/reporting-bot/User", { name: "reporting-bot" }) },
      aws_iam_role: {
        web: roleBlock("prod/storefront-web/Role", "prod-storefront-web", trustDocument({
          Effect: "Allow",
          Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${ISSUER}` },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: { StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com", [`${ISSUER}:sub`]: "system:serviceaccount:storefront:storefront-web" } },
        })),
        jobs: roleBlock("prod/export-jobs/Role", "prod-export-jobs", trustDocument({
          Effect: "Allow",
          Principal: { Federated: "${aws_iam_openid_connect_provider.oidc.arn}" },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: { StringLike: { [`${ISSUER}:sub`]: "system:serviceaccount:reporting:*" } },
        })),
        events: roleBlock("prod/order-events/Role", "prod-order-events", trustDocument({
          Effect: "Allow", Principal: { Service: "pods.eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"],
        })),
        analysts: roleBlock("prod/analysts/Role", "prod-analysts", trustDocument({
          Effect: "Allow",
          Principal: { Federated: "${aws_iam_saml_provider.corp.arn}" },
          Action: "sts:AssumeRoleWithSAML",
          Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
        })),
        partner: roleBlock("prod/partner-etl/Role", "prod-partner-etl", trustDocument({
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::444455556666:role/etl" },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "sts:ExternalId": "shop-7f3a" } },
        })),
      },
      mongodbatlas_database_user: {
        web: atlasUserBlock("prod/storefront-web/AtlasUser/User", "${aws_iam_role.web.arn}", { roles: [{ role_name: "read", database_name: "catalog" }] }),
        jobs: atlasUserBlock("prod/export-jobs/AtlasUser/User", "${aws_iam_role.jobs.arn}", { scopes: [] }),
        events: atlasUserBlock("prod/order-events/AtlasUser/User", "${aws_iam_role.events.arn}", {
          roles: [{ role_name: "readWrite", database_name: "orders", collection_name: "events" }],
        }),
        analysts: atlasUserBlock("prod/analysts/AtlasUser/User", "${aws_iam_role.analysts.arn}", {
          scopes: [{ name: "analytics", type: "CLUSTER" }, { name: "archive", type: "DATA_LAKE" }],
        }),
        partner: atlasUserBlock("prod/partner-etl/AtlasUser/User", "${aws_iam_role.partner.arn}"),
        bot: atlasUserBlock("prod/reporting-bot/AtlasUser/User", "${aws_iam_user.bot.arn}", { iamType: "USER" }),
      },
    },
  };
}

/** Copies a value with the keys of every object in reverse order. Arrays keep their order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reverseKeys(item)]));
}

function render(terraform: TerraformJson, annotations: StackAnnotation[] = []): string {
  return renderAccessReport(buildAccessReport({ stacks: [memoryStack(terraform, annotations)] }));
}

function rowLine(markdown: string, workload: string): string {
  const line = markdown.split("\n").find((candidate) => candidate.startsWith(`| ${workload} |`));
  if (line === undefined) throw new Error(`no table row for ${workload} in:\n${markdown}`);
  return line;
}

describe("access report Markdown", () => {
  test("report opens with table header", () => {
    const lines = render(federatedStack()).split("\n");

    expect(lines.slice(0, 8)).toEqual([
      "## Database access",
      "",
      "### Stack `prod`",
      "",
      `Atlas project: \`${PROJECT_ID}\``,
      "",
      HEADER,
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]);
  });

  test("rows are sorted by workload", () => {
    const rows = render(federatedStack()).split("\n").filter((line) => line.startsWith("| ") && line !== HEADER && !line.startsWith("| ---"));

    expect(rows.map((line) => line.split(" | ")[0].slice(2))).toEqual(["analysts", "export-jobs", "order-events", "partner-etl", "reporting-bot", "storefront-web"]);
  });

  test("IRSA exact row with connection string", () => {
    expect(rowLine(render(federatedStack()), "storefront-web")).toBe(
      "| storefront-web | EKS IRSA | prod-storefront-web | pods using service account storefront/storefront-web on cluster shop-main " +
        "| ARN of role prod-storefront-web | `read@catalog` | cluster orders " +
        "| `mongodb+srv://orders.x7k2p.mongodb.net/catalog?authSource=%24external&authMechanism=MONGODB-AWS` |",
    );
  });

  test("IRSA wildcard row reaches every cluster", () => {
    expect(rowLine(render(federatedStack()), "export-jobs")).toBe(
      "| export-jobs | EKS IRSA | prod-export-jobs | any service account in namespace reporting on cluster shop-main " +
        "| ARN of role prod-export-jobs | `read@orders` | **every cluster in the project** | — |",
    );
  });

  test("Pod Identity, SAML, chain, user rows", () => {
    const markdown = render(federatedStack());

    expect(rowLine(markdown, "order-events")).toContain("| EKS Pod Identity | prod-order-events | EKS pods via Pod Identity: shop-main orders/order-events |");
    expect(rowLine(markdown, "order-events")).toContain("| `readWrite@orders.events` |");
    expect(rowLine(markdown, "analysts")).toContain(
      "| SAML | prod-analysts | people signing in through SAML provider corp-idp (audience https://signin.aws.amazon.com/saml) |",
    );
    expect(rowLine(markdown, "analysts")).toContain("| cluster analytics<br>data lake archive |");
    expect(rowLine(markdown, "partner-etl")).toContain("| role chain | prod-partner-etl | sessions of role etl (account 444455556666), external ID required |");
    expect(rowLine(markdown, "reporting-bot")).toContain(
      "| IAM user | — | anyone holding access keys or a session of IAM user reporting-bot | ARN of IAM user reporting-bot |",
    );
  });

  test("flags marked, pipes escaped", () => {
    const terraform: TerraformJson = {
      resource: {
        aws_iam_role: {
          app: roleBlock("prod/pipe|app/Role", "prod-app", trustDocument({ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" })),
        },
        mongodbatlas_database_user: {
          app: atlasUserBlock("prod/pipe|app/AtlasUser/User", "${aws_iam_role.app.arn}", { roles: [{ role_name: "read", database_name: "a|b" }] }),
        },
      },
    };

    const line = rowLine(render(terraform), "pipe\\|app");

    expect(line).toBe(
      "| pipe\\|app | ECS | prod-app | ECS tasks in any account that can pass the role " +
        "⚠ no aws:SourceAccount or aws:SourceArn condition, so ECS may assume the role for tasks of other accounts " +
        "| ARN of role prod-app | `read@a\\|b` | cluster orders | — |",
    );
  });

  test("guardrail results in own sections", () => {
    const markdown = render(federatedStack(), [
      { constructPath: "prod/partner-etl/Role", level: "@cdktf/warn", message: "[IAM-ROLE-CHAIN] prod/partner-etl/Role: max_session_duration: is over 1 hour | chained" },
      { constructPath: "prod/export-jobs/Role", level: "@cdktf/info", message: "[OIDC-SUBJECT-WILDCARD] suppressed: the reporting namespace holds only export jobs" },
    ]);

    expect(markdown).toContain(
      "#### Guardrail warnings\n\n" +
        "- `IAM-ROLE-CHAIN` on `partner-etl/Role`: prod/partner-etl/Role: max\\_session\\_duration: is over 1 hour \\| chained\n\n" +
        "#### Suppressions\n\n" +
        "- `OIDC-SUBJECT-WILDCARD` on `export-jobs/Role`: the reporting namespace holds only export jobs\n",
    );
  });

  test("empty sections say none", () => {
    const markdown = render({});

    expect(markdown).toBe(
      "## Database access\n\n### Stack `prod`\n\nNo Atlas database users in this stack.\n\n" +
        "#### Guardrail warnings\n\nnone\n\n#### Suppressions\n\nnone\n",
    );
  });

  test("block order does not matter", () => {
    const reversed = reverseKeys(federatedStack()) as TerraformJson;

    expect(Object.keys(reversed.resource ?? {})[0]).toBe("mongodbatlas_database_user");
    expect(render(reversed)).toBe(render(federatedStack()));
  });
});
