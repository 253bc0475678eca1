import { Testing } from "cdktf";
import { PrincipalsStack } from "./main";

type Body = Record<string, unknown>;

describe("iam-user example", () => {
  const output = JSON.parse(Testing.synth(new PrincipalsStack(Testing.app(), "principals"))) as {
    resource: Record<string, Record<string, Body>>;
  };
  const users = Object.values(output.resource.mongodbatlas_database_user);
  const userId = Object.keys(output.resource.aws_iam_user)[0];
  const roleId = Object.keys(output.resource.aws_iam_role)[0];

  test("creates the IAM user without an access key", () => {
    expect(Object.values(output.resource.aws_iam_user).map((user) => [user.name, user.path])).toEqual([["shop-report-host", "/legacy/"]]);
    expect(output.resource.aws_iam_access_key).toBeUndefined();
  });

  test("keys each Atlas user on its principal", () => {
    expect(users.map((user) => [user.username, user.aws_iam_type]).sort()).toEqual([
      [`\${aws_iam_role.${roleId}.arn}`, "ROLE"],
      [`\${aws_iam_user.${userId}.arn}`, "USER"],
      ["arn:aws:iam::111122223333:role/data-science-notebooks", "ROLE"],
    ]);
  });

  test("leaves the other team's role as it is", () => {
    const role = output.resource.aws_iam_role[roleId];

    expect(role.name).toBe("reporting-service");
    expect(JSON.parse(role.assume_role_policy as string).Statement[0].Principal).toEqual({ Service: "ecs-tasks.amazonaws.com" });
  });
});
