import { listReferences, replaceReferences } from "../support/terraform-references";

describe("listReferences", () => {
  it("finds resource, data and indexed references", () => {
    const template =
      "${aws_iam_role.app.arn}/${data.aws_caller_identity.current.account_id}/" +
      "${mongodbatlas_advanced_cluster.main.connection_strings[0].standard_srv}";

    expect(listReferences(template)).toEqual([
      "aws_iam_role.app.arn",
      "data.aws_caller_identity.current.account_id",
      "mongodbatlas_advanced_cluster.main.connection_strings[0].standard_srv",
    ]);
  });

  it("finds references passed to functions", () => {
    const template = '${replace(aws_iam_openid_connect_provider.oidc.url, "https://", "")}:sub';

    expect(listReferences(template)).toEqual(["aws_iam_openid_connect_provider.oidc.url"]);
  });

  it("finds variables, locals and module outputs", () => {
    expect(listReferences("${var.env}-${local.prefix}-${module.network.vpc_id}")).toEqual([
      "var.env",
      "local.prefix",
      "module.network.vpc_id",
    ]);
  });

  it("finds references inside nested quoted templates", () => {
    expect(listReferences('${upper("role-${aws_iam_role.app.name}")}')).toEqual(["aws_iam_role.app.name"]);
  });

  it("keeps quoted keys in index steps", () => {
    expect(listReferences('${aws_instance.web["blue"].id}')).toEqual(['aws_instance.web["blue"].id']);
  });

  it("ignores names that are not references", () => {
    const template =
      '${jsondecode(aws_x.y.policy).Statement} ${path.module} ${each.value} ${count.index} ' +
      '${"aws_iam_role.quoted.arn"} ${provider::aws::arn_parse("a")} ${1.5e3} ${true}';

    expect(listReferences(template)).toEqual(["aws_x.y.policy"]);
  });

  it("ignores escaped sequences", () => {
    expect(listReferences("$${aws_iam_role.app.arn}")).toEqual([]);
  });

  it("lists each reference once", () => {
    expect(listReferences("${aws_iam_role.app.arn} ${aws_iam_role.app.arn}")).toEqual(["aws_iam_role.app.arn"]);
  });
});

describe("replaceReferences", () => {
  it("replaces references and keeps the rest verbatim", () => {
    const template = '{"k":"${replace(aws_iam_openid_connect_provider.oidc.url, "https://", "")}:sub","e":"$${keep}"}';

    const rewritten = replaceReferences(template, () => "var.ref_0");

    expect(rewritten).toBe('{"k":"${replace(var.ref_0, "https://", "")}:sub","e":"$${keep}"}');
  });

  it("keeps a reference when the callback returns undefined", () => {
    expect(replaceReferences("${aws_iam_role.app.arn}", () => undefined)).toBe("${aws_iam_role.app.arn}");
  });
});
