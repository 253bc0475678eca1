/** Every guardrail rule, in documentation order. */
import { Rule } from "../model";
import { atlasCustomRoleOrder } from "./atlas/custom-role-order";
import { atlasLabelDuplicate } from "./atlas/label-duplicate";
import { atlasProjectUserLimit } from "./atlas/project-user-limit";
import { atlasRoleAdminDb } from "./atlas/role-admin-db";
import { atlasRoleCollection } from "./atlas/role-collection";
import { atlasRoleEmptyField } from "./atlas/role-empty-field";
import { atlasRolePrivileged } from "./atlas/role-privileged";
import { atlasScopeType } from "./atlas/scope-type";
import { atlasUserAuthDb } from "./atlas/user-auth-db";
import { atlasUserCredentialMix } from "./atlas/user-credential-mix";
import { atlasUserDuplicate } from "./atlas/user-duplicate";
import { atlasUserEnumValue } from "./atlas/user-enum-value";
import { atlasUserIamTypeMismatch } from "./atlas/user-iam-type-mismatch";
import { atlasUserIamTypeMissing } from "./atlas/user-iam-type-missing";
import { atlasUserInstanceProfileArn } from "./atlas/user-instance-profile-arn";
import { atlasUserNoRoles } from "./atlas/user-no-roles";
import { atlasUserNoScopes } from "./atlas/user-no-scopes";
import { atlasUserNotIamArn } from "./atlas/user-not-iam-arn";
import { atlasUserStsArn } from "./atlas/user-sts-arn";
import { atlasUsernameWhitespace } from "./atlas/username-whitespace";
import { iamNameDuplicate } from "./iam/name-duplicate";
import { iamRolePathAtlasUser } from "./iam/role-path-atlas-user";
import { iamTrustPolicyJson } from "./iam/trust-policy-json";
import { limitChainedSessionDuration } from "./limits/chained-session-duration";
import { limitIamPath } from "./limits/iam-path";
import { limitIamTags } from "./limits/iam-tags";
import { limitIamUserName } from "./limits/iam-user-name";
import { limitInstanceProfileName } from "./limits/instance-profile-name";
import { limitOidcClientIds } from "./limits/oidc-client-ids";
import { limitOidcThumbprints } from "./limits/oidc-thumbprints";
import { limitRoleDescription } from "./limits/role-description";
import { limitRoleNamePrefix } from "./limits/role-name-prefix";
import { limitRoleName } from "./limits/role-name";
import { limitRoleSessionDuration } from "./limits/role-session-duration";
import { limitSamlProviderName } from "./limits/saml-provider-name";
import { limitTrustPolicyLength } from "./limits/trust-policy-length";
import { oidcAudMissing } from "./oidc/aud-missing";
import { oidcAudNotExact } from "./oidc/aud-not-exact";
import { oidcConditionKeyIssuerMismatch } from "./oidc/condition-key-issuer-mismatch";
import { oidcConditionKeyPrefix } from "./oidc/condition-key-prefix";
import { oidcEksSubjectFormat } from "./oidc/eks-subject-format";
import { oidcFederatedNotOidcProvider } from "./oidc/federated-not-oidc-provider";
import { oidcSetOperatorSingleValued } from "./oidc/set-operator-single-valued";
import { oidcSubMissing } from "./oidc/sub-missing";
import { oidcSubjectWildcardOnly } from "./oidc/subject-wildcard-only";
import { oidcWildcardStringEquals } from "./oidc/wildcard-string-equals";
import { principalEcsExecutionRole } from "./principals/ecs-execution-role";
import { principalFederatedPlainAssumeRole } from "./principals/federated-plain-assume-role";
import { principalPodIdentityActions } from "./principals/pod-identity-actions";
import { principalPodIdentityFargate } from "./principals/pod-identity-fargate";
import { principalSessionTagUnsatisfiable } from "./principals/session-tag-unsatisfiable";
import { principalWildcardAction } from "./principals/wildcard-action";
import { principalWildcardNoCondition } from "./principals/wildcard-no-condition";
import { samlAction } from "./saml/action";
import { samlAudMissing } from "./saml/aud-missing";
import { samlAudPartition } from "./saml/aud-partition";

/** All rules that applyGuardrails runs by default. */
export const ALL_RULES: readonly Rule[] = [
  atlasCustomRoleOrder,
  atlasLabelDuplicate,
  atlasProjectUserLimit,
  atlasRoleAdminDb,
  atlasRoleCollection,
  atlasRoleEmptyField,
  atlasRolePrivileged,
  atlasScopeType,
  atlasUserAuthDb,
  atlasUserCredentialMix,
  atlasUserDuplicate,
  atlasUserEnumValue,
  atlasUserIamTypeMismatch,
  atlasUserIamTypeMissing,
  atlasUserInstanceProfileArn,
  atlasUserNoRoles,
  atlasUserNoScopes,
  atlasUserNotIamArn,
  atlasUserStsArn,
  atlasUsernameWhitespace,
  iamNameDuplicate,
  iamRolePathAtlasUser,
  iamTrustPolicyJson,
  limitChainedSessionDuration,
  limitIamPath,
  limitIamTags,
  limitIamUserName,
  limitInstanceProfileName,
  limitOidcClientIds,
  limitOidcThumbprints,
  limitRoleDescription,
  limitRoleNamePrefix,
  limitRoleName,
  limitRoleSessionDuration,
  limitSamlProviderName,
  limitTrustPolicyLength,
  oidcAudMissing,
  oidcAudNotExact,
  oidcConditionKeyIssuerMismatch,
  oidcConditionKeyPrefix,
  oidcEksSubjectFormat,
  oidcFederatedNotOidcProvider,
  oidcSetOperatorSingleValued,
  oidcSubMissing,
  oidcSubjectWildcardOnly,
  oidcWildcardStringEquals,
  principalEcsExecutionRole,
  principalFederatedPlainAssumeRole,
  principalPodIdentityActions,
  principalPodIdentityFargate,
  principalSessionTagUnsatisfiable,
  principalWildcardAction,
  principalWildcardNoCondition,
  samlAction,
  samlAudMissing,
  samlAudPartition,
];
