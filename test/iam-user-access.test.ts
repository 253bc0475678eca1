import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MongodbatlasProvider } from "@cdktf/provider-mongodbatlas/lib/provider";
import { IamUserAccess, IamUserAccessProps } from "../constructs";
import { newStack, onlyResource, resourcesOf, synthesize } from "./helpers/stack";
import { baseWorkloadProps } from "./helpers/workloads";

function userProps(overrides: Partial<IamUserAccessProps> = {}): IamUserAccessProps {
  return { atlas: baseWorkloadProps().atlas, namePrefix: "prod-", ...overrides };
}

/** Adds the providers that synthesis requires, synthesizes fully, and returns the warnings written into manifest.json. */
function warningsOf(stack: TerraformStack): { constructPath: string; message: string }[] {
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  new MongodbatlasProvider(stack, "mongodbatlas", {});
  const manifest = JSON.parse(readFileSync(join(Testing.fullSynth(stack), "manifest.json"), "utf8")) as {
    stacks: Record<string, { annotations: { constructPath: string; level: string; message: string }[] }>;
  };
  return Object.values(manifest.stacks)
    .flatMap((entry) => entry.annotations)
    .filter((annotation) => annotation.level === "@cdktf/warn")
    .map(({ constructPath, message }) => ({ constructPath, message }));
}

describe("IamUserAccess", () => {
  test("creates a user and keys the Atlas user on it", () => {
    const stack = newStack();
    const access = new IamUserAccess(stack, "report-host", userProps({ path: "/legacy/", tags: { team: "reports", cost: "bi" } }));
    const output = synthesize(stack);

    const [userId] = Object.keys(resourcesOf(output, "aws_iam_user"));
    const user = onlyResource(output, "aws_iam_user");
    expect(user.name).toBe("prod-report-host");
    expect(user.path).toBe("/legacy/");
    expect(Object.keys(user.tags as object)).toEqual(["cost", "team"]);
    const atlasUser = onlyResource(output, "mongodbatlas_database_user");
    expect(atlasUser.username).toBe(`\${aws_iam_user.${userId}.arn}`);
    expect(atlasUser.aws_iam_type).toBe("USER");
    expect(atlasUser.auth_database_name).toBe("$external");
    expect(access.userName).toBe("prod-report-host");
  });

  test("creates no access key", () => {
    const stack = newStack();
    new IamUserAccess(stack, "report-host", userProps());

    expect(Object.keys(synthesize(stack).resource ?? {}).sort()).toEqual(["aws_iam_user", "mongodbatlas_database_user"]);
  });

  test("warns to prefer a role", () => {
    const stack = newStack();
    new IamUserAccess(stack, "report-host", userProps());

    expect(warningsOf(stack)).toContainEqual({
      constructPath: "test/report-host",
      message: expect.stringMatching(/^Atlas access for IAM user prod-report-host relies on long-lived access keys, .* Prefer a role that the workload assumes\./),
    });
  });

  test("references an existing user without creating one", () => {
    const stack = newStack();
    const arn = "arn:aws:iam::111122223333:user/ops/report-host";
    const access = new IamUserAccess(stack, "report-host", userProps({ userArn: arn }));
    const output = synthesize(stack);

    expect(resourcesOf(output, "aws_iam_user")).toEqual({});
    expect(onlyResource(output, "mongodbatlas_database_user").username).toBe(arn);
    expect(onlyResource(output, "mongodbatlas_database_user").aws_iam_type).toBe("USER");
    expect(access.userName).toBe("report-host");
    expect(access.user).toBeUndefined();
  });

  test("warns for a referenced user too", () => {
    const stack = newStack();
    new IamUserAccess(stack, "report-host", userProps({ userArn: "arn:aws:iam::111122223333:user/report-host" }));

    expect(warningsOf(stack).map((warning) => warning.constructPath)).toContain("test/report-host");
  });

  test("rejects creation settings with a user ARN", () => {
    expect(() => new IamUserAccess(newStack(), "report-host", userProps({ userArn: "arn:aws:iam::111122223333:user/report-host", path: "/legacy/" })))
      .toThrow('test/report-host: path cannot be combined with userArn, got "/legacy/". Omit userArn to create the user');
  });

  test("rejects a role ARN as the user", () => {
    const arn = "arn:aws:iam::111122223333:role/report-host";

    expect(() => new IamUserAccess(newStack(), "report-host", userProps({ userArn: arn }))).toThrow(
      `test/report-host: userArn is not an IAM user ARN, got "${arn}". Use arn:PARTITION:iam::ACCOUNT:user/NAME.`,
    );
  });

  test("rejects a name over 64 characters", () => {
    const userName = "u".repeat(65);

    expect(() => new IamUserAccess(newStack(), "report-host", userProps({ userName }))).toThrow(
      `test/report-host: userName must be 1 to 64 letters, digits or +=,.@_- characters (it has 65), got "${userName}".`,
    );
  });

  test("derives a long name within the limit", () => {
    const access = new IamUserAccess(newStack(), "a-very-long-workload-name-that-goes-on-and-on-past-the-iam-limit", userProps());

    expect(access.userName).toHaveLength(64);
  });

  test.each([
    ["without a leading slash", "legacy/"],
    ["without a trailing slash", "/legacy"],
    ["with a space", "/legacy hosts/"],
    ["with two slashes only", "//"],
  ])("rejects a path %s", (_case, path) => {
    expect(() => new IamUserAccess(newStack(), "report-host", userProps({ path }))).toThrow(
      `test/report-host: path must be / or start and end with / and contain only printable ASCII characters, at most 512 in all, got ${JSON.stringify(path)}.`,
    );
  });

  test("leaves no resources behind when it rejects input", () => {
    const stack = newStack();

    expect(() => new IamUserAccess(stack, "report-host", userProps({ path: "bad" }))).toThrow();
    expect(synthesize(stack).resource).toBeUndefined();
  });
});
