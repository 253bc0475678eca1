/**
 * A small, strict XML reader for identity provider metadata.
 *
 * It checks well-formedness (one root, matched tags, quoted attributes,
 * known entity references), resolves element namespaces, and returns the
 * element tree. It rejects a DOCTYPE, because entity declarations could
 * expand the document, and it does not validate against an XML schema.
 */

/** One element of a parsed document. */
export interface XmlElement {
  /** The local name, without a prefix, for example `EntityDescriptor`. */
  readonly localName: string;
  /** The namespace URI, or "" for an element in no namespace. */
  readonly namespace: string;
  /** Attribute values by name as written, with entity references decoded. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Character data directly inside the element, decoded. */
  readonly text: string;
  /** Line of the start tag, counted from 1. */
  readonly line: number;
}

/** Raised when a document is not well-formed XML. */
export class XmlSyntaxError extends Error {
  public constructor(
    message: string,
    /** Line where the problem was found, counted from 1. */
    public readonly line: number,
  ) {
    super(`${message} on line ${line}`);
    this.name = "XmlSyntaxError";
  }
}

const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
const NAME = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y;
const WHITESPACE = /[ \t\r\n]*/y;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9A-Fa-f]{1,6}));/y;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

interface OpenElement {
  readonly localName: string;
  readonly qualifiedName: string;
  readonly namespace: string;
  readonly namespaces: ReadonlyMap<string, string>;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
  readonly line: number;
}

/**
 * Parses a document and returns its root element.
 *
 * @throws XmlSyntaxError naming the problem and its line
 */
export function parseXml(source: string): XmlElement {
  return new XmlReader(source.startsWith("\uFEFF") ? source.slice(1) : source).read();
}

class XmlReader {
  private position = 0;
  private line = 1;
  private lineCountedTo = 0;
  private readonly open: OpenElement[] = [];
  private root: XmlElement | undefined;

  public constructor(private readonly source: string) {}

  public read(): XmlElement {
    const { source } = this;
    while (this.position < source.length) {
      const markup = source.indexOf("<", this.position);
      const end = markup < 0 ? source.length : markup;
      this.readText(this.position, end);
      this.position = end;
      if (markup >= 0) {
        this.readMarkup();
      }
    }
    const unclosed = this.open[this.open.length - 1];
    if (unclosed !== undefined) {
      throw new XmlSyntaxError(`element <${unclosed.qualifiedName}> is not closed`, unclosed.line);
    }
    if (this.root === undefined) {
      throw new XmlSyntaxError("the document contains no element", this.lineAt(this.position));
    }
    return this.root;
  }

  private readMarkup(): void {
    const { source } = this;
    const at = this.position;
    if (source.startsWith("<!--", at)) {
      const close = this.closingIndex("-->", at + 4, "comment");
      if (source.slice(at + 4, close).includes("--")) {
        throw new XmlSyntaxError("a comment contains --", this.lineAt(at));
      }
      this.position = close + 3;
    } else if (source.startsWith("<![CDATA[", at)) {
      const close = this.closingIndex("]]>", at + 9, "CDATA section");
      this.currentElement(at, "a CDATA section").text += source.slice(at + 9, close);
      this.position = close + 3;
    } else if (source.startsWith("<!DOCTYPE", at)) {
      throw new XmlSyntaxError("a DOCTYPE declaration is not accepted, because its entity declarations could expand the document", this.lineAt(at));
    } else if (source.startsWith("<!", at)) {
      throw new XmlSyntaxError("a markup declaration (<!...) is not accepted outside a DOCTYPE", this.lineAt(at));
    } else if (source.startsWith("<?", at)) {
      this.readProcessingInstruction(at);
    } else if (source.startsWith("</", at)) {
      this.readEndTag(at);
    } else {
      this.readStartTag(at);
    }
  }

  private readProcessingInstruction(at: number): void {
    const close = this.closingIndex("?>", at + 2, "processing instruction");
    const target = this.matchAt(NAME, at + 2);
    if (target === undefined) {
      throw new XmlSyntaxError("a processing instruction has no target name", this.lineAt(at));
    }
    if (target.toLowerCase() === "xml" && at !== 0) {
      throw new XmlSyntaxError("the XML declaration <?xml ...?> must be at the very start of the document", this.lineAt(at));
    }
    this.position = close + 2;
  }

  private readEndTag(at: number): void {
    const name = this.matchAt(NAME, at + 2);
    if (name === undefined) {
      throw new XmlSyntaxError("an end tag has no valid name", this.lineAt(at));
    }
    let cursor = at + 2 + name.length;
    cursor += this.matchAt(WHITESPACE, cursor)?.length ?? 0;
    if (this.source[cursor] !== ">") {
      throw new XmlSyntaxError(`end tag </${name}> is not closed with >`, this.lineAt(at));
    }
    const element = this.open.pop();
    if (element === undefined) {
      throw new XmlSyntaxError(`end tag </${name}> has no matching start tag`, this.lineAt(at));
    }
    if (element.qualifiedName !== name) {
      throw new XmlSyntaxError(`end tag </${name}> does not match start tag <${element.qualifiedName}> of line ${element.line}`, this.lineAt(at));
    }
    this.position = cursor + 1;
    this.finish(element, at);
  }

  private readStartTag(at: number): void {
    const line = this.lineAt(at);
    const name = this.matchAt(NAME, at + 1);
    if (name === undefined) {
      throw new XmlSyntaxError("a < is not followed by a valid element name; write &lt; for a literal <", line);
    }
    if (this.root !== undefined && this.open.length === 0) {
      throw new XmlSyntaxError(`a second root element <${name}> follows the first`, line);
    }
    let cursor = at + 1 + name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const spaces = this.matchAt(WHITESPACE, cursor) ?? "";
      cursor += spaces.length;
      if (this.source.startsWith("/>", cursor) || this.source[cursor] === ">") {
        break;
      }
      const attribute = this.matchAt(NAME, cursor);
      if (attribute === undefined || spaces.length === 0) {
        throw new XmlSyntaxError(`start tag <${name}> is malformed near "${this.source.slice(cursor, cursor + 20)}"`, this.lineAt(cursor));
      }
      if (attribute in attributes) {
        throw new XmlSyntaxError(`attribute ${attribute} appears twice in <${name}>`, this.lineAt(cursor));
      }
      cursor += attribute.length;
      cursor += this.matchAt(WHITESPACE, cursor)?.length ?? 0;
      if (this.source[cursor] !== "=") {
        throw new XmlSyntaxError(`attribute ${attribute} of <${name}> has no value`, this.lineAt(cursor));
      }
      cursor += 1;
      cursor += this.matchAt(WHITESPACE, cursor)?.length ?? 0;
      const quote = this.source[cursor];
      if (quote !== '"' && quote !== "'") {
        throw new XmlSyntaxError(`the value of attribute ${attribute} of <${name}> is not quoted`, this.lineAt(cursor));
      }
      const close = this.source.indexOf(quote, cursor + 1);
      if (close < 0) {
        throw new XmlSyntaxError(`the value of attribute ${attribute} of <${name}> is not closed`, this.lineAt(cursor));
      }
      const raw = this.source.slice(cursor + 1, close);
      if (raw.includes("<")) {
        throw new XmlSyntaxError(`the value of attribute ${attribute} of <${name}> contains <`, this.lineAt(cursor));
      }
      attributes[attribute] = this.decode(raw, cursor + 1);
      cursor = close + 1;
    }

    const selfClosing = this.source[cursor] === "/";
    this.position = cursor + (selfClosing ? 2 : 1);
    const element = this.openElement(name, attributes, line);
    if (selfClosing) {
      this.finish(element, at);
    } else {
      this.open.push(element);
    }
  }

  private openElement(qualifiedName: string, attributes: Record<string, string>, line: number): OpenElement {
    const parent = this.open[this.open.length - 1];
    const namespaces = new Map(parent?.namespaces ?? [["xml", XML_NAMESPACE]]);
    for (const [attribute, value] of Object.entries(attributes)) {
      if (attribute === "xmlns") {
        namespaces.set("", value);
      } else if (attribute.startsWith("xmlns:")) {
        namespaces.set(attribute.slice(6), value);
      }
    }
    const colon = qualifiedName.indexOf(":");
    const prefix = colon < 0 ? "" : qualifiedName.slice(0, colon);
    const namespace = namespaces.get(prefix);
    if (namespace === undefined && prefix !== "") {
      throw new XmlSyntaxError(`element <${qualifiedName}> uses prefix ${prefix}, which no xmlns:${prefix} declares`, line);
    }
    return {
      localName: colon < 0 ? qualifiedName : qualifiedName.slice(colon + 1),
      qualifiedName,
      namespace: namespace ?? "",
      namespaces,
      attributes,
      children: [],
      text: "",
      line,
    };
  }

  private finish(open: OpenElement, at: number): void {
    const element: XmlElement = {
      localName: open.localName,
      namespace: open.namespace,
      attributes: open.attributes,
      children: open.children,
      text: open.text,
      line: open.line,
    };
    const parent = this.open[this.open.length - 1];
    if (parent !== undefined) {
      parent.children.push(element);
    } else if (this.root === undefined) {
      this.root = element;
    } else {
      throw new XmlSyntaxError("a second root element follows the first", this.lineAt(at));
    }
  }

  private readText(start: number, end: number): void {
    if (start === end) {
      return;
    }
    const raw = this.source.slice(start, end);
    const parent = this.open[this.open.length - 1];
    if (parent === undefined) {
      if (raw.trim() !== "") {
        throw new XmlSyntaxError("text appears outside the root element", this.lineAt(start + raw.search(/\S/)));
      }
      return;
    }
    parent.text += this.decode(raw, start);
  }

  /** Replaces entity and character references; rejects a bare &. */
  private decode(raw: string, offset: number): string {
    if (!raw.includes("&")) {
      return raw;
    }
    let decoded = "";
    let cursor = 0;
    for (let amp = raw.indexOf("&"); amp >= 0; amp = raw.indexOf("&", cursor)) {
      decoded += raw.slice(cursor, amp);
      ENTITY.lastIndex = amp;
      const match = ENTITY.exec(raw);
      if (match === null) {
        throw new XmlSyntaxError("a & does not start a known entity reference; write &amp; for a literal &", this.lineAt(offset + amp));
      }
      const [whole, named, decimal, hex] = match;
      const codePoint = named === undefined ? Number.parseInt(decimal ?? hex, decimal === undefined ? 16 : 10) : undefined;
      if (codePoint !== undefined && (codePoint === 0 || codePoint > 0x10ffff)) {
        throw new XmlSyntaxError(`character reference ${whole} is out of range`, this.lineAt(offset + amp));
      }
      decoded += named === undefined ? String.fromCodePoint(codePoint as number) : NAMED_ENTITIES[named];
      cursor = amp + whole.length;
    }
    return decoded + raw.slice(cursor);
  }

  private currentElement(at: number, what: string): OpenElement {
    const element = this.open[this.open.length - 1];
    if (element === undefined) {
      throw new XmlSyntaxError(`${what} appears outside the root element`, this.lineAt(at));
    }
    return element;
  }

  private closingIndex(terminator: string, from: number, what: string): number {
    const index = this.source.indexOf(terminator, from);
    if (index < 0) {
      throw new XmlSyntaxError(`a ${what} is not closed with ${terminator}`, this.lineAt(from));
    }
    return index;
  }

  private matchAt(pattern: RegExp, at: number): string | undefined {
    pattern.lastIndex = at;
    return pattern.exec(this.source)?.[0];
  }

  /** Counts lines up to `position`; positions asked for mostly increase, so counting resumes where it stopped. */
  private lineAt(position: number): number {
    if (position < this.lineCountedTo) {
      this.line = 1;
      this.lineCountedTo = 0;
    }
    for (let index = this.source.indexOf("\n", this.lineCountedTo); index >= 0 && index < position; index = this.source.indexOf("\n", index + 1)) {
      this.line += 1;
    }
    this.lineCountedTo = position;
    return this.line;
  }
}
