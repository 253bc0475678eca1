import { IConstruct } from "constructs";
import { ConstructInputError } from "../private/errors";
import { isUnresolved } from "../private/tokens";
import { IAM_NAME_PATTERN, parseIamArn } from "./arn";

/** IAM settings of a workload role. */
export interface RoleOptions {
  /**
   * The role name.
   *
   * @default - `namePrefix` followed by the construct ID, cut to 64 characters with a hash when longer
   */
  readonly roleName?: string;
  /**
   * Text put in front of generated IAM names, for example `prod-`.
   *
   * @default ""
   */
  readonly namePrefix?: string;
  /**
   * The role description.
   *
   * @default - a sentence naming the workload kind and the construct path
   */
  readonly roleDescription?: string;
  /**
   * Maximum session length in seconds, from 3600 to 43200.
   *
   * @default 3600
   */
  readonly maxSessionDuration?: number;
  /**
   * ARN of a managed policy that bounds the role's permissions.
   *
   * @default - no boundary
   */
  readonly permissionsBoundary?: string;
  /**
   * Tags on the IAM role.
   *
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Limits from the IAM quotas page ("IAM object quotas" and "IAM name and ID quotas"). */
export const IAM_LIMITS = {
  roleName: 64,
  namePrefix: 38,
  description: 1000,
  minSessionDuration: 3600,
  maxSessionDuration: 43200,
  tags: 50,
  tagKey: 128,
  tagValue: 256,
} as const;

/** Validates role options that do not depend on the generated name. */
export function validateRoleOptions(scope: IConstruct, options: RoleOptions): void {
  const { namePrefix, roleDescription, maxSessionDuration, permissionsBoundary, tags } = options;
  if (namePrefix !== undefined && namePrefix !== "") {
    checkIamName(scope, "namePrefix", namePrefix, IAM_LIMITS.namePrefix, {
      characters: "Use a prefix such as the environment name followed by a hyphen.",
      length: "Use a short prefix such as the environment name followed by a hyphen.",
    });
  }
  if (roleDescription !== undefined && !isUnresolved(roleDescription) && roleDescription.length > IAM_LIMITS.description) {
    throw new ConstructInputError(scope, {
      field: "roleDescription",
      received: roleDescription,
      problem: `must be at most ${IAM_LIMITS.description} characters (it has ${roleDescription.length})`,
      fix: "Shorten the description.",
    });
  }
  if (maxSessionDuration !== undefined) {
    const valid = Number.isInteger(maxSessionDuration)
      && maxSessionDuration >= IAM_LIMITS.minSessionDuration
      && maxSessionDuration <= IAM_LIMITS.maxSessionDuration;
    if (!valid) {
      throw new ConstructInputError(scope, {
        field: "maxSessionDuration",
        received: maxSessionDuration,
        problem: `must be a whole number of seconds from ${IAM_LIMITS.minSessionDuration} to ${IAM_LIMITS.maxSessionDuration}`,
        fix: "Give seconds, for example 3600 for one hour.",
      });
    }
  }
  if (permissionsBoundary !== undefined && !isUnresolved(permissionsBoundary) && !/^arn:[\w-]+:iam::(\d{12}|aws):policy\/.+$/.test(permissionsBoundary)) {
    throw new ConstructInputError(scope, {
      field: "permissionsBoundary",
      received: permissionsBoundary,
      problem: "must be the ARN of a managed policy",
      fix: "Use arn:aws:iam::ACCOUNT:policy/NAME.",
    });
  }
  validateTags(scope, tags ?? {});
}

/** Validates a generated or given role name. */
export function validateRoleName(scope: IConstruct, roleName: string): void {
  checkIamName(scope, "roleName", roleName, IAM_LIMITS.roleName, {
    characters: "Replace spaces, slashes and other characters, for example with hyphens.",
    length: "Shorten the name or omit roleName to derive one within the limit.",
  });
}

/**
 * Checks a literal IAM name or prefix: the characters first, because a name
 * with a space is wrong at any length, then the length.
 */
function checkIamName(scope: IConstruct, field: string, value: string, maxLength: number, fixes: { characters: string; length: string }): void {
  if (isUnresolved(value)) {
    return;
  }
  if (!IAM_NAME_PATTERN.test(value)) {
    throw new ConstructInputError(scope, {
      field,
      received: value,
      problem: "must contain only ASCII letters, digits and +=,.@_-",
      fix: fixes.characters,
    });
  }
  if (value.length > maxLength) {
    throw new ConstructInputError(scope, {
      field,
      received: value,
      problem: `must be at most ${maxLength} characters (it has ${value.length})`,
      fix: fixes.length,
    });
  }
}

/** Checks that `arn`, when literal, is the ARN of an IAM role; `field` names it in messages. */
export function validateRoleArn(scope: IConstruct, arn: string, field: string): void {
  if (isUnresolved(arn)) {
    return;
  }
  const parsed = parseIamArn(arn);
  if (parsed === undefined || parsed.kind !== "role" || parsed.service !== "iam") {
    throw new ConstructInputError(scope, {
      field,
      received: arn,
      problem: "is not an IAM role ARN",
      fix: "Use arn:PARTITION:iam::ACCOUNT:role/NAME.",
    });
  }
}

function validateTags(scope: IConstruct, tags: Readonly<Record<string, string>>): void {
  const keys = Object.keys(tags);
  if (keys.length > IAM_LIMITS.tags) {
    throw new ConstructInputError(scope, {
      field: "tags",
      received: `${keys.length} tags`,
      problem: `must have at most ${IAM_LIMITS.tags} entries`,
      fix: "Move the extra tags to the provider's default_tags or drop them.",
    });
  }
  for (const key of keys) {
    const value = tags[key];
    if (key.length === 0 || key.length > IAM_LIMITS.tagKey || key.startsWith("aws:")) {
      throw new ConstructInputError(scope, {
        field: "tags",
        received: key,
        problem: `must have keys of 1 to ${IAM_LIMITS.tagKey} characters that do not start with aws:`,
        fix: "Rename the tag key.",
      });
    }
    if (value.length > IAM_LIMITS.tagValue) {
      throw new ConstructInputError(scope, {
        field: `tags.${key}`,
        received: value,
        problem: `must be at most ${IAM_LIMITS.tagValue} characters`,
        fix: "Shorten the tag value.",
      });
    }
  }
}
