import { Testing } from "cdktf";
import { OrdersStack } from "./main";

describe("own-stack example", () => {
  const output = JSON.parse(Testing.synth(new OrdersStack(Testing.app(), "orders"))) as {
    resource: Record<string, Record<string, Record<string, unknown>>>;
  };

  test("gives the function the access role and the connection string", () => {
    const [roleId] = Object.keys(output.resource.aws_iam_role).filter((id) => id.startsWith("orders-api"));
    const lambda = Object.values(output.resource.aws_lambda_function)[0] as { role: string; environment: { variables: Record<string, string> } };

    expect(lambda.role).toBe(`\${aws_iam_role.${roleId}.arn}`);
    expect(lambda.environment.variables.MONGODB_URI).toBe(
      "mongodb+srv://orders.x7k2p.mongodb.net/orders?authSource=%24external&authMechanism=MONGODB-AWS",
    );
  });

  test("creates one Atlas user per workload", () => {
    const usernames = Object.values(output.resource.mongodbatlas_database_user).map((user) => user.username);

    expect(usernames).toHaveLength(2);
    expect(new Set(usernames).size).toBe(2);
  });
});
