/**
 * The OIDC issuer of an EKS cluster and the ARN of the IAM OIDC provider
 * that trusts it.
 *
 * An issuer URL such as
 * `https://oidc.eks.eu-west-1.amazonaws.com/id/5C1F8A6E2B9D4C7E8F0A1B2C3D4E5F60`
 * appears in three forms: the URL itself (the tokens' `iss` claim), the
 * ARN `arn:PARTITION:iam::ACCOUNT:oidc-provider/HOST/id/ID`, and the
 * prefix `HOST/id/ID` of the condition keys `HOST/id/ID:sub` and
 * `HOST/id/ID:aud` in trust policies. This file converts between them.
 */
import { Fn, Token } from "cdktf";
import { isUnresolved } from "../private/tokens";
import { NameProblem } from "./kubernetes-names";

const SCHEME = "https://";
const HOST = "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+";
/** A host, optionally followed by the `/id/ID` path of EKS issuers. */
const ISSUER_WITHOUT_SCHEME = new RegExp(`^${HOST}(/id/[A-Za-z0-9]+)?$`);
const PROVIDER_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):oidc-provider\/(.+)$/;

/**
 * Checks an issuer URL: `https://`, a lowercase host, and no path except
 * the `/id/ID` of EKS, no port, query or trailing slash. IAM matches the
 * URL against the tokens' `iss` claim, which EKS writes in this form.
 */
export function checkIssuerUrl(url: string): NameProblem | undefined {
  if (!url.startsWith(SCHEME)) {
    return {
      problem: "must start with https://",
      fix: "Copy the issuer from aws eks describe-cluster --query cluster.identity.oidc.issuer.",
    };
  }
  if (url.endsWith("/")) {
    return {
      problem: "must not end with a slash",
      fix: "Remove the trailing slash: IAM compares the URL with the tokens' iss claim, which has none.",
    };
  }
  if (!ISSUER_WITHOUT_SCHEME.test(url.slice(SCHEME.length))) {
    return {
      problem: "must be https://HOST or https://HOST/id/ID, with a lowercase host and no port, query or other path",
      fix: "Copy the issuer from aws eks describe-cluster --query cluster.identity.oidc.issuer, for example https://oidc.eks.eu-west-1.amazonaws.com/id/5C1F8A6E2B9D4C7E8F0A1B2C3D4E5F60.",
    };
  }
  return undefined;
}

/** Checks the ARN of an IAM OIDC provider: `arn:PARTITION:iam::ACCOUNT:oidc-provider/HOST[/id/ID]`. */
export function checkOidcProviderArn(arn: string): NameProblem | undefined {
  const match = PROVIDER_ARN.exec(arn);
  if (match === null || !ISSUER_WITHOUT_SCHEME.test(match[3])) {
    return {
      problem: "must be the ARN of an IAM OIDC provider, arn:PARTITION:iam::ACCOUNT:oidc-provider/HOST/id/ID",
      fix: "Copy it from aws iam list-open-id-connect-providers; it ends with the issuer URL without https://.",
    };
  }
  return undefined;
}

/**
 * Returns the issuer without `https://`, the prefix of the trust policy's
 * condition keys. For a URL known only at apply time the prefix is built
 * by Terraform's `replace`, because the placeholder text of a token is not
 * the URL.
 */
export function issuerHostOf(issuerUrl: string): string {
  if (isUnresolved(issuerUrl)) {
    return Fn.replace(issuerUrl, SCHEME, "");
  }
  return issuerUrl.slice(SCHEME.length);
}

/**
 * Returns the issuer part of a provider ARN, the text after `oidc-provider/`.
 * For an ARN known only at apply time it is cut out by Terraform.
 */
export function issuerHostOfProviderArn(arn: string): string {
  if (isUnresolved(arn)) {
    return Token.asString(Fn.element(Fn.split("oidc-provider/", arn), 1));
  }
  return arn.slice(arn.indexOf("oidc-provider/") + "oidc-provider/".length);
}

/** Builds the ARN that IAM gives the provider of an issuer. */
export function oidcProviderArn(partition: string, accountId: string, issuerHost: string): string {
  return `arn:${partition}:iam::${accountId}:oidc-provider/${issuerHost}`;
}
