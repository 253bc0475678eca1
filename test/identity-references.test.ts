import { loadConfig } from "../app/config/load";
import { ConfigError } from "../app/config/problems";
import { writeConfig } from "./helpers/config";

const ACCOUNT = "111122223333";
const OTHER_ACCOUNT = "444455556666";
const ACCESS = { grants: [{ role: "read", database: "orders" }], clusters: ["orders"] };
const ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/5C1F8A6E2B9D4C7E8F0A1B2C3D4E5F60";

type Raw = Record<string, unknown>;

/** Builds an environment in eu-west-1 of the given name and account; undefined leaves the account out. */
function environment(name: string, accountId: string | undefined, extra: Raw = {}): Raw {
  return {
    name,
    aws: { region: "eu-west-1", ...(accountId === undefined ? {} : { accountId }) },
    atlas: { projectId: "65f1c0ffee0ddba11cafe001", clusters: [{ name: "orders", srvHost: "orders.x7k2p.mongodb.net" }] },
    ...extra,
  };
}

/** Builds a workload of the given kind and name with read access; `extra` adds its kind's fields. */
function workload(kind: string, name: string, extra: Raw = {}): Raw {
  return { kind, name, access: ACCESS, ...extra };
}

/** Loads a config and returns its problem lines without the file name; [] when it loads. */
function problems(environments: Raw[], workloads: Raw[]): string[] {
  const file = writeConfig({ environments, workloads });
  try {
    loadConfig(file);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.message.split("\n").map((line) => line.slice(file.length + 2));
    }
    throw error;
  }
  return [];
}

describe("IAM names created twice", () => {
  test("rejects a roleName equal to the derived name of another workload", () => {
    expect(problems([environment("dev", ACCOUNT)], [workload("lambda", "bb"), workload("ecs", "cc", { roleName: "dev-bb" })])).toEqual([
      "workloads[1].roleName: makes role dev-bb in environment dev, the name that workloads[0] (bb) creates too. IAM names are unique in an account, ignoring case, " +
        "so the second create fails with EntityAlreadyExists. Choose another roleName, or remove it to derive the name from the workload name (got \"dev-bb\")",
    ]);
  });

  test("compares role names ignoring case", () => {
    expect(problems([environment("dev", undefined)], [workload("ecs", "cc", { roleName: "Dev-BB" }), workload("lambda", "bb")])).toEqual([
      expect.stringMatching(/^workloads\[0\]\.roleName: makes role Dev-BB in environment dev, the name that workloads\[1\] \(bb\) creates too\. /),
    ]);
  });

  test("names the instance profile of an ec2 workload", () => {
    expect(problems([environment("dev", ACCOUNT)], [workload("ec2", "web", { roleName: "shared" }), workload("lambda", "job", { roleName: "shared" })])).toEqual([
      expect.stringMatching(/^workloads\[1\]\.roleName: makes role shared in environment dev, the name that workloads\[0\] \(web\) creates too\. /),
    ]);
    expect(problems([environment("dev", ACCOUNT)], [workload("lambda", "job", { roleName: "shared" }), workload("ec2", "web", { roleName: "shared" })])).toEqual([
      expect.stringMatching(/^workloads\[1\]\.roleName: makes role and instance profile shared in environment dev, /),
    ]);
  });

  test("derives the name of a renamed workload from its old name", () => {
    expect(problems([environment("dev", ACCOUNT)], [workload("lambda", "new-bb", { renamedFrom: "bb" }), workload("ecs", "cc", { roleName: "dev-bb" })])).toEqual([
      expect.stringMatching(/^workloads\[1\]\.roleName: makes role dev-bb in environment dev, the name that workloads\[0\] \(new-bb\) creates too\. /),
    ]);
  });

  test("rejects a user name equal to the derived name of another user", () => {
    expect(problems([environment("dev", ACCOUNT)], [workload("iam-user", "ci"), workload("iam-user", "build", { userName: "DEV-CI" })])).toEqual([
      expect.stringMatching(/^workloads\[1\]\.userName: makes user DEV-CI in environment dev, the name that workloads\[0\] \(ci\) creates too\. .*Choose another userName, /),
    ]);
  });

  test("accepts a role and a user of the same name", () => {
    expect(problems([environment("dev", ACCOUNT)], [workload("iam-user", "ci"), workload("lambda", "job", { roleName: "dev-ci" })])).toEqual([]);
  });
});

describe("IAM names shared by environments of one account", () => {
  test("rejects a roleName that two environments of one account create", () => {
    expect(problems([environment("dev", ACCOUNT), environment("prod", ACCOUNT)], [workload("lambda", "job", { roleName: "orders-job" })])).toEqual([
      "workloads[0].roleName: makes role orders-job in environment prod, which environment dev creates for workloads[0] (job) in the same account 111122223333. " +
        "IAM names are unique in an account, ignoring case, so the second create fails with EntityAlreadyExists. " +
        "Remove roleName so each environment derives its own name from its namePrefix, or deploy the environments to different accounts (got \"orders-job\")",
    ]);
  });

  test("rejects a namePrefix that another environment of the account uses", () => {
    const environments = [environment("dev", ACCOUNT, { namePrefix: "app-" }), environment("prod", ACCOUNT, { namePrefix: "APP-" })];

    expect(problems(environments, [workload("iam-user", "ci")])).toEqual([
      "environments[1].namePrefix: gives workloads[0] (ci) the user APP-ci in environment prod, which environment dev creates for workloads[0] (ci) in the same account 111122223333. " +
        "IAM names are unique in an account, ignoring case, so the second create fails with EntityAlreadyExists. " +
        "Give this environment a namePrefix that no other environment of the account uses (now APP-) (got \"APP-\")",
    ]);
  });

  test("rejects derived names that meet across environment and workload names", () => {
    const environments = [environment("dev", ACCOUNT), environment("dev-eu", ACCOUNT)];

    expect(problems(environments, [workload("lambda", "eu-api"), workload("lambda", "api")])).toEqual([
      expect.stringMatching(/^environments\[1\]\.namePrefix: gives workloads\[1\] \(api\) the role dev-eu-api in environment dev-eu, which environment dev creates for workloads\[0\] \(eu-api\) .* \(got nothing\)$/),
    ]);
  });

  test.each([
    ["different accounts", ACCOUNT, OTHER_ACCOUNT],
    ["no account IDs", undefined, undefined],
  ])("accepts one roleName in environments with %s", (_, first, second) => {
    expect(problems([environment("dev", first), environment("prod", second)], [workload("lambda", "job", { roleName: "orders-job" })])).toEqual([]);
  });
});

describe("OIDC providers created twice", () => {
  const eks = { eks: { clusters: [{ name: "shop", oidcIssuerUrl: ISSUER, createOidcProvider: true }] } };

  test("rejects one issuer created by two environments of one account", () => {
    expect(problems([environment("dev", ACCOUNT, eks), environment("prod", ACCOUNT, eks)], [workload("lambda", "job")])).toEqual([
      "environments[1].eks.clusters[0].createOidcProvider: creates the IAM OIDC provider of oidc.eks.eu-west-1.amazonaws.com/id/5C1F8A6E2B9D4C7E8F0A1B2C3D4E5F60, " +
        "which environments[0].eks.clusters[0] creates too in account 111122223333. IAM keeps one provider per issuer URL in an account, so the second create fails with EntityAlreadyExists. " +
        "Create it in one environment, and set createOidcProvider to false here: the cluster then refers to the provider by its oidcIssuerUrl (got true)",
    ]);
  });

  test("accepts one issuer created in two accounts, or where the account is unknown", () => {
    expect(problems([environment("dev", ACCOUNT, eks), environment("prod", OTHER_ACCOUNT, eks)], [workload("lambda", "job")])).toEqual([]);
    expect(problems([environment("dev", undefined, eks), environment("prod", undefined, eks)], [workload("lambda", "job")])).toEqual([]);
  });
});

describe("ARNs of identities that workloads create", () => {
  test("rejects an existing-role ARN of a role a workload creates", () => {
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/prod-orders`;

    expect(problems([environment("prod", ACCOUNT)], [workload("lambda", "orders"), workload("existing-role", "legacy", { roleArn })])).toEqual([
      `workloads[1].roleArn: names role prod-orders, which workloads[0] (orders) creates in environment prod of account ${ACCOUNT}. ` +
        "IAM names are unique in an account, ignoring case, so this ARN is that role or blocks its creation, and Atlas keeps one database user per ARN. " +
        `Grant the access on workloads[0] and remove workloads[1] (legacy), or give the ARN of another role (got "${roleArn}")`,
    ]);
  });

  test("rejects an existing-role ARN with a path and another case", () => {
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/team/Prod-Orders`;

    expect(problems([environment("prod", ACCOUNT)], [workload("existing-role", "legacy", { roleArn }), workload("ecs", "orders")])).toEqual([
      expect.stringMatching(/^workloads\[0\]\.roleArn: names role prod-orders, which workloads\[1\] \(orders\) creates in environment prod /),
    ]);
  });

  test("rejects an iam-user ARN of a user a workload creates", () => {
    const userArn = `arn:aws:iam::${ACCOUNT}:user/batch/prod-ci`;

    expect(problems([environment("prod", ACCOUNT)], [workload("iam-user", "ci", { path: "/batch/" }), workload("iam-user", "ci-copy", { userArn })])).toEqual([
      expect.stringMatching(/^workloads\[1\]\.userArn: names user prod-ci, which workloads\[0\] \(ci\) creates in environment prod of account 111122223333\. .*remove workloads\[1\] \(ci-copy\), or give the ARN of another user/),
    ]);
  });

  test("accepts the ARN when the environment's account is unknown or another", () => {
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/prod-orders`;
    const workloads = [workload("lambda", "orders"), workload("existing-role", "legacy", { roleArn })];

    expect(problems([environment("prod", undefined)], workloads)).toEqual([]);
    expect(problems([environment("prod", OTHER_ACCOUNT)], workloads)).toEqual([]);
  });

  test("rejects two existing-role workloads of one ARN", () => {
    const roleArn = `arn:aws:iam::${OTHER_ACCOUNT}:role/reporting`;

    expect(problems([environment("prod", ACCOUNT)], [workload("existing-role", "aa", { roleArn }), workload("existing-role", "bb", { roleArn })])).toEqual([
      "workloads[1].roleArn: is the ARN of workloads[0] (aa) too, and Atlas keeps one database user per ARN in a project, so the second create fails. " +
        `Merge the two workloads into one that lists all grants (got "${roleArn}")`,
    ]);
  });
});

describe("ARNs of another partition", () => {
  test.each([
    ["roleArn", "existing-role", `arn:aws-cn:iam::${ACCOUNT}:role/reporting`, "role"],
    ["userArn", "iam-user", `arn:aws-us-gov:iam::${ACCOUNT}:user/reporting`, "user"],
  ])("rejects the %s of another partition", (field, kind, arn, entity) => {
    expect(problems([environment("prod", ACCOUNT)], [workload(kind, "reporting", { [field]: arn })])).toEqual([
      `workloads[0].${field}: is in partition ${arn.split(":")[1]}, but environment prod is in region eu-west-1 of partition aws, whose workloads never sign in as it. ` +
        `Give the ARN of a ${entity} in partition aws, arn:aws:iam::ACCOUNT:${entity}/NAME (got "${arn}")`,
    ]);
  });

  test("accepts an ARN of another account in the same partition", () => {
    expect(problems([environment("prod", ACCOUNT)], [workload("existing-role", "reporting", { roleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/reporting` })])).toEqual([]);
  });
});
