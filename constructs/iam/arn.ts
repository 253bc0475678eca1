/**
 * Parsing of the IAM and STS ARNs that can appear where an Atlas user is keyed.
 *
 * Atlas matches the ARN of the caller's identity. For a role the caller's
 * identity is `arn:PARTITION:sts::ACCOUNT:assumed-role/NAME/SESSION`, and
 * Atlas maps it back to `arn:PARTITION:iam::ACCOUNT:role/NAME`: only the role
 * name survives, never the role path.
 */

/** The kind of identity an ARN names. */
export type IamArnKind =
  | "role"
  | "user"
  | "assumed-role"
  | "federated-user"
  | "instance-profile"
  | "group"
  | "root"
  | "oidc-provider"
  | "saml-provider"
  | "other";

/** The parts of an IAM or STS ARN. */
export interface ParsedIamArn {
  readonly partition: string;
  readonly service: "iam" | "sts";
  readonly accountId: string;
  readonly kind: IamArnKind;
  /** Path between the type and the name, `/` when there is none. */
  readonly path: string;
  /** The last segment of the resource. */
  readonly name: string;
}

const ARN_PATTERN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z])?:(iam|sts)::(\d{12}):(.+)$/;

const KIND_BY_PREFIX: Readonly<Record<string, IamArnKind>> = {
  role: "role",
  user: "user",
  "assumed-role": "assumed-role",
  "federated-user": "federated-user",
  "instance-profile": "instance-profile",
  group: "group",
  "oidc-provider": "oidc-provider",
  "saml-provider": "saml-provider",
};

/** Characters IAM allows in role and user names. */
export const IAM_NAME_PATTERN = /^[\w+=,.@-]+$/;

/**
 * Parses an IAM or STS ARN.
 *
 * Returns `undefined` for anything else, including a bare name and an ARN of
 * another service.
 */
export function parseIamArn(value: string): ParsedIamArn | undefined {
  const match = ARN_PATTERN.exec(value);
  if (match === null || match[1] === undefined) {
    return undefined;
  }
  const [, partition, service, accountId, resource] = match;
  if (resource === "root") {
    return { partition, service: service as "iam" | "sts", accountId, kind: "root", path: "/", name: "root" };
  }

  const slash = resource.indexOf("/");
  const prefix = slash < 0 ? resource : resource.slice(0, slash);
  const rest = slash < 0 ? "" : resource.slice(slash + 1);
  const kind = KIND_BY_PREFIX[prefix] ?? "other";
  const segments = rest.split("/");
  const name = segments[segments.length - 1];
  const middle = segments.slice(0, -1);
  const path = middle.length === 0 ? "/" : `/${middle.join("/")}/`;
  return { partition, service: service as "iam" | "sts", accountId, kind, path, name };
}

/** Builds the ARN of a role from its parts. */
export function roleArn(partition: string, accountId: string, roleName: string, path = "/"): string {
  return `arn:${partition}:iam::${accountId}:role${path}${roleName}`;
}
