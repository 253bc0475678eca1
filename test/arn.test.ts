import { parseIamArn } from "../constructs";

describe("parseIamArn", () => {
  test.each([
    ["arn:aws:iam::111122223333:role/orders-api", "role", "/", "orders-api", "aws"],
    ["arn:aws:iam::111122223333:role/service/orders-api", "role", "/service/", "orders-api", "aws"],
    ["arn:aws:iam::111122223333:user/ci-bot", "user", "/", "ci-bot", "aws"],
    ["arn:aws-cn:iam::111122223333:role/app", "role", "/", "app", "aws-cn"],
    ["arn:aws-us-gov:iam::111122223333:instance-profile/app", "instance-profile", "/", "app", "aws-us-gov"],
    ["arn:aws:sts::111122223333:assumed-role/app/session-1", "assumed-role", "/app/", "session-1", "aws"],
    ["arn:aws:sts::111122223333:federated-user/alice", "federated-user", "/", "alice", "aws"],
    ["arn:aws:iam::111122223333:root", "root", "/", "root", "aws"],
  ])("parses %s", (arn, kind, path, name, partition) => {
    const parsed = parseIamArn(arn);

    expect(parsed?.kind).toBe(kind);
    expect(parsed?.path).toBe(path);
    expect(parsed?.name).toBe(name);
    expect(parsed?.partition).toBe(partition);
    expect(parsed?.accountId).toBe("111122223333");
  });

  test.each([
    ["a bare role name", "orders-api"],
    ["an S3 ARN", "arn:aws:s3:::bucket"],
    ["a short account ID", "arn:aws:iam::1111:role/app"],
    ["an unknown partition", "arn:aws-moon:iam::111122223333:role/app"],
    ["an empty string", ""],
  ])("returns nothing for %s", (_case, value) => {
    expect(parseIamArn(value)).toBeUndefined();
  });
});
