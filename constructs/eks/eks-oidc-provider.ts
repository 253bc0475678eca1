import { Construct, IConstruct } from "constructs";
import { ITerraformDependable } from "cdktf";
import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { AwsEnvironment } from "../iam/aws-environment";
import { ConstructInputError } from "../private/errors";
import { isUnresolved } from "../private/tokens";
import { NameProblem } from "./kubernetes-names";
import { checkIssuerUrl, checkOidcProviderArn, issuerHostOf, issuerHostOfProviderArn, oidcProviderArn } from "./oidc-issuer";

/** The audience that the AWS SDKs request in service account tokens for IRSA. */
export const IRSA_AUDIENCE = "sts.amazonaws.com";

/** An IAM OIDC provider for a cluster's issuer, as a trust policy needs it. */
export interface IEksOidcProvider {
  /** The provider's ARN: the `Federated` principal of the trust policy. */
  readonly providerArn: string;
  /** The issuer URL without `https://`: the prefix of the condition keys. */
  readonly issuerHost: string;
  /**
   * The provider resource when this stack creates it. Roles that trust the
   * provider depend on it, because IAM rejects a trust policy that names a
   * provider that does not exist yet.
   */
  readonly dependable?: ITerraformDependable;
}

/** Props for {@link EksOidcProvider}. */
export interface EksOidcProviderProps {
  /** The cluster's issuer URL, `https://oidc.eks.REGION.amazonaws.com/id/ID`. */
  readonly issuerUrl: string;
  /**
   * Tags on the provider.
   *
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The IAM OIDC provider of an EKS cluster, created by this stack, or a
 * reference to one that exists.
 *
 * An account has one provider per issuer URL, so create it once and pass
 * it to every {@link EksIrsaAccess} of the cluster.
 *
 * The provider is created with the client ID `sts.amazonaws.com` and no
 * thumbprint. In AWS provider 6.25.0 `thumbprint_list` is optional and
 * computed, and the binding marks `thumbprintList` optional. When it is
 * omitted, IAM reads the thumbprint from the issuer's certificate itself.
 * For issuers whose certificate chains to a CA that IAM trusts, such as
 * the EKS issuers, IAM verifies the certificate with its CA library and
 * does not use the thumbprint at all.
 */
export class EksOidcProvider extends Construct implements IEksOidcProvider {
  /**
   * Refers to the existing provider of an issuer. Its ARN is built from
   * the stack's account and partition, so with both known the trust
   * policy stays literal JSON.
   */
  public static fromIssuerUrl(scope: IConstruct, issuerUrl: string): IEksOidcProvider {
    rejectIfInvalid(scope, "issuerUrl", issuerUrl, checkIssuerUrl);
    const issuerHost = issuerHostOf(issuerUrl);
    const environment = AwsEnvironment.of(scope);
    return { providerArn: oidcProviderArn(environment.partition, environment.accountId, issuerHost), issuerHost };
  }

  /**
   * Refers to an existing provider by its ARN. The issuer URL is optional:
   * when given, it must name the same issuer as the ARN.
   */
  public static fromProviderArn(scope: IConstruct, providerArn: string, issuerUrl?: string): IEksOidcProvider {
    rejectIfInvalid(scope, "providerArn", providerArn, checkOidcProviderArn);
    if (issuerUrl !== undefined) {
      rejectIfInvalid(scope, "issuerUrl", issuerUrl, checkIssuerUrl);
    }
    const arnHost = issuerHostOfProviderArn(providerArn);
    if (issuerUrl !== undefined && !isUnresolved(issuerUrl) && !isUnresolved(providerArn) && issuerHostOf(issuerUrl) !== arnHost) {
      throw new ConstructInputError(scope, {
        field: "issuerUrl",
        received: issuerUrl,
        problem: `does not name the issuer of providerArn, which ends with ${arnHost}`,
        fix: "Give the cluster's issuer and its provider's ARN, or omit issuerUrl.",
      });
    }
    return { providerArn, issuerHost: arnHost };
  }

  /** The provider resource. */
  public readonly resource: IamOpenidConnectProvider;
  public readonly providerArn: string;
  public readonly issuerHost: string;
  public readonly dependable: ITerraformDependable;

  public constructor(scope: Construct, id: string, props: EksOidcProviderProps) {
    super(scope, id);
    rejectIfInvalid(this, "issuerUrl", props.issuerUrl, checkIssuerUrl);

    this.resource = new IamOpenidConnectProvider(this, "Provider", {
      url: props.issuerUrl,
      clientIdList: [IRSA_AUDIENCE],
      tags: props.tags === undefined ? undefined : { ...props.tags },
    });
    this.dependable = this.resource;
    // The host comes from the input, not from the resource's `url`: after
    // apply the provider stores the URL as IAM returns it, without https://.
    this.issuerHost = issuerHostOf(props.issuerUrl);

    // With every part known the ARN is written out, which keeps trust
    // policies literal, and roles wait for the provider through depends_on.
    // Otherwise the resource's ARN is used, which needs no data source.
    const environment = AwsEnvironment.of(this);
    const literal = environment.isLiteral && !isUnresolved(this.issuerHost);
    this.providerArn = literal ? oidcProviderArn(environment.partition, environment.accountId, this.issuerHost) : this.resource.arn;
  }
}

function rejectIfInvalid(scope: IConstruct, field: string, value: string, check: (value: string) => NameProblem | undefined): void {
  if (isUnresolved(value)) {
    return;
  }
  const problem = check(value);
  if (problem !== undefined) {
    throw new ConstructInputError(scope, { field, received: value, ...problem });
  }
}
