import { TerraformOutput } from "cdktf";
import { EksOidcProvider } from "../constructs";
import { newStack, onlyResource, synthesize } from "./helpers/stack";

const ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/5C1F8A6E2B9D4C7E8F0A1B2C3D4E5F60";
const HOST = "oidc.eks.eu-west-1.amazonaws.com/id/5C1F8A6E2B9D4C7E8F0A1B2C3D4E5F60";
const PROVIDER_ARN = `arn:aws:iam::111122223333:oidc-provider/${HOST}`;

describe("EksOidcProvider", () => {
  test("creates the provider for sts.amazonaws.com without thumbprints", () => {
    const stack = newStack();
    const provider = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER, tags: { team: "platform" } });

    expect(onlyResource(synthesize(stack), "aws_iam_openid_connect_provider")).toEqual(expect.objectContaining({
      url: ISSUER,
      client_id_list: ["sts.amazonaws.com"],
      tags: { team: "platform" },
    }));
    expect(onlyResource(synthesize(stack), "aws_iam_openid_connect_provider")).not.toHaveProperty("thumbprint_list");
    expect(provider.providerArn).toBe(PROVIDER_ARN);
    expect(provider.issuerHost).toBe(HOST);
  });

  test("uses the resource's ARN when the account is unknown", () => {
    const stack = newStack("unknown");
    const provider = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER });
    new TerraformOutput(stack, "arn", { value: provider.providerArn });

    const output = synthesize(stack);
    expect(output.output?.arn.value).toBe("${aws_iam_openid_connect_provider.oidc_Provider_BBBCF301.arn}");
    expect(output.data).toBeUndefined();
  });

  test("builds the ARN of an existing provider from its issuer", () => {
    const provider = EksOidcProvider.fromIssuerUrl(newStack({ accountId: "444455556666", region: "cn-north-1" }), ISSUER);

    expect(provider).toEqual({ providerArn: `arn:aws-cn:iam::444455556666:oidc-provider/${HOST}`, issuerHost: HOST });
  });

  test("reads the issuer of an existing provider from its ARN", () => {
    const provider = EksOidcProvider.fromProviderArn(newStack(), PROVIDER_ARN);

    expect(provider).toEqual({ providerArn: PROVIDER_ARN, issuerHost: HOST });
  });

  test("rejects an issuer that differs from the ARN", () => {
    expect(() => EksOidcProvider.fromProviderArn(newStack(), PROVIDER_ARN, "https://oidc.eks.eu-west-1.amazonaws.com/id/AAAA"))
      .toThrow(/^test: issuerUrl does not name the issuer of providerArn, which ends with oidc\.eks\.eu-west-1\.amazonaws\.com\/id\/5C1F8A6E2B9D4C7E8F0A1B2C3D4E5F60, got "https:\/\/oidc\.eks\.eu-west-1\.amazonaws\.com\/id\/AAAA"\. /);
  });

  test.each([
    ["arn:aws:iam::111122223333:role/eks"],
    ["arn:aws:iam::111122223333:oidc-provider/"],
    [`arn:aws:iam::1111:oidc-provider/${HOST}`],
    [HOST],
  ])("rejects the provider ARN %p", (arn) => {
    expect(() => EksOidcProvider.fromProviderArn(newStack(), arn))
      .toThrow(/providerArn must be the ARN of an IAM OIDC provider, arn:PARTITION:iam::ACCOUNT:oidc-provider\/HOST\/id\/ID, got /);
  });

  test.each([
    ["http://oidc.eks.eu-west-1.amazonaws.com/id/AB12", /issuerUrl must start with https:\/\//],
    [HOST, /issuerUrl must start with https:\/\//],
    [`${ISSUER}/`, /issuerUrl must not end with a slash, got ".*\/"\. Remove the trailing slash/],
    ["https://oidc.eks.eu-west-1.amazonaws.com/keys/AB12", /issuerUrl must be https:\/\/HOST or https:\/\/HOST\/id\/ID, with a lowercase host and no port, query or other path/],
    ["https://OIDC.eks.eu-west-1.amazonaws.com/id/AB12", /issuerUrl must be https:\/\/HOST or https:\/\/HOST\/id\/ID/],
    ["https://oidc.eks.eu-west-1.amazonaws.com:443/id/AB12", /issuerUrl must be https:\/\/HOST or https:\/\/HOST\/id\/ID/],
    ["https://oidc.eks.eu-west-1.amazonaws.com/id/AB12?x=1", /issuerUrl must be https:\/\/HOST or https:\/\/HOST\/id\/ID/],
    ["https://localhost", /issuerUrl must be https:\/\/HOST or https:\/\/HOST\/id\/ID/],
  ])("rejects the issuer %p", (issuerUrl, message) => {
    expect(() => new EksOidcProvider(newStack(), "oidc", { issuerUrl })).toThrow(message);
    expect(() => EksOidcProvider.fromIssuerUrl(newStack(), issuerUrl)).toThrow(message);
  });

  test("accepts an issuer without the EKS path", () => {
    expect(EksOidcProvider.fromIssuerUrl(newStack(), "https://token.example.com").issuerHost).toBe("token.example.com");
  });
});
