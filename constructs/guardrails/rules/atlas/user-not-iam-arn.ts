import { Rule } from "../../model";
import { atlasUsers, isIamUser, usernameIdentity } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { show } from "../../lib/values";

const NOT_ARN = ["not-arn", "other-iam", "other-service", "oidc-provider", "saml-provider"];

/** IAM database users whose username is not an IAM role or user ARN. */
export const atlasUserNotIamArn: Rule = {
  id: "ATLAS-USER-NOT-IAM-ARN",
  severity: "error",
  description: "An IAM database user (aws_iam_type ROLE or USER) has a username that is not an IAM role or user ARN.",
  reason:
    "Atlas matches MONGODB-AWS callers by the full IAM ARN. A role name, a role id or another ARN never matches, so every login fails with an authentication error.",
  fix: "Set username to the role or user ARN, e.g. `${aws_iam_role.app.arn}` or `arn:aws:iam::123456789012:role/app`.",
  check(ctx) {
    return atlasUsers(ctx)
      .filter(isIamUser)
      .flatMap((user) => {
        const id = usernameIdentity(ctx, user.config.username);
        if (id.kind === "name-ref" && id.ref) {
          const { type, name, attribute } = id.ref;
          return [
            findingOf(atlasUserNotIamArn, user, {
              field: "username",
              received: show(user.config.username),
              message: `username references ${type}.${name}.${attribute}, which is a name, not an ARN`,
              fix: `Use \${${type}.${name}.arn} as the username.`,
            }),
          ];
        }
        if (!NOT_ARN.includes(id.kind)) return [];
        return [
          findingOf(atlasUserNotIamArn, user, {
            field: "username",
            received: show(user.config.username),
            message: `username is not an IAM role or user ARN, but aws_iam_type is ${show(user.config.aws_iam_type)}`,
          }),
        ];
      });
  },
};
