import { readFileSync } from "node:fs";
import { Construct, IConstruct } from "constructs";
import { ITerraformDependable } from "cdktf";
import { IamSamlProvider } from "@cdktf/provider-aws/lib/iam-saml-provider";
import { ConstructInputError } from "../private/errors";
import { isUnresolved } from "../private/tokens";
import { AwsEnvironment } from "../iam/aws-environment";
import { SamlMetadataSummary, validateSamlMetadata } from "./saml-metadata";

/** A SAML identity provider that a role can trust. */
export interface ISamlProvider {
  /** The provider ARN: literal when it is known at synth time, else a reference. */
  readonly samlProviderArn: string;
  /**
   * The resource that a trusting role must be created after. Set when the
   * provider is made in the same app, because IAM rejects a trust policy
   * that names a provider that does not exist yet.
   */
  readonly dependable?: ITerraformDependable;
}

/** Props for {@link SamlProvider}. */
export interface SamlProviderProps {
  /**
   * The provider name, 1 to 128 letters, digits, periods, underscores or
   * hyphens. The identity provider's Role attribute names it in the
   * provider ARN, and it is unique in the account, so environments that
   * share an account need different names.
   */
  readonly name: string;
  /** The SAML 2.0 metadata XML exported by the identity provider. */
  readonly metadataDocument: string;
  /**
   * Tags on the provider.
   *
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Props for {@link SamlProvider.fromMetadataFile}. */
export interface SamlProviderFileProps extends Omit<SamlProviderProps, "metadataDocument"> {
  /** Path of the metadata XML file, read at synth time; relative paths start at the working directory. */
  readonly metadataFile: string;
}

const NAME_PATTERN = /^[\w.-]{1,128}$/;
const ARN_PATTERN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):saml-provider\/([\w.-]{1,128})$/;

/** The parts of a SAML provider ARN. */
export interface ParsedSamlProviderArn {
  readonly partition: string;
  readonly accountId: string;
  readonly name: string;
}

/** Parses `arn:PARTITION:iam::ACCOUNT:saml-provider/NAME`, or returns undefined. */
export function parseSamlProviderArn(arn: string): ParsedSamlProviderArn | undefined {
  const match = ARN_PATTERN.exec(arn);
  return match === null ? undefined : { partition: match[1], accountId: match[2], name: match[3] };
}

/** Checks that `arn`, when literal, is the ARN of a SAML provider; `field` names it in messages. */
export function validateSamlProviderArn(scope: IConstruct | string, arn: string, field: string): void {
  if (!isUnresolved(arn) && parseSamlProviderArn(arn) === undefined) {
    throw new ConstructInputError(scope, {
      field,
      received: arn,
      problem: "is not a SAML provider ARN",
      fix: "Use arn:PARTITION:iam::ACCOUNT:saml-provider/NAME, where NAME has 1 to 128 letters, digits, periods, underscores or hyphens.",
    });
  }
}

/**
 * An IAM SAML identity provider, created from the identity provider's
 * metadata, which is checked at synth time.
 *
 * Roles trust it through {@link SamlAccess}. Its ARN is literal when the
 * stack's account and region are known (see {@link AwsEnvironment}), so the
 * trust policies of those roles stay literal JSON.
 */
export class SamlProvider extends Construct implements ISamlProvider {
  /**
   * Creates a provider from a metadata file read at synth time.
   *
   * @throws ConstructInputError when the file cannot be read or is not valid metadata
   */
  public static fromMetadataFile(scope: Construct, id: string, props: SamlProviderFileProps): SamlProvider {
    const path = `${scope.node.path}/${id}`;
    let metadataDocument: string;
    try {
      metadataDocument = readFileSync(props.metadataFile, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ConstructInputError(path, {
        field: "metadataFile",
        received: props.metadataFile,
        problem: code === "ENOENT" ? "names a file that does not exist" : `cannot be read (${code ?? (error as Error).message})`,
        fix: "Save the identity provider's metadata XML at that path, or correct the path.",
      });
    }
    validateSamlMetadata(metadataDocument, { path, field: "metadataFile", received: props.metadataFile });
    return new SamlProvider(scope, id, { name: props.name, tags: props.tags, metadataDocument });
  }

  /**
   * References a provider that exists already, by its ARN; nothing is created.
   *
   * @throws ConstructInputError when a literal `arn` is not a SAML provider ARN
   */
  public static fromArn(scope: IConstruct, arn: string): ISamlProvider {
    validateSamlProviderArn(scope, arn, "samlProviderArn");
    return { samlProviderArn: arn };
  }

  /** The provider resource. */
  public readonly resource: IamSamlProvider;
  /** The provider name. */
  public readonly name: string;
  /** The identity provider's entity ID, read from the metadata. */
  public readonly entityId: string;
  /** The provider ARN: literal when the stack's account and region are known, else a reference. */
  public readonly samlProviderArn: string;

  public constructor(scope: Construct, id: string, props: SamlProviderProps) {
    super(scope, id);

    if (!isUnresolved(props.name) && !NAME_PATTERN.test(props.name)) {
      throw new ConstructInputError(this, {
        field: "name",
        received: props.name,
        problem: "must be 1 to 128 letters, digits, periods, underscores or hyphens",
        fix: "Use a name such as corporate-idp.",
      });
    }
    const summary: SamlMetadataSummary = validateSamlMetadata(props.metadataDocument, {
      path: this.node.path,
      field: "metadataDocument",
      received: excerpt(props.metadataDocument),
    });

    this.name = props.name;
    this.entityId = summary.entityId;
    this.resource = new IamSamlProvider(this, "Resource", {
      name: props.name,
      samlMetadataDocument: escapeTemplateSequences(props.metadataDocument),
      tags: props.tags === undefined ? undefined : { ...props.tags },
    });
    const environment = AwsEnvironment.of(this);
    this.samlProviderArn = environment.isLiteral && !isUnresolved(props.name)
      ? `arn:${environment.partition}:iam::${environment.accountId}:saml-provider/${props.name}`
      : this.resource.arn;
  }

  /** The provider resource, which a role that trusts this provider must wait for. */
  public get dependable(): ITerraformDependable {
    return this.resource;
  }
}

/**
 * Escapes `${` and `%{`, which Terraform would read as the start of a
 * template expression inside the metadata string.
 */
function escapeTemplateSequences(document: string): string {
  // A replacer function, because "$$" in a replacement string means one "$".
  return document.replace(/\$\{/g, () => "$${").replace(/%\{/g, "%%{");
}

function excerpt(document: string): string {
  return document.length <= 60 ? document : `${document.slice(0, 57)}...`;
}
