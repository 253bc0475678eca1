import { Rule } from "../../model";
import { checkText, ofTypes } from "../../lib/limits";

/** SAML provider names outside 1-128 characters of `[\w._-]`. */
export const limitSamlProviderName: Rule = {
  id: "LIMIT-SAML-PROVIDER-NAME",
  severity: "error",
  description: "An aws_iam_saml_provider name is longer than 128 characters or has characters outside `[\\w._-]`.",
  reason: "CreateSAMLProvider API (IAM API Reference): Name is 1-128 characters of letters, digits and . _ -; IAM rejects others at apply time.",
  fix: "Shorten the SAML provider name to 128 characters and use only letters, digits and . _ -.",
  check(ctx) {
    return ofTypes(ctx.resources, ["aws_iam_saml_provider"]).flatMap((r) =>
      checkText(limitSamlProviderName, r, "name", r.config.name, { min: 1, max: 128, pattern: /^[\w.-]+$/, allowed: "letters, digits and . _ -" }),
    );
  },
};
