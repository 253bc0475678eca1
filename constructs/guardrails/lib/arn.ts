/**
 * Reading IAM and STS ARNs that may hold interpolations. An interpolation is
 * read as filling part of one ARN field (an account id, a partition, a name):
 * it never adds field separators, which holds for every ARN Terraform builds.
 */
import { splitInterpolations } from "./tokens";

/** Marker standing for an unknown part inside an ARN field. */
export const UNKNOWN_MARK = "\u0000";

/** The fields of an ARN; a field containing UNKNOWN_MARK is partly unknown. */
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth colon, e.g. `role/path/name`. */
  resource: string;
}

/** Replaces interpolations with UNKNOWN_MARK so the literal structure can be read. */
export function maskInterpolations(value: string): string {
  return splitInterpolations(value)
    .map((p) => (p.kind === "literal" ? p.text : UNKNOWN_MARK))
    .join("");
}

/** True when a masked field contains no unknown part. */
export function known(field: string): boolean {
  return !field.includes(UNKNOWN_MARK);
}

/** Splits a value into ARN fields when it starts with a literal `arn:`; undefined otherwise. */
export function parseArn(value: string): ArnParts | undefined {
  const masked = maskInterpolations(value);
  if (!masked.startsWith("arn:")) return undefined;
  const fields = masked.split(":");
  if (fields.length < 6) return undefined;
  return {
    partition: fields[1],
    service: fields[2],
    region: fields[3],
    account: fields[4],
    resource: fields.slice(5).join(":"),
  };
}

/** Kind of entity an IAM-related ARN names. */
export type IamArnKind =
  | "role"
  | "user"
  | "assumed-role"
  | "sts-other"
  | "instance-profile"
  | "oidc-provider"
  | "saml-provider"
  | "other-iam"
  | "other-service"
  | "unknown";

/** Classifies a masked or plain ARN by service and resource type; `unknown` when the type is not literal. */
export function classifyArn(parts: ArnParts): IamArnKind {
  if (!known(parts.service)) return "unknown";
  if (parts.service === "sts") {
    return parts.resource.startsWith("assumed-role/") ? "assumed-role" : "sts-other";
  }
  if (parts.service !== "iam") return "other-service";
  const slash = parts.resource.indexOf("/");
  const type = slash < 0 ? parts.resource : parts.resource.slice(0, slash);
  if (!known(type)) return "unknown";
  switch (type) {
    case "role":
      return "role";
    case "user":
      return "user";
    case "assumed-role":
      return "assumed-role";
    case "instance-profile":
      return "instance-profile";
    case "oidc-provider":
      return "oidc-provider";
    case "saml-provider":
      return "saml-provider";
    default:
      return "other-iam";
  }
}

/** Path and name of a `role/...` or `user/...` resource: path `/a/b/` and name `n` for `role/a/b/n`. */
export function pathAndName(resource: string): { path: string; name: string } {
  const segments = resource.split("/").slice(1);
  const name = segments.pop() ?? "";
  return { path: "/" + segments.map((s) => s + "/").join(""), name };
}
