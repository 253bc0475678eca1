import { Construct } from "constructs";
import { Annotations } from "cdktf";
import { IamUser } from "@cdktf/provider-aws/lib/iam-user";
import { AtlasAccessOptions, AtlasIamUser } from "../atlas/atlas-iam-user";
import { AtlasPrincipal } from "../atlas/principal";
import { ConstructInputError } from "../private/errors";
import { isUnresolved } from "../private/tokens";
import { IAM_NAME_PATTERN, parseIamArn } from "../iam/arn";
import { deriveIamName } from "../iam/names";
import { validateRoleOptions } from "../iam/role-options";

/** Props for {@link IamUserAccess}. */
export interface IamUserAccessProps {
  /** Atlas access of the user: project, grants and clusters. */
  readonly atlas: AtlasAccessOptions;
  /**
   * The ARN of an IAM user that exists already, literal or a reference.
   * Nothing is created in IAM then, and userName, path, permissionsBoundary
   * and tags must be omitted.
   *
   * @default - a user is created
   */
  readonly userArn?: string;
  /**
   * Name of the user to create, 1 to 64 letters, digits or `+=,.@_-`.
   *
   * @default - `namePrefix` followed by the construct ID, cut to 64 characters with a hash when longer
   */
  readonly userName?: string;
  /**
   * Text put in front of the generated user name. Ignored with `userName` or `userArn`.
   *
   * @default ""
   */
  readonly namePrefix?: string;
  /**
   * IAM path of the created user, `/` or `/SEGMENTS/`. It becomes part of
   * the user ARN and so of the Atlas username.
   *
   * @default "/"
   */
  readonly path?: string;
  /**
   * ARN of a managed policy that bounds the created user's permissions.
   *
   * @default - no boundary
   */
  readonly permissionsBoundary?: string;
  /**
   * Tags on the created user.
   *
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Maximum length of an IAM user name, from the IAM quotas page. */
export const USER_NAME_MAX_LENGTH = 64;
/** IAM path rules from the IAM API reference: `/`, or `/` + printable ASCII + `/`, at most 512 characters. */
const PATH_PATTERN = /^\/(?:[\x21-\x7e]+\/)?$/;
const PATH_MAX_LENGTH = 512;

/**
 * An Atlas user keyed on an IAM user, which this construct creates or is given.
 *
 * An IAM user signs requests with long-lived access keys, the weakest
 * option: they do not expire and are easily copied. Prefer a role that the
 * workload assumes ({@link RoleChainAccess}, or the construct for its
 * compute service). This construct creates no access key, and it adds a
 * warning annotation with this advice.
 */
export class IamUserAccess extends Construct {
  /** The created user, or undefined when `userArn` was given. */
  public readonly user?: IamUser;
  /** The user ARN: a reference for a created user, else the ARN given. */
  public readonly userArn: string;
  /** The user name when known at synth time. */
  public readonly userName?: string;
  /** The Atlas user keyed on the user ARN. */
  public readonly atlasUser: AtlasIamUser;

  public constructor(scope: Construct, id: string, props: IamUserAccessProps) {
    super(scope, id);

    if (props.userArn !== undefined) {
      validateReference(this, props);
      this.userArn = props.userArn;
      this.userName = isUnresolved(props.userArn) ? undefined : parseIamArn(props.userArn)?.name;
      this.atlasUser = new AtlasIamUser(this, "AtlasUser", { ...props.atlas, principal: AtlasPrincipal.fromUserArn(props.userArn) });
    } else {
      validateRoleOptions(this, { namePrefix: props.namePrefix, permissionsBoundary: props.permissionsBoundary, tags: props.tags });
      const userName = props.userName ?? deriveIamName(props.namePrefix ?? "", id, USER_NAME_MAX_LENGTH);
      validateUserName(this, userName);
      validatePath(this, props.path);
      const user = new IamUser(this, "User", {
        name: userName,
        path: props.path,
        permissionsBoundary: props.permissionsBoundary,
        tags: props.tags === undefined ? undefined : sortedRecord(props.tags),
      });
      this.user = user;
      this.userArn = user.arn;
      this.userName = userName;
      this.atlasUser = new AtlasIamUser(this, "AtlasUser", { ...props.atlas, principal: AtlasPrincipal.fromUser(user) });
    }

    Annotations.of(this).addWarning(
      `Atlas access for IAM user ${this.userName ?? this.userArn} relies on long-lived access keys, which do not expire and are easily copied. ` +
        "Prefer a role that the workload assumes. No access key is created here; create one only where no role can be used, and rotate it.",
    );
  }

  /** The Atlas username, equal to the user ARN. */
  public get atlasUsername(): string {
    return this.atlasUser.username;
  }

  /** Connection strings by cluster name; a copy. */
  public get connectionStrings(): Record<string, string> {
    return this.atlasUser.connectionStrings;
  }
}

function validateReference(scope: Construct, props: IamUserAccessProps): void {
  const arn = props.userArn as string;
  const creationProps = (["userName", "path", "permissionsBoundary", "tags"] as const).filter((key) => props[key] !== undefined);
  if (creationProps.length > 0) {
    throw new ConstructInputError(scope, {
      field: creationProps[0],
      received: props[creationProps[0]],
      problem: "cannot be combined with userArn",
      fix: "Omit userArn to create the user, or omit the settings of a created user to reference an existing one.",
    });
  }
  if (isUnresolved(arn)) {
    return;
  }
  const parsed = parseIamArn(arn);
  if (parsed === undefined || parsed.service !== "iam" || parsed.kind !== "user") {
    throw new ConstructInputError(scope, {
      field: "userArn",
      received: arn,
      problem: "is not an IAM user ARN",
      fix: "Use arn:PARTITION:iam::ACCOUNT:user/NAME. For a role, use a workload construct or AtlasIamUser with AtlasPrincipal.fromRoleArn.",
    });
  }
}

function validateUserName(scope: Construct, userName: string): void {
  if (isUnresolved(userName)) {
    return;
  }
  if (userName.length > USER_NAME_MAX_LENGTH || !IAM_NAME_PATTERN.test(userName)) {
    throw new ConstructInputError(scope, {
      field: "userName",
      received: userName,
      problem: `must be 1 to ${USER_NAME_MAX_LENGTH} letters, digits or +=,.@_- characters (it has ${userName.length})`,
      fix: "Shorten the name or omit userName to derive one within the limit.",
    });
  }
}

function validatePath(scope: Construct, path: string | undefined): void {
  if (path === undefined || isUnresolved(path)) {
    return;
  }
  if (path.length > PATH_MAX_LENGTH || !PATH_PATTERN.test(path)) {
    throw new ConstructInputError(scope, {
      field: "path",
      received: path,
      problem: `must be / or start and end with / and contain only printable ASCII characters, at most ${PATH_MAX_LENGTH} in all`,
      fix: "Use a path such as /batch/, or omit it.",
    });
  }
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]]));
}
