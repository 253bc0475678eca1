import { evaluateTrustPolicy, type RequestContext } from "../support/iam-evaluator";

/** Evaluates a one-statement Lambda trust policy with `condition` for `context`. */
function decide(condition: Record<string, Record<string, unknown>>, context: RequestContext): string {
  const policy = {
    Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole", Condition: condition }],
  };
  return evaluateTrustPolicy(policy, {
    principal: { type: "Service", id: "lambda.amazonaws.com" },
    action: "sts:AssumeRole",
    context,
  });
}

describe("condition keys missing from the request", () => {
  it("fail positive operators", () => {
    expect(decide({ StringLike: { "aws:SourceAccount": "*" } }, {})).toBe("ImplicitDeny");
    expect(decide({ StringEquals: { "aws:SourceAccount": "111122223333" } }, {})).toBe("ImplicitDeny");
    expect(decide({ ArnLike: { "aws:SourceArn": "*" } }, {})).toBe("ImplicitDeny");
  });

  it("satisfy negated operators", () => {
    expect(decide({ StringNotEquals: { "aws:SourceAccount": "111122223333" } }, {})).toBe("Allow");
    expect(decide({ ArnNotLike: { "aws:SourceArn": "arn:aws:ecs:*" } }, {})).toBe("Allow");
  });

  it("satisfy IfExists operators", () => {
    expect(decide({ StringEqualsIfExists: { "aws:SourceAccount": "111122223333" } }, {})).toBe("Allow");
  });

  it("satisfy ForAllValues and fail ForAnyValue", () => {
    expect(decide({ "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] } }, {})).toBe("Allow");
    expect(decide({ "ForAnyValue:StringEquals": { "aws:TagKeys": ["team"] } }, {})).toBe("ImplicitDeny");
  });

  it("are detected by Null", () => {
    expect(decide({ Null: { "aws:SourceArn": "true" } }, {})).toBe("Allow");
    expect(decide({ Null: { "aws:SourceArn": "false" } }, {})).toBe("ImplicitDeny");
    expect(decide({ Null: { "aws:SourceArn": "false" } }, { "aws:SourceArn": "arn:aws:s3:::b" })).toBe("Allow");
  });
});

describe("negated operators with several policy values", () => {
  const condition = { StringNotEquals: { "aws:SourceAccount": ["111122223333", "444455556666"] } };

  it("fail when the value equals any listed value", () => {
    expect(decide(condition, { "aws:SourceAccount": "444455556666" })).toBe("ImplicitDeny");
  });

  it("hold when the value equals none", () => {
    expect(decide(condition, { "aws:SourceAccount": "777788889999" })).toBe("Allow");
  });
});

describe("set qualifiers on multivalued keys", () => {
  it("ForAllValues requires every request value to match", () => {
    const condition = { "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "env"] } };

    expect(decide(condition, { "aws:TagKeys": ["team", "env"] })).toBe("Allow");
    expect(decide(condition, { "aws:TagKeys": ["team", "owner"] })).toBe("ImplicitDeny");
  });

  it("ForAnyValue requires one request value to match", () => {
    const condition = { "ForAnyValue:StringLike": { "aws:TagKeys": ["env*"] } };

    expect(decide(condition, { "aws:TagKeys": ["team", "environment"] })).toBe("Allow");
    expect(decide(condition, { "aws:TagKeys": ["team", "owner"] })).toBe("ImplicitDeny");
  });

  it("single-valued operators reject several request values", () => {
    expect(() => decide({ StringEquals: { "aws:TagKeys": "team" } }, { "aws:TagKeys": ["team", "env"] })).toThrow(
      'Context key at Statement[0].Condition.StringEquals["aws:TagKeys"] has 2 values',
    );
  });
});

describe("value comparisons delegated to pbac", () => {
  it("StringEquals is case-sensitive on values", () => {
    expect(decide({ StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } }, { "SAML:aud": "HTTPS://SIGNIN.AWS.AMAZON.COM/SAML" })).toBe(
      "ImplicitDeny",
    );
  });

  it("StringEqualsIgnoreCase ignores case", () => {
    expect(decide({ StringEqualsIgnoreCase: { "aws:PrincipalTag/team": "Orders" } }, { "aws:PrincipalTag/team": "orders" })).toBe(
      "Allow",
    );
  });

  it("ArnLike wildcards stay within one ARN field", () => {
    const condition = { ArnLike: { "aws:SourceArn": "arn:aws:ecs:*:111122223333:task/*" } };

    expect(decide(condition, { "aws:SourceArn": "arn:aws:ecs:us-east-1:111122223333:task/c/1" })).toBe("Allow");
    expect(decide(condition, { "aws:SourceArn": "arn:aws:ecs:us-east-1:x:111122223333:task/c/1" })).toBe("ImplicitDeny");
  });

  it("Bool compares true and false text", () => {
    expect(decide({ Bool: { "aws:SecureTransport": "true" } }, { "aws:SecureTransport": "true" })).toBe("Allow");
    expect(decide({ Bool: { "aws:SecureTransport": true } }, { "aws:SecureTransport": "false" })).toBe("ImplicitDeny");
  });

  it("Numeric operators compare numbers", () => {
    const condition = { NumericLessThanEquals: { "aws:MultiFactorAuthAge": "3600" } };

    expect(decide(condition, { "aws:MultiFactorAuthAge": "900" })).toBe("Allow");
    expect(decide(condition, { "aws:MultiFactorAuthAge": "7200" })).toBe("ImplicitDeny");
  });

  it("Date operators accept ISO dates and epoch seconds", () => {
    const condition = { DateLessThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } };

    expect(decide(condition, { "aws:CurrentTime": "2029-12-31T23:59:59Z" })).toBe("Allow");
    expect(decide(condition, { "aws:CurrentTime": String(Date.UTC(2031, 0, 1) / 1000) })).toBe("ImplicitDeny");
  });

  it("IpAddress matches CIDR ranges", () => {
    const condition = { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } };

    expect(decide(condition, { "aws:SourceIp": "203.0.113.7" })).toBe("Allow");
    expect(decide(condition, { "aws:SourceIp": "198.51.100.7" })).toBe("ImplicitDeny");
  });
});

describe("condition input checks", () => {
  it("rejects keys that differ only in case", () => {
    expect(() => decide({ StringEquals: { "aws:SourceAccount": "1" } }, { "aws:SourceAccount": "1", "aws:sourceaccount": "1" })).toThrow(
      "Ambiguous request context: keys aws:SourceAccount, aws:sourceaccount differ only in case",
    );
  });

  it("rejects policy variables in values", () => {
    expect(() => decide({ StringLike: { "aws:userid": "${aws:username}*" } }, { "aws:userid": "x" })).toThrow(
      'Policy variable in condition value "${aws:username}*"',
    );
  });
});
