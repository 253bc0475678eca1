import { readFileSync } from "node:fs";
import { SAML_METADATA_LENGTH, validateSamlMetadata } from "../constructs";
import { identityProviderMetadata, signingCertificate } from "./helpers/saml-metadata";

const SOURCE = { path: "test/idp", field: "metadataFile", received: "idp.xml" };

/** Pads a document past the IAM minimum length with a trailing comment. */
function padded(document: string): string {
  return `${document}\n<!--${" ".repeat(SAML_METADATA_LENGTH.min)}-->\n`;
}

describe("validateSamlMetadata", () => {
  let metadata: string;

  beforeAll(async () => {
    metadata = identityProviderMetadata(await signingCertificate());
  });

  test("returns the entity ID and certificate count", () => {
    expect(validateSamlMetadata(metadata, SOURCE)).toEqual({ entityId: "https://idp.example.com/saml/metadata", signingCertificates: 1 });
  });

  test("accepts a default namespace and a KeyDescriptor without use", () => {
    const unprefixed = metadata
      .replace('xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"', 'xmlns="urn:oasis:names:tc:SAML:2.0:metadata"')
      .replace(/md:/g, "")
      .replace(' use="signing"', "");

    expect(validateSamlMetadata(unprefixed, SOURCE).signingCertificates).toBe(1);
  });

  test("rejects a document below the IAM minimum", () => {
    expect(() => validateSamlMetadata("<EntityDescriptor/>", SOURCE)).toThrow(
      'test/idp: metadataFile is 19 characters long, below the minimum of 1000 that IAM accepts, got "idp.xml". Use the complete metadata document',
    );
  });

  test("rejects a document above the IAM maximum", () => {
    const huge = `${metadata}<!--${"x".repeat(SAML_METADATA_LENGTH.max)}-->`;

    expect(() => validateSamlMetadata(huge, SOURCE)).toThrow(/metadataFile is \d+ characters long, above the maximum of 10000000 that IAM accepts/);
  });

  test("rejects text that is not XML", () => {
    expect(() => validateSamlMetadata(padded(JSON.stringify({ entityID: "x" })), SOURCE)).toThrow(
      /metadataFile is not well-formed XML: text appears outside the root element on line 1, got "idp\.xml"\. Export the metadata again/,
    );
  });

  test("names the line of broken XML", () => {
    const broken = metadata.replace("</md:KeyDescriptor>", "</md:KeyDescriptr>");
    const line = metadata.slice(0, metadata.indexOf("</md:KeyDescriptor>")).split("\n").length;

    expect(() => validateSamlMetadata(broken, SOURCE)).toThrow(
      `not well-formed XML: end tag </md:KeyDescriptr> does not match start tag <md:KeyDescriptor> of line 4 on line ${line}`,
    );
  });

  test("rejects an aggregate of entities", () => {
    const aggregate = metadata
      .replace("<md:EntityDescriptor ", '<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"><md:EntityDescriptor ')
      .replace("</md:EntityDescriptor>", "</md:EntityDescriptor></md:EntitiesDescriptor>");

    expect(() => validateSamlMetadata(aggregate, SOURCE)).toThrow(/has root element EntitiesDescriptor, an aggregate of several entities/);
  });

  test("rejects an EntityDescriptor outside the SAML namespace", () => {
    const wrong = metadata.replace('xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"', 'xmlns:md="urn:example:metadata"');

    expect(() => validateSamlMetadata(wrong, SOURCE)).toThrow(
      /has root element EntityDescriptor in namespace urn:example:metadata, not a SAML 2\.0 EntityDescriptor/,
    );
  });

  test("rejects a missing entityID", () => {
    const anonymous = metadata.replace(/ entityID="[^"]*"/, "");

    expect(() => validateSamlMetadata(anonymous, SOURCE)).toThrow(/has an EntityDescriptor without an entityID attribute/);
  });

  test("rejects service provider metadata", () => {
    const serviceProvider = metadata.replace(/IDPSSODescriptor/g, "SPSSODescriptor");

    expect(() => validateSamlMetadata(serviceProvider, SOURCE)).toThrow(
      /has no IDPSSODescriptor, so it does not describe an identity provider, got "idp\.xml"\. This is a service provider's metadata/,
    );
  });

  test("rejects metadata without SAML 2.0 support", () => {
    const saml11 = metadata.replace('protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"', 'protocolSupportEnumeration="urn:oasis:names:tc:SAML:1.1:protocol"');

    expect(() => validateSamlMetadata(saml11, SOURCE)).toThrow(/protocolSupportEnumeration lacks urn:oasis:names:tc:SAML:2\.0:protocol/);
  });

  test("rejects metadata with only an encryption key", () => {
    const encryptionOnly = metadata.replace('use="signing"', 'use="encryption"');

    expect(() => validateSamlMetadata(encryptionOnly, SOURCE)).toThrow(/has no signing certificate in its IDPSSODescriptor/);
  });

  test("rejects a certificate that is not X.509", () => {
    const garbled = metadata.replace(/<ds:X509Certificate>[^<]*</, `<ds:X509Certificate>${Buffer.from("not a certificate").toString("base64")}<`);

    expect(() => validateSamlMetadata(garbled, SOURCE)).toThrow(/has an X509Certificate on line 7 that is not a base64-encoded X\.509 certificate/);
  });

  test("rejects a PEM certificate inside the element", () => {
    const pem = metadata.replace("<ds:X509Certificate>", "<ds:X509Certificate>-----BEGIN CERTIFICATE-----");

    expect(() => validateSamlMetadata(pem, SOURCE)).toThrow(/without PEM header lines/);
  });

  test.each(["examples/default/saml/example-idp-metadata.xml", "examples/saml/idp-metadata.xml"])("accepts the committed example %s", (file) => {
    const summary = validateSamlMetadata(readFileSync(file, "utf8"), { ...SOURCE, received: file });

    expect(summary).toEqual({ entityId: "https://idp.example.com/saml/metadata", signingCertificates: 1 });
  });
});
