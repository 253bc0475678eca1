import { splitTemplate } from "../support/hcl-template";

describe("splitTemplate", () => {
  it("separates literals from interpolations", () => {
    const parts = splitTemplate("arn:${data.aws_partition.current.partition}:iam::x");

    expect(parts).toEqual([
      { kind: "literal", text: "arn:" },
      {
        kind: "interpolation",
        source: "data.aws_partition.current.partition",
        text: "${data.aws_partition.current.partition}",
      },
      { kind: "literal", text: ":iam::x" },
    ]);
  });

  it("skips quoted strings and braces inside an expression", () => {
    const template = '{"k":"${replace(a.b, "}", "")}:sub","o":"${jsonencode({x = {y = 1}})}"}';

    const sequences = splitTemplate(template).filter((part) => part.kind !== "literal");

    expect(sequences.map((part) => part.text)).toEqual(['${replace(a.b, "}", "")}', "${jsonencode({x = {y = 1}})}"]);
  });

  it("treats escaped sequences as literal text", () => {
    const parts = splitTemplate("$${aws_x.y.z} and %%{if}");

    expect(parts).toEqual([{ kind: "literal", text: "$${aws_x.y.z} and %%{if}" }]);
  });

  it("reports directives separately from interpolations", () => {
    const parts = splitTemplate("%{ if true }yes%{ endif }");

    expect(parts.map((part) => part.kind)).toEqual(["directive", "literal", "directive"]);
  });

  it("finds nested templates inside quoted strings", () => {
    const template = '${upper("${lower("A}")}")}!';

    const parts = splitTemplate(template);

    expect(parts).toHaveLength(2);
    expect(parts[0].text).toBe('${upper("${lower("A}")}")}');
    expect(parts[1]).toEqual({ kind: "literal", text: "!" });
  });

  it("reproduces the input when parts are joined", () => {
    const template = 'a$${b}${c.d["e"]}%{ for x in y }${x}%{ endfor }"\\z';

    expect(
      splitTemplate(template)
        .map((part) => part.text)
        .join(""),
    ).toBe(template);
  });

  it("rejects an unterminated interpolation", () => {
    expect(() => splitTemplate("x ${aws_iam_role.r.arn")).toThrow(/Unterminated template sequence starting at offset 2/);
  });

  it("rejects an unterminated quoted string", () => {
    expect(() => splitTemplate('${replace(a, "x, "")')).toThrow(/Unterminated/);
  });

  it("rejects a heredoc inside an expression", () => {
    expect(() => splitTemplate("${<<EOT\nx\nEOT\n}")).toThrow(/heredocs and comments/);
  });
});
