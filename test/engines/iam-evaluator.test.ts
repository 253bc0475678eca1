import { evaluateTrustPolicy, type TrustRequest } from "../support/iam-evaluator";

const ACCOUNT = "111122223333";
const OTHER_ACCOUNT = "444455556666";
const ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}`;
const OTHER_ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/0THERCLUSTER0000000000000000000";
const OTHER_PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/${OTHER_ISSUER}`;

function webIdentity(providerArn: string, issuer: string, sub: string, aud = "sts.amazonaws.com"): TrustRequest {
  return {
    principal: { type: "Federated", id: providerArn },
    action: "sts:AssumeRoleWithWebIdentity",
    context: { [`${issuer}:sub`]: sub, [`${issuer}:aud`]: aud },
  };
}

describe("IRSA trust policy", () => {
  const policy = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: PROVIDER_ARN },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            [`${ISSUER}:sub`]: "system:serviceaccount:orders:api",
            [`${ISSUER}:aud`]: "sts.amazonaws.com",
          },
        },
      },
    ],
  };

  it("allows the bound service account", () => {
    const request = webIdentity(PROVIDER_ARN, ISSUER, "system:serviceaccount:orders:api");

    expect(evaluateTrustPolicy(policy, request)).toBe("Allow");
  });

  it("accepts the policy as a JSON string", () => {
    const request = webIdentity(PROVIDER_ARN, ISSUER, "system:serviceaccount:orders:api");

    expect(evaluateTrustPolicy(JSON.stringify(policy), request)).toBe("Allow");
  });

  it("denies another service account", () => {
    const request = webIdentity(PROVIDER_ARN, ISSUER, "system:serviceaccount:orders:worker");

    expect(evaluateTrustPolicy(policy, request)).toBe("ImplicitDeny");
  });

  it("denies the same name in another namespace", () => {
    const request = webIdentity(PROVIDER_ARN, ISSUER, "system:serviceaccount:billing:api");

    expect(evaluateTrustPolicy(policy, request)).toBe("ImplicitDeny");
  });

  it("denies a wrong audience", () => {
    // The audience is the second key of the StringEquals block, which pbac alone skips.
    const request = webIdentity(PROVIDER_ARN, ISSUER, "system:serviceaccount:orders:api", "other-client");

    expect(evaluateTrustPolicy(policy, request)).toBe("ImplicitDeny");
  });

  it("denies a token without an audience", () => {
    const request = webIdentity(PROVIDER_ARN, ISSUER, "system:serviceaccount:orders:api");
    delete request.context[`${ISSUER}:aud`];

    expect(evaluateTrustPolicy(policy, request)).toBe("ImplicitDeny");
  });

  it("denies another cluster's provider", () => {
    const request = webIdentity(OTHER_PROVIDER_ARN, OTHER_ISSUER, "system:serviceaccount:orders:api");

    expect(evaluateTrustPolicy(policy, request)).toBe("ImplicitDeny");
  });

  it("denies another action", () => {
    const request = { ...webIdentity(PROVIDER_ARN, ISSUER, "system:serviceaccount:orders:api"), action: "sts:AssumeRole" };

    expect(evaluateTrustPolicy(policy, request)).toBe("ImplicitDeny");
  });
});

describe("IRSA trust policy with StringLike", () => {
  const policy = {
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: PROVIDER_ARN },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringLike: { [`${ISSUER}:sub`]: "system:serviceaccount:orders:*" },
          StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com" },
        },
      },
    ],
  };

  it("allows any service account in the namespace", () => {
    for (const name of ["api", "worker"]) {
      const request = webIdentity(PROVIDER_ARN, ISSUER, `system:serviceaccount:orders:${name}`);

      expect(evaluateTrustPolicy(policy, request)).toBe("Allow");
    }
  });

  it("denies a namespace sharing the prefix", () => {
    const request = webIdentity(PROVIDER_ARN, ISSUER, "system:serviceaccount:orders-staging:api");

    expect(evaluateTrustPolicy(policy, request)).toBe("ImplicitDeny");
  });

  it("denies a request without a subject", () => {
    const request = webIdentity(PROVIDER_ARN, ISSUER, "unused");
    delete request.context[`${ISSUER}:sub`];

    expect(evaluateTrustPolicy(policy, request)).toBe("ImplicitDeny");
  });
});

describe("service principal trust policy", () => {
  const policy = {
    Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
  };

  it("allows Lambda", () => {
    const request: TrustRequest = {
      principal: { type: "Service", id: "lambda.amazonaws.com" },
      action: "sts:AssumeRole",
      context: {},
    };

    expect(evaluateTrustPolicy(policy, request)).toBe("Allow");
  });

  it("denies EC2", () => {
    const request: TrustRequest = {
      principal: { type: "Service", id: "ec2.amazonaws.com" },
      action: "sts:AssumeRole",
      context: {},
    };

    expect(evaluateTrustPolicy(policy, request)).toBe("ImplicitDeny");
  });

  it("matches action names case-insensitively", () => {
    const request: TrustRequest = {
      principal: { type: "Service", id: "lambda.amazonaws.com" },
      action: "STS:assumerole",
      context: {},
    };

    expect(evaluateTrustPolicy(policy, request)).toBe("Allow");
  });
});

describe("ECS task trust policy with confused-deputy conditions", () => {
  const policy = {
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "ecs-tasks.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          ArnLike: { "aws:SourceArn": `arn:aws:ecs:us-east-1:${ACCOUNT}:*` },
          StringEquals: { "aws:SourceAccount": ACCOUNT },
        },
      },
    ],
  };

  function ecsRequest(sourceAccount: string, sourceArn: string): TrustRequest {
    return {
      principal: { type: "Service", id: "ecs-tasks.amazonaws.com" },
      action: "sts:AssumeRole",
      context: { "aws:SourceAccount": sourceAccount, "aws:SourceArn": sourceArn },
    };
  }

  it("allows a task in the account", () => {
    const request = ecsRequest(ACCOUNT, `arn:aws:ecs:us-east-1:${ACCOUNT}:task/orders/0123456789abcdef`);

    expect(evaluateTrustPolicy(policy, request)).toBe("Allow");
  });

  it("denies a task from another account", () => {
    const request = ecsRequest(OTHER_ACCOUNT, `arn:aws:ecs:us-east-1:${OTHER_ACCOUNT}:task/orders/0123456789abcdef`);

    expect(evaluateTrustPolicy(policy, request)).toBe("ImplicitDeny");
  });

  it("denies a matching account with a foreign source ARN", () => {
    const request = ecsRequest(ACCOUNT, `arn:aws:ecs:us-east-1:${OTHER_ACCOUNT}:task/orders/0123456789abcdef`);

    expect(evaluateTrustPolicy(policy, request)).toBe("ImplicitDeny");
  });

  it("denies a task in another region", () => {
    const request = ecsRequest(ACCOUNT, `arn:aws:ecs:eu-west-1:${ACCOUNT}:task/orders/0123456789abcdef`);

    expect(evaluateTrustPolicy(policy, request)).toBe("ImplicitDeny");
  });

  it("matches condition keys case-insensitively", () => {
    const request: TrustRequest = {
      principal: { type: "Service", id: "ecs-tasks.amazonaws.com" },
      action: "sts:AssumeRole",
      context: {
        "AWS:SOURCEACCOUNT": ACCOUNT,
        "aws:sourcearn": `arn:aws:ecs:us-east-1:${ACCOUNT}:task/orders/0123456789abcdef`,
      },
    };

    expect(evaluateTrustPolicy(policy, request)).toBe("Allow");
  });
});

describe("SAML trust policy", () => {
  const samlProvider = `arn:aws:iam::${ACCOUNT}:saml-provider/CorporateIdP`;
  const policy = {
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: samlProvider },
        Action: "sts:AssumeRoleWithSAML",
        Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
      },
    ],
  };

  function samlRequest(audience: string): TrustRequest {
    return {
      principal: { type: "Federated", id: samlProvider },
      action: "sts:AssumeRoleWithSAML",
      context: { "SAML:aud": audience },
    };
  }

  it("allows the sign-in audience", () => {
    expect(evaluateTrustPolicy(policy, samlRequest("https://signin.aws.amazon.com/saml"))).toBe("Allow");
  });

  it("denies another audience", () => {
    expect(evaluateTrustPolicy(policy, samlRequest("https://example.com/saml"))).toBe("ImplicitDeny");
  });
});

describe("role-chain trust policy", () => {
  const runnerRole = `arn:aws:iam::${ACCOUNT}:role/ci/runner`;
  const policy = {
    Statement: [{ Effect: "Allow", Principal: { AWS: runnerRole }, Action: "sts:AssumeRole" }],
  };

  function awsRequest(callerArn: string): TrustRequest {
    return { principal: { type: "AWS", id: callerArn }, action: "sts:AssumeRole", context: {} };
  }

  it("allows the trusted role", () => {
    expect(evaluateTrustPolicy(policy, awsRequest(runnerRole))).toBe("Allow");
  });

  it("allows a session of the trusted role", () => {
    const session = `arn:aws:sts::${ACCOUNT}:assumed-role/runner/build-42`;

    expect(evaluateTrustPolicy(policy, awsRequest(session))).toBe("Allow");
  });

  it("denies another role in the account", () => {
    expect(evaluateTrustPolicy(policy, awsRequest(`arn:aws:iam::${ACCOUNT}:role/ci/deployer`))).toBe("ImplicitDeny");
  });

  it("denies a session of a same-named role elsewhere", () => {
    const session = `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/runner/build-42`;

    expect(evaluateTrustPolicy(policy, awsRequest(session))).toBe("ImplicitDeny");
  });

  it("trusts every caller of an account named by root ARN", () => {
    const rootPolicy = { Statement: [{ ...policy.Statement[0], Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }] };

    expect(evaluateTrustPolicy(rootPolicy, awsRequest(`arn:aws:iam::${ACCOUNT}:role/any`))).toBe("Allow");
    expect(evaluateTrustPolicy(rootPolicy, awsRequest(`arn:aws:iam::${OTHER_ACCOUNT}:role/any`))).toBe("ImplicitDeny");
  });

  it("trusts every caller of an account named by id", () => {
    const accountPolicy = { Statement: [{ ...policy.Statement[0], Principal: { AWS: [ACCOUNT] } }] };

    expect(evaluateTrustPolicy(accountPolicy, awsRequest(`arn:aws:iam::${ACCOUNT}:user/alice`))).toBe("Allow");
    expect(evaluateTrustPolicy(accountPolicy, awsRequest(`arn:aws:iam::${OTHER_ACCOUNT}:user/alice`))).toBe(
      "ImplicitDeny",
    );
  });

  it("rejects a caller id that is not an ARN", () => {
    expect(() => evaluateTrustPolicy(policy, awsRequest("runner"))).toThrow('Invalid AWS principal id "runner"');
  });
});

describe("EKS Pod Identity trust policy", () => {
  const clusterArn = `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/prod`;
  const condition = {
    StringEquals: {
      "aws:RequestTag/kubernetes-namespace": "orders",
      "aws:RequestTag/kubernetes-service-account": "api",
    },
    ArnEquals: { "aws:RequestTag/eks-cluster-arn": clusterArn },
  };
  const policy = {
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "pods.eks.amazonaws.com" },
        Action: ["sts:AssumeRole", "sts:TagSession"],
        Condition: condition,
      },
    ],
  };

  function podRequest(action: string, namespace = "orders"): TrustRequest {
    return {
      principal: { type: "Service", id: "pods.eks.amazonaws.com" },
      action,
      context: {
        "aws:RequestTag/kubernetes-namespace": namespace,
        "aws:RequestTag/kubernetes-service-account": "api",
        "aws:RequestTag/eks-cluster-arn": clusterArn,
      },
    };
  }

  it("allows sts:AssumeRole", () => {
    expect(evaluateTrustPolicy(policy, podRequest("sts:AssumeRole"))).toBe("Allow");
  });

  it("allows sts:TagSession", () => {
    expect(evaluateTrustPolicy(policy, podRequest("sts:TagSession"))).toBe("Allow");
  });

  it("denies sts:TagSession when only AssumeRole is listed", () => {
    const assumeOnly = { Statement: [{ ...policy.Statement[0], Action: "sts:AssumeRole" }] };

    expect(evaluateTrustPolicy(assumeOnly, podRequest("sts:AssumeRole"))).toBe("Allow");
    expect(evaluateTrustPolicy(assumeOnly, podRequest("sts:TagSession"))).toBe("ImplicitDeny");
  });

  it("denies a pod in another namespace", () => {
    expect(evaluateTrustPolicy(policy, podRequest("sts:AssumeRole", "billing"))).toBe("ImplicitDeny");
    expect(evaluateTrustPolicy(policy, podRequest("sts:TagSession", "billing"))).toBe("ImplicitDeny");
  });

  it("denies a pod of another cluster", () => {
    const request = podRequest("sts:AssumeRole");
    request.context["aws:RequestTag/eks-cluster-arn"] = `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/staging`;

    expect(evaluateTrustPolicy(policy, request)).toBe("ImplicitDeny");
  });
});

describe("explicit deny", () => {
  it("overrides a matching allow", () => {
    const policy = {
      Statement: [
        { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:*" },
        {
          Effect: "Deny",
          Principal: "*",
          Action: "sts:AssumeRole",
          Condition: { StringNotEquals: { "aws:SourceAccount": ACCOUNT } },
        },
      ],
    };
    const request = (sourceAccount: string): TrustRequest => ({
      principal: { type: "Service", id: "lambda.amazonaws.com" },
      action: "sts:AssumeRole",
      context: { "aws:SourceAccount": sourceAccount },
    });

    expect(evaluateTrustPolicy(policy, request(ACCOUNT))).toBe("Allow");
    expect(evaluateTrustPolicy(policy, request(OTHER_ACCOUNT))).toBe("ExplicitDeny");
  });

  it("applies NotPrincipal to everyone else", () => {
    const policy = {
      Statement: [
        { Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" },
        { Effect: "Deny", NotPrincipal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
      ],
    };
    const request = (service: string): TrustRequest => ({
      principal: { type: "Service", id: service },
      action: "sts:AssumeRole",
      context: {},
    });

    expect(evaluateTrustPolicy(policy, request("lambda.amazonaws.com"))).toBe("Allow");
    expect(evaluateTrustPolicy(policy, request("ec2.amazonaws.com"))).toBe("ExplicitDeny");
  });

  it("applies NotAction to other actions", () => {
    const policy = {
      Statement: [
        { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:*" },
        { Effect: "Deny", Principal: "*", NotAction: "sts:AssumeRole" },
      ],
    };
    const request = (action: string): TrustRequest => ({
      principal: { type: "Service", id: "lambda.amazonaws.com" },
      action,
      context: {},
    });

    expect(evaluateTrustPolicy(policy, request("sts:AssumeRole"))).toBe("Allow");
    expect(evaluateTrustPolicy(policy, request("sts:TagSession"))).toBe("ExplicitDeny");
  });
});

describe("trust policy validation", () => {
  const request: TrustRequest = {
    principal: { type: "Service", id: "lambda.amazonaws.com" },
    action: "sts:AssumeRole",
    context: {},
  };

  it("rejects a statement without a principal", () => {
    const policy = { Statement: [{ Effect: "Allow", Action: "sts:AssumeRole" }] };

    expect(() => evaluateTrustPolicy(policy, request)).toThrow(
      "Invalid Statement[0]: a trust policy statement needs exactly one of Principal or NotPrincipal.",
    );
  });

  it("rejects a Resource field", () => {
    const policy = { Statement: [{ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole", Resource: "*" }] };

    expect(() => evaluateTrustPolicy(policy, request)).toThrow("must not contain Resource or NotResource");
  });

  it("rejects an unknown effect", () => {
    const policy = { Statement: [{ Effect: "allow", Principal: "*", Action: "sts:AssumeRole" }] };

    expect(() => evaluateTrustPolicy(policy, request)).toThrow('Invalid Statement[0].Effect "allow"');
  });

  it("rejects malformed JSON", () => {
    expect(() => evaluateTrustPolicy("{not json", request)).toThrow(/^Invalid trust policy JSON/);
  });

  it("rejects an unsupported operator", () => {
    const policy = {
      Statement: [
        { Effect: "Allow", Principal: "*", Action: "sts:AssumeRole", Condition: { BinaryEquals: { k: "AA==" } } },
      ],
    };

    expect(() => evaluateTrustPolicy(policy, request)).toThrow(
      'Unsupported condition operator "BinaryEquals" at Statement[0].Condition',
    );
  });
});
