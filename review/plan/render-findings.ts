/**
 * Markdown sentences for the findings of the access review, one per finding.
 */
import { code, codeList } from "./markdown";
import type {
  AccessResourceType,
  AtlasRole,
  AtlasScope,
  AtlasUserFinding,
  Finding,
  ForcingAttribute,
  LifecycleFinding,
  PolicyCondition,
  TrustPolicyFinding,
  TrustPrincipal,
} from "./model";

/** Access lost, per resource type, while an object of that type does not exist. */
const LOSS_OF_ACCESS: Record<AccessResourceType, string> = {
  aws_eks_pod_identity_association: "pods that use this service account stop receiving the role's credentials",
  aws_iam_instance_profile: "EC2 instances that use this profile lose their role credentials",
  aws_iam_openid_connect_provider: "roles that trust this provider can no longer be assumed with its tokens",
  aws_iam_role: "workloads that assume this role lose its access",
  aws_iam_role_policy_attachment: "the role loses the permissions of this policy",
  aws_iam_saml_provider: "roles that trust this provider can no longer be assumed through SAML federation",
  aws_iam_user: "the access keys and console password of this user stop working",
  mongodbatlas_custom_db_role: "database users that hold this role lose its privileges",
  mongodbatlas_database_user: "clients that authenticate as this user lose access to Atlas",
};

/** Plain-language meaning of the `action_reason` values Terraform 1.x writes. */
const ACTION_REASONS: Record<string, string> = {
  replace_because_cannot_update: "an attribute that cannot change in place changed",
  replace_because_tainted: "the object is tainted",
  replace_by_request: "the plan was run with -replace",
  replace_by_triggers: "a replace_triggered_by reference changed",
  delete_because_no_resource_config: "the resource was removed from the configuration",
  delete_because_no_module: "its module was removed from the configuration",
  delete_because_wrong_repetition: "the resource switched between count, for_each and a single instance",
  delete_because_count_index: "the count no longer includes this index",
  delete_because_each_key: "for_each no longer includes this key",
  delete_because_no_move_target: "the target of its moved block does not exist",
};

/** Describes a finding as one sentence, without the resource address. */
export function describeFinding(finding: Finding, type: AccessResourceType): string {
  switch (finding.topic) {
    case "lifecycle":
      return describeLifecycle(finding, type);
    case "trust-policy":
      return describeTrustPolicy(finding);
    case "atlas-user":
      return describeAtlasUser(finding);
  }
}

/** Describes Terraform's `action_reason`, keeping values this file does not know as code. */
export function describeActionReason(reason: string): string {
  return ACTION_REASONS[reason] ?? code(reason);
}

function describeLifecycle(finding: LifecycleFinding, type: AccessResourceType): string {
  const loss = LOSS_OF_ACCESS[type];
  if (finding.kind === "deleted") return `Deleted, so ${loss}.`;

  const forced = finding.forcedBy.length === 0 ? "" : ` Replacement forced by ${finding.forcedBy.map(forcingText).join(", ")}.`;
  if (finding.order === "delete-before-create") {
    const until = type === "mongodbatlas_database_user" ? "until the new user exists" : "until the new object exists";
    return `Replaced (delete, then create), so ${loss} ${until}.${forced}`;
  }
  if (finding.order === "create-then-forget") {
    return `Replaced (create, then forget): the old object leaves the Terraform state but is not deleted, so it keeps its access outside Terraform.${forced}`;
  }
  return `Replaced (create, then delete): once the old object is deleted, ${loss} unless they already use the new one.${forced}`;
}

function forcingText(attribute: ForcingAttribute): string {
  if (attribute.before === undefined || attribute.after === undefined) return code(attribute.path);
  return `${code(attribute.path)} (${code(attribute.before)} → ${code(attribute.after)})`;
}

function describeTrustPolicy(finding: TrustPolicyFinding): string {
  const sid = "sid" in finding ? finding.sid : undefined;
  const inStatement = sid === undefined ? "" : ` in statement ${code(sid)}`;
  switch (finding.kind) {
    case "principal-added":
      return `Trust policy admits a new principal ${principalText(finding.principal)} for ${codeList(finding.actions)}.`;
    case "principal-removed":
      return `Trust policy no longer trusts ${principalText(finding.principal)} for ${codeList(finding.actions)}.`;
    case "action-added":
      return `Trust policy lets ${principalText(finding.principal)} also call ${code(finding.action)}.`;
    case "action-removed":
      return `Trust policy no longer lets ${principalText(finding.principal)} call ${code(finding.action)}.`;
    case "condition-block-dropped":
      return (
        `Trust policy drops the Condition block${inStatement}, which required ${finding.removed.map(conditionText).join(" and ")}. ` +
        "Its principals can now assume the role without those checks."
      );
    case "condition-key-removed":
      return `Trust policy removes the condition ${conditionText(finding.condition)}${inStatement}.${missingClaimWarning(
        finding.condition.key
      )}`;
    case "condition-key-added":
      return `Trust policy adds the condition ${conditionText(finding.condition)}${inStatement}.`;
    case "condition-operator-changed": {
      const effect = finding.severity === "attention" ? "which can admit more requests" : "which admits the same or fewer requests";
      return (
        `Trust policy changes the test on ${code(finding.key)}${inStatement} from ${code(finding.from.operator)} ${codeList(
          finding.from.values
        )} ` + `to ${code(finding.to.operator)} ${codeList(finding.to.values)}, ${effect}.`
      );
    }
    case "condition-values-added":
      return finding.severity === "attention"
        ? `Trust policy accepts more values for ${code(finding.operator)} ${code(finding.key)}${inStatement}: ${codeList(finding.values)}.`
        : `Trust policy excludes more values for ${code(finding.operator)} ${code(finding.key)}${inStatement}: ${codeList(
            finding.values
          )}.`;
    case "condition-values-removed":
      return finding.severity === "attention"
        ? `Trust policy no longer excludes ${codeList(finding.values)} for ${code(finding.operator)} ${code(finding.key)}${inStatement}.`
        : `Trust policy no longer accepts ${codeList(finding.values)} for ${code(finding.operator)} ${code(finding.key)}${inStatement}.`;
    case "condition-values-changed":
      return `Trust policy changes ${code(finding.operator)} ${code(finding.key)}${inStatement} from ${codeList(
        finding.before
      )} to ${codeList(finding.after)}.`;
    case "deny-statement-removed":
      return `Trust policy removes or changes a Deny statement${sid === undefined ? "" : ` (${code(sid)})`}.`;
    case "deny-statement-added":
      return `Trust policy adds a Deny statement${sid === undefined ? "" : ` (${code(sid)})`}.`;
    case "negated-statement-added":
      return `Trust policy adds an Allow statement${sid === undefined ? "" : ` (${code(sid)})`} with ${finding.elements.join(
        " and "
      )}, which admits everything it does not name.`;
    case "unknown-after-apply":
      return "Trust policy is known only after apply, so this review cannot compare it; check the configuration that builds it.";
    case "unparseable":
      return `Trust policy ${finding.side} the change could not be read (${finding.problem}); compare it by hand.`;
  }
}

function describeAtlasUser(finding: AtlasUserFinding): string {
  switch (finding.kind) {
    case "role-added":
      return `Atlas user gains the role ${roleText(finding.role)}.`;
    case "role-removed":
      return `Atlas user loses the role ${roleText(finding.role)}.`;
    case "collection-restriction-removed":
      return (
        `Atlas role ${code(finding.role.roleName)} on database ${code(finding.role.databaseName)} is no longer limited to ` +
        `collection ${code(finding.collectionName)}, so it covers every collection of the database.`
      );
    case "collection-restriction-added":
      return `Atlas role ${code(finding.role.roleName)} on database ${code(finding.role.databaseName)} is now limited to collection ${code(
        finding.role.collectionName ?? ""
      )}.`;
    case "scope-added":
      return `Atlas user can now reach ${scopeText(finding.scope)}.`;
    case "scope-removed":
      return `Atlas user can no longer reach ${scopeText(finding.scope)}.`;
    case "all-scopes-removed":
      return `Atlas user loses all scopes (was ${finding.removed
        .map(scopeText)
        .join(", ")}), so it can reach every cluster and data lake in the project.`;
    case "scopes-added-to-unscoped":
      return `Atlas user is now limited to ${finding.scopes
        .map(scopeText)
        .join(", ")} instead of every cluster and data lake in the project.`;
    case "unknown-after-apply":
      return `Atlas user ${code(finding.attribute)} are known only after apply, so this review cannot compare them.`;
  }
}

/** Explains the risk of dropping the subject or audience check of a web identity federation. */
function missingClaimWarning(key: string): string {
  const lower = key.toLowerCase();
  if (lower.endsWith(":sub")) return " Without a `sub` check, any identity the provider issues tokens for can assume the role.";
  if (lower.endsWith(":aud")) return " Without an `aud` check, tokens issued for any audience of the provider are accepted.";
  return "";
}

function principalText(principal: TrustPrincipal): string {
  if (principal.type === "AWS" && principal.value === "*") return "every principal (`*`)";
  return `${principal.type} ${code(principal.value)}`;
}

function conditionText(condition: PolicyCondition): string {
  return `${code(condition.operator)} ${code(condition.key)} = ${codeList(condition.values)}`;
}

function roleText(role: AtlasRole): string {
  const collection = role.collectionName === undefined ? "" : ` collection ${code(role.collectionName)}`;
  return `${code(role.roleName)} on database ${code(role.databaseName)}${collection}`;
}

function scopeText(scope: AtlasScope): string {
  return `${scope.type} ${code(scope.name)}`;
}
