import { XmlSyntaxError, parseXml } from "../constructs/federation/xml-outline";

/** Parses and returns the error message, or fails when the document parses. */
function syntaxError(source: string): string {
  try {
    parseXml(source);
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      return error.message;
    }
    throw error;
  }
  throw new Error("the document parsed without error");
}

describe("parseXml", () => {
  test("resolves prefixed and default namespaces", () => {
    const root = parseXml('<?xml version="1.0"?>\n<a:root xmlns:a="urn:a" xmlns="urn:default"><child/><a:other x="1"/></a:root>');

    expect(root.localName).toBe("root");
    expect(root.namespace).toBe("urn:a");
    expect(root.children.map((child) => [child.localName, child.namespace])).toEqual([["child", "urn:default"], ["other", "urn:a"]]);
    expect(root.children[1].attributes).toEqual({ x: "1" });
  });

  test("decodes entities in text and attributes", () => {
    const root = parseXml("<r id=\"a&amp;b &#x41;&#66;\">x &lt; y<![CDATA[ <raw> ]]></r>");

    expect(root.attributes.id).toBe("a&b AB");
    expect(root.text).toBe("x < y <raw> ");
  });

  test("skips comments and processing instructions", () => {
    const root = parseXml("<!-- before --><?app data?><r><!-- inside --><c/></r>\n<!-- after -->\n");

    expect(root.children).toHaveLength(1);
  });

  test("records start tag lines", () => {
    const root = parseXml("<r>\n  <a/>\n\n  <b/>\n</r>");

    expect(root.children.map((child) => child.line)).toEqual([2, 4]);
  });

  test("rejects mismatched end tags", () => {
    expect(syntaxError("<r>\n<a>\n</b>\n</r>")).toBe("end tag </b> does not match start tag <a> of line 2 on line 3");
  });

  test("rejects an unclosed element", () => {
    expect(syntaxError("<r>\n<a>\n</a>")).toBe("element <r> is not closed on line 1");
  });

  test("rejects a DOCTYPE", () => {
    expect(syntaxError('<!DOCTYPE r [<!ENTITY x "y">]><r/>')).toMatch(/^a DOCTYPE declaration is not accepted/);
  });

  test("rejects a bare ampersand", () => {
    expect(syntaxError("<r>\nAT&T</r>")).toBe("a & does not start a known entity reference; write &amp; for a literal & on line 2");
  });

  test("rejects an unbound prefix", () => {
    expect(syntaxError("<md:r/>")).toBe("element <md:r> uses prefix md, which no xmlns:md declares on line 1");
  });

  test("rejects a repeated attribute", () => {
    expect(syntaxError('<r a="1" a="2"/>')).toBe("attribute a appears twice in <r> on line 1");
  });

  test("rejects an unquoted attribute", () => {
    expect(syntaxError("<r a=1/>")).toBe("the value of attribute a of <r> is not quoted on line 1");
  });

  test("rejects a second root element", () => {
    expect(syntaxError("<r/>\n<s/>")).toBe("a second root element <s> follows the first on line 2");
  });

  test("rejects text outside the root", () => {
    expect(syntaxError("<r/>\ntrailing")).toBe("text appears outside the root element on line 2");
  });

  test("rejects a late XML declaration", () => {
    expect(syntaxError('<!-- c -->\n<?xml version="1.0"?><r/>')).toBe("the XML declaration <?xml ...?> must be at the very start of the document on line 2");
  });

  test("rejects a document without elements", () => {
    expect(syntaxError("  <!-- only a comment -->  ")).toMatch(/^the document contains no element/);
  });

  test("rejects JSON", () => {
    expect(syntaxError('{"entityID": "x"}')).toBe("text appears outside the root element on line 1");
  });
});
