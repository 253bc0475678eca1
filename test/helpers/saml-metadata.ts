import { generate } from "selfsigned";

/** Settings of a generated identity provider's metadata. All names are under example.com. */
export interface MetadataOptions {
  /** The entity ID. */
  readonly entityId?: string;
  /** Host of the single sign-on endpoints. */
  readonly host?: string;
}

/**
 * Creates a self-signed RSA signing certificate for `commonName` and
 * returns its DER form in base64, as metadata carries it.
 */
export async function signingCertificate(commonName = "idp.example.com"): Promise<string> {
  const pems = await generate([{ name: "commonName", value: commonName }, { name: "organizationName", value: "Example Corp" }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate: new Date("2025-01-01T00:00:00Z"),
    notAfterDate: new Date("2045-01-01T00:00:00Z"),
  });
  return pems.cert.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
}

/**
 * Builds SAML 2.0 metadata of an identity provider with one signing
 * certificate, shaped like what identity providers export.
 */
export function identityProviderMetadata(certificate: string, options: MetadataOptions = {}): string {
  const host = options.host ?? "idp.example.com";
  const entityId = options.entityId ?? `https://${host}/saml/metadata`;
  const wrapped = certificate.match(/.{1,64}/g)?.join("\n            ") ?? certificate;
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo>
        <ds:X509Data>
          <ds:X509Certificate>
            ${wrapped}
          </ds:X509Certificate>
        </ds:X509Data>
      </ds:KeyInfo>
    </md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://${host}/saml/sso"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://${host}/saml/sso"/>
  </md:IDPSSODescriptor>
  <md:Organization>
    <md:OrganizationName xml:lang="en">Example Corp</md:OrganizationName>
    <md:OrganizationDisplayName xml:lang="en">Example Corp sign-in</md:OrganizationDisplayName>
    <md:OrganizationURL xml:lang="en">https://www.example.com/</md:OrganizationURL>
  </md:Organization>
  <md:ContactPerson contactType="technical">
    <md:EmailAddress>mailto:identity-team@example.com</md:EmailAddress>
  </md:ContactPerson>
</md:EntityDescriptor>
`;
}
