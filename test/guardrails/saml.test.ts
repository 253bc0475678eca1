import { samlAction } from "../../constructs/guardrails/rules/saml/action";
import { samlAudMissing } from "../../constructs/guardrails/rules/saml/aud-missing";
import { samlAudPartition } from "../../constructs/guardrails/rules/saml/aud-partition";
import { ACCOUNT, check, messages, roleWithTrust } from "./fixture";

const provider = (partition = "aws") => `arn:${partition}:iam::${ACCOUNT}:saml-provider/corp`;
const saml = (action: unknown, aud: unknown = "https://signin.aws.amazon.com/saml", partition = "aws") =>
  roleWithTrust("r", [
    {
      Effect: "Allow",
      Principal: { Federated: provider(partition) },
      Action: action,
      ...(aud === null ? {} : { Condition: { StringEquals: { "SAML:aud": aud } } }),
    },
  ]);

describe("SAML-ACTION", () => {
  it("accepts AssumeRoleWithSAML with TagSession", () => {
    expect(messages(samlAction, [saml(["sts:AssumeRoleWithSAML", "sts:TagSession"])])).toEqual([]);
  });
  it("rejects AssumeRoleWithWebIdentity for a SAML provider", () => {
    expect(messages(samlAction, [saml("sts:AssumeRoleWithWebIdentity")])).toEqual([
      "a SAML principal only uses sts:AssumeRoleWithSAML; sts:AssumeRoleWithWebIdentity is never used",
      "the SAML statement does not allow sts:AssumeRoleWithSAML, so every SAML sign-in is denied",
    ]);
  });
  it("leaves plain sts:AssumeRole to the federated principal rule", () => {
    expect(messages(samlAction, [saml("sts:AssumeRole")])).toEqual([]);
  });
});

describe("SAML-AUD-MISSING", () => {
  it("accepts a SAML:aud condition", () => {
    expect(messages(samlAudMissing, [saml("sts:AssumeRoleWithSAML")])).toEqual([]);
  });
  it("rejects a statement without SAML:aud", () => {
    const [f] = check(samlAudMissing, [saml("sts:AssumeRoleWithSAML", null)]);
    expect(f).toMatchObject({
      field: "assume_role_policy.Statement[0].Condition",
      message: "no SAML:aud condition, so assertions for other service providers are accepted",
    });
  });
});

describe("SAML-AUD-PARTITION", () => {
  it("accepts a regional endpoint in aws", () => {
    expect(messages(samlAudPartition, [saml("sts:AssumeRoleWithSAML", "https://eu-central-1.signin.aws.amazon.com/saml")])).toEqual([]);
  });
  it("accepts the China endpoint for an aws-cn provider", () => {
    expect(messages(samlAudPartition, [saml("sts:AssumeRoleWithSAML", "https://signin.amazonaws.cn/saml", "aws-cn")])).toEqual([]);
  });
  it("rejects the aws endpoint for an aws-us-gov provider", () => {
    expect(messages(samlAudPartition, [saml("sts:AssumeRoleWithSAML", "https://signin.aws.amazon.com/saml", "aws-us-gov")])).toEqual([
      "SAML:aud does not match partition aws-us-gov of the SAML provider; expected https://signin.amazonaws-us-gov.com/saml",
    ]);
  });
  it("rejects a value that is no sign-in endpoint", () => {
    const found = check(samlAudPartition, [saml("sts:AssumeRoleWithSAML", "urn:amazon:webservices")]);
    expect(found.map((f) => f.received)).toEqual(['["urn:amazon:webservices"]']);
  });
});
