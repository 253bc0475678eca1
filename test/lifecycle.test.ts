import { defaultExample, writeConfig } from "./helpers/config";
import { addressesOf, runApp, stackOf } from "./helpers/app";

type Blocks = { moved?: { from: string; to: string }[]; import?: { to: string; id: string }[] };

describe("renamed workloads", () => {
  test("move every resource from its old address", () => {
    const config = defaultExample();
    const before = addressesOf(stackOf(runApp(writeConfig(config)).outdir, "prod"));
    const workload = config.workloads.find((candidate) => candidate.name === "checkout-api");
    Object.assign(workload ?? {}, { name: "checkout-service", renamedFrom: "checkout-api" });

    const stack = stackOf(runApp(writeConfig(config)).outdir, "prod") as unknown as Blocks;
    const after = addressesOf(stack as never);

    const moved = stack.moved ?? [];
    const oldAddresses = Object.keys(before).filter((address) => address.includes(".checkout-api_"));
    expect(moved.map((block) => block.from).sort()).toEqual(oldAddresses.sort());
    for (const block of moved) {
      const [type] = block.from.split(".");
      expect(block.to.startsWith(`${type}.checkout-service_`)).toBe(true);
      expect(Object.keys(after)).toContain(block.to);
    }
  });

  test("keep the role name, so the Atlas user is not replaced", () => {
    const config = defaultExample();
    Object.assign(config.workloads[0], { name: "checkout-service", renamedFrom: "checkout-api" });

    const stack = stackOf(runApp(writeConfig(config)).outdir, "prod");
    const names = Object.values(stack.resource?.aws_iam_role ?? {}).map((role) => role.name);

    expect(names).toContain("prod-checkout-api");
    expect(names).not.toContain("prod-checkout-service");
  });

  test("rejects an old name still in use", () => {
    const config = defaultExample();
    Object.assign(config.workloads[0], { renamedFrom: config.workloads[1].name });

    const result = runApp(writeConfig(config));

    expect(result.exitCode).toBe(1);
    expect(result.lines).toEqual([expect.stringMatching(/workloads\[0\]\.renamedFrom: is the name of a current workload/)]);
  });

  test("rejects an old name claimed twice", () => {
    const config = defaultExample();
    Object.assign(config.workloads[0], { renamedFrom: "old-api" });
    Object.assign(config.workloads[1], { renamedFrom: "old-api" });

    expect(runApp(writeConfig(config)).lines).toEqual([expect.stringMatching(/workloads\[1\]\.renamedFrom: is claimed by another workload too/)]);
  });
});

describe("adopted resources", () => {
  test("import the role by name and the Atlas user by hyphenated ID", () => {
    const config = defaultExample();
    Object.assign(config.workloads[0], { adopt: { role: true, atlasUser: true } });

    const stack = stackOf(runApp(writeConfig(config)).outdir, "prod") as unknown as Blocks;

    expect(stack.import).toEqual([
      { to: "aws_iam_role.checkout-api_Role_B41691FC", id: "prod-checkout-api" },
      {
        to: "mongodbatlas_database_user.checkout-api_AtlasUser_519259EC",
        id: "65f1c0ffee0ddba11cafe001-arn:aws:iam::111122223333:role/prod-checkout-api-$external",
      },
    ]);
  });

  test("writes no import block without adopt", () => {
    const stack = stackOf(runApp(writeConfig(defaultExample())).outdir, "prod") as unknown as Blocks;

    expect(stack.import).toBeUndefined();
    expect(stack.moved).toBeUndefined();
  });

  test("requires the account ID to adopt an Atlas user", () => {
    const config = defaultExample();
    delete config.environments[0].aws.accountId;
    Object.assign(config.workloads[0], { adopt: { atlasUser: true } });

    expect(runApp(writeConfig(config)).lines).toEqual([
      expect.stringMatching(/workloads\[0\]\.adopt\.atlasUser: needs environments\.prod\.aws\.accountId, because the import ID carries the role ARN/),
    ]);
  });
});
