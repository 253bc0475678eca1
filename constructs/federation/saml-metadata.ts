import { X509Certificate } from "node:crypto";
import { ConstructInputError } from "../private/errors";
import { XmlElement, XmlSyntaxError, parseXml } from "./xml-outline";

/**
 * Length limits of a SAML metadata document in characters, from the IAM API
 * reference of CreateSAMLProvider (SAMLMetadataDocument, minimum 1,000 and
 * maximum 10,000,000). The AWS provider's `aws_iam_saml_provider` checks the
 * same range.
 */
export const SAML_METADATA_LENGTH = { min: 1000, max: 10_000_000 } as const;

/** Namespace of SAML 2.0 metadata elements. */
export const SAML_METADATA_NAMESPACE = "urn:oasis:names:tc:SAML:2.0:metadata";

const SAML_PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
const XMLDSIG_NAMESPACE = "http://www.w3.org/2000/09/xmldsig#";

/** Facts read from a valid metadata document. */
export interface SamlMetadataSummary {
  /** The identity provider's entity ID, the Issuer of its assertions. */
  readonly entityId: string;
  /** How many signing certificates the IDPSSODescriptor carries. */
  readonly signingCertificates: number;
}

/** Origin of a checked document, for error messages. */
export interface SamlMetadataSource {
  /** The construct path or other location that the message starts with. */
  readonly path: string;
  /** The prop or config field that carried the document. */
  readonly field: string;
  /** The value reported as received: a file name, or the start of the document. */
  readonly received: string;
}

/**
 * Checks that a document is SAML 2.0 metadata of one identity provider that
 * IAM can accept, and returns its entity ID.
 *
 * The checks: the IAM length limits, well-formed XML, a root
 * `EntityDescriptor` in the SAML metadata namespace with an `entityID`, an
 * `IDPSSODescriptor` for the SAML 2.0 protocol, and at least one signing
 * certificate that parses as X.509. The signature of signed metadata is not
 * verified.
 *
 * @throws ConstructInputError naming the first problem found
 */
export function validateSamlMetadata(document: string, source: SamlMetadataSource): SamlMetadataSummary {
  const reject = (problem: string, fix: string): never => {
    throw new ConstructInputError(source.path, { field: source.field, received: source.received, problem, fix });
  };

  if (document.length < SAML_METADATA_LENGTH.min) {
    reject(
      `is ${document.length} characters long, below the minimum of ${SAML_METADATA_LENGTH.min} that IAM accepts`,
      "Use the complete metadata document exported by the identity provider, with its signing certificate.",
    );
  }
  if (document.length > SAML_METADATA_LENGTH.max) {
    reject(
      `is ${document.length} characters long, above the maximum of ${SAML_METADATA_LENGTH.max} that IAM accepts`,
      "Export the metadata of this one identity provider, not the aggregate of a whole federation.",
    );
  }

  let root: XmlElement;
  try {
    root = parseXml(document);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) {
      throw error;
    }
    return reject(`is not well-formed XML: ${error.message}`, "Export the metadata again from the identity provider instead of editing it by hand.");
  }

  if (root.localName === "EntitiesDescriptor") {
    reject(
      "has root element EntitiesDescriptor, an aggregate of several entities",
      "IAM needs the EntityDescriptor of one identity provider: export that provider's metadata on its own.",
    );
  }
  if (root.localName !== "EntityDescriptor" || root.namespace !== SAML_METADATA_NAMESPACE) {
    reject(
      `has root element ${describeElement(root)}, not a SAML 2.0 EntityDescriptor`,
      `Use the identity provider's SAML 2.0 metadata, whose root is <EntityDescriptor xmlns="${SAML_METADATA_NAMESPACE}">.`,
    );
  }
  const entityId = root.attributes.entityID ?? "";
  if (entityId.trim() === "") {
    reject("has an EntityDescriptor without an entityID attribute", "Export the metadata again; the entity ID is the Issuer of the provider's assertions.");
  }

  const identityProviders = metadataChildren(root, "IDPSSODescriptor");
  if (identityProviders.length === 0) {
    const serviceProvider = metadataChildren(root, "SPSSODescriptor").length > 0;
    reject(
      "has no IDPSSODescriptor, so it does not describe an identity provider",
      serviceProvider
        ? "This is a service provider's metadata. Export the metadata of the identity provider instead."
        : "Export the identity provider's metadata, which contains an IDPSSODescriptor.",
    );
  }
  const saml2 = identityProviders.filter((descriptor) => (descriptor.attributes.protocolSupportEnumeration ?? "").split(/\s+/).includes(SAML_PROTOCOL));
  if (saml2.length === 0) {
    reject(
      `has an IDPSSODescriptor whose protocolSupportEnumeration lacks ${SAML_PROTOCOL}`,
      "Export SAML 2.0 metadata; IAM does not accept SAML 1.1 or WS-Federation metadata.",
    );
  }

  const certificates = saml2.flatMap(signingCertificates);
  if (certificates.length === 0) {
    reject(
      "has no signing certificate in its IDPSSODescriptor",
      "IAM checks assertions with the certificate in <KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>. Export the metadata with its certificate.",
    );
  }
  for (const certificate of certificates) {
    if (!isX509Certificate(certificate.text)) {
      reject(
        `has an X509Certificate on line ${certificate.line} that is not a base64-encoded X.509 certificate`,
        "Export the metadata again; the certificate must be the base64 DER form without PEM header lines.",
      );
    }
  }
  return { entityId, signingCertificates: certificates.length };
}

/** Returns the X509Certificate elements of a descriptor's signing keys. A KeyDescriptor without `use` serves signing too. */
function signingCertificates(descriptor: XmlElement): XmlElement[] {
  return metadataChildren(descriptor, "KeyDescriptor")
    .filter((key) => (key.attributes.use ?? "signing") === "signing")
    .flatMap((key) => signatureChildren(key, "KeyInfo"))
    .flatMap((info) => signatureChildren(info, "X509Data"))
    .flatMap((data) => signatureChildren(data, "X509Certificate"));
}

function metadataChildren(element: XmlElement, localName: string): XmlElement[] {
  return element.children.filter((child) => child.localName === localName && child.namespace === SAML_METADATA_NAMESPACE);
}

function signatureChildren(element: XmlElement, localName: string): XmlElement[] {
  return element.children.filter((child) => child.localName === localName && child.namespace === XMLDSIG_NAMESPACE);
}

function isX509Certificate(text: string): boolean {
  const base64 = text.replace(/\s+/g, "");
  if (base64 === "" || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    return false;
  }
  try {
    new X509Certificate(Buffer.from(base64, "base64"));
    return true;
  } catch {
    return false;
  }
}

function describeElement(element: XmlElement): string {
  return element.namespace === "" ? element.localName : `${element.localName} in namespace ${element.namespace}`;
}
