/**
 * Splitting of ARNs whose parts may be Terraform interpolations, such as
 * `arn:${data.aws_partition.current.partition}:ecs:eu-west-1:111122223333:*`.
 */
import { parseTemplate } from "./terraform-template";

/** The fields of an ARN; each may hold an interpolation. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  /** Everything after the fifth colon, for example `role/app` or `*`. */
  readonly resource: string;
}

/** An IAM identity named by an ARN. */
export interface IamIdentityArn {
  readonly account: string;
  /** `role`, `user`, `root`, `assumed-role`, `oidc-provider` or `saml-provider`. */
  readonly resourceType: string;
  /** The path between the type and the name, `/` when none. */
  readonly path: string;
  /** The last segment: role, user or provider name, or the session name of an assumed role. */
  readonly name: string;
  /** For `assumed-role`, the role name; else undefined. */
  readonly roleName?: string;
}

/** Splits an ARN on the colons outside interpolations, or returns undefined when it is not an ARN. */
export function parseArn(text: string): ArnParts | undefined {
  const segments: string[] = [""];
  for (const part of parseTemplate(text)) {
    if ("expression" in part) {
      segments[segments.length - 1] += `\${${part.expression}}`;
      continue;
    }
    const pieces = part.literal.split(":");
    segments[segments.length - 1] += pieces[0];
    segments.push(...pieces.slice(1));
  }
  if (segments.length < 6 || segments[0] !== "arn") return undefined;
  return {
    partition: segments[1],
    service: segments[2],
    region: segments[3],
    account: segments[4],
    resource: segments.slice(5).join(":"),
  };
}

/** Reads an IAM or STS identity ARN; undefined for any other ARN. */
export function parseIamIdentityArn(text: string): IamIdentityArn | undefined {
  const arn = parseArn(text);
  if (arn === undefined || (arn.service !== "iam" && arn.service !== "sts")) return undefined;
  if (arn.resource === "root") return { account: arn.account, resourceType: "root", path: "/", name: "root" };
  const slash = arn.resource.indexOf("/");
  if (slash < 0) return undefined;
  const resourceType = arn.resource.slice(0, slash);
  const rest = arn.resource.slice(slash + 1);
  if (resourceType === "assumed-role") {
    const [roleName, ...session] = rest.split("/");
    return { account: arn.account, resourceType, path: "/", name: session.join("/"), roleName };
  }
  if (resourceType === "oidc-provider") {
    return { account: arn.account, resourceType, path: "/", name: rest };
  }
  const lastSlash = rest.lastIndexOf("/");
  return {
    account: arn.account,
    resourceType,
    path: lastSlash < 0 ? "/" : `/${rest.slice(0, lastSlash + 1)}`,
    name: rest.slice(lastSlash + 1),
  };
}
