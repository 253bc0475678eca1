/**
 * Checks of the Kubernetes and EKS names that appear in trust policies and
 * Pod Identity associations.
 *
 * Each check returns what is wrong and how to fix it, or `undefined`, so
 * that the constructs and the configuration loader report the same rule
 * in their own error format.
 */

/** A rejected name: the broken rule, phrased to follow the field's name, and its fix. */
export interface NameProblem {
  /** For example "must be at most 63 characters (it has 64)". */
  readonly problem: string;
  readonly fix: string;
}

/** Maximum length of a namespace, a DNS label (RFC 1123). */
export const NAMESPACE_MAX_LENGTH = 63;
/** Maximum length of a service account name, a DNS subdomain (RFC 1123). */
export const SERVICE_ACCOUNT_NAME_MAX_LENGTH = 253;
/** Maximum length of an EKS cluster name, from the CreateCluster API. */
export const EKS_CLUSTER_NAME_MAX_LENGTH = 100;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const EKS_CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]*$/;
const WILDCARDS = /[*?]/g;

/** Tells whether a name contains the IAM `StringLike` wildcards `*` or `?`. */
export function hasWildcard(value: string): boolean {
  return /[*?]/.test(value);
}

/** Minimum number of literal characters before the first wildcard of a namespace pattern. */
export const NAMESPACE_PATTERN_MIN_PREFIX = 3;
/** Namespaces that Kubernetes and EKS create for themselves; no namespace pattern may match them. */
export const RESERVED_NAMESPACES: readonly string[] = ["kube-system", "kube-public", "kube-node-lease", "default"];

/**
 * Checks a namespace.
 *
 * With `wildcards`, `*` and `?` may stand for characters, as in `team-*`.
 * A pattern must start with at least {@link NAMESPACE_PATTERN_MIN_PREFIX}
 * literal characters and must match none of the
 * {@link RESERVED_NAMESPACES}: a pattern such as `*-*` or `kube-*` would
 * trust the cluster's own service accounts, and namespaces that anyone
 * allowed to create one adds later.
 */
export function checkNamespace(value: string, wildcards: boolean): NameProblem | undefined {
  if (hasWildcard(value)) {
    if (!wildcards) {
      return noWildcards();
    }
    const problem = checkNamespacePattern(value);
    if (problem !== undefined) {
      return problem;
    }
  }
  // A wildcard matches at least one character here, so a pattern passes when some name it matches is valid.
  const name = value.replace(WILDCARDS, "a");
  if (name.length > NAMESPACE_MAX_LENGTH) {
    return {
      problem: `must be at most ${NAMESPACE_MAX_LENGTH} characters (it has ${name.length})`,
      fix: "A Kubernetes namespace is a DNS label of 1 to 63 characters. Use the namespace as kubectl shows it.",
    };
  }
  if (!DNS_LABEL.test(name)) {
    return {
      problem: "must be a DNS label: lowercase letters, digits and hyphens, starting and ending with a letter or digit",
      fix: "Use the namespace as kubectl get namespaces shows it.",
    };
  }
  return undefined;
}

/**
 * Checks a service account name.
 *
 * With `wildcards`, `*` and `?` may stand for characters, and `*` alone
 * trusts every service account of the namespace.
 */
export function checkServiceAccountName(value: string, wildcards: boolean): NameProblem | undefined {
  if (hasWildcard(value) && !wildcards) {
    return noWildcards();
  }
  const name = value.replace(WILDCARDS, "a");
  if (name.length > SERVICE_ACCOUNT_NAME_MAX_LENGTH) {
    return {
      problem: `must be at most ${SERVICE_ACCOUNT_NAME_MAX_LENGTH} characters (it has ${name.length})`,
      fix: "A service account name is a DNS subdomain of 1 to 253 characters. Use the name as kubectl shows it.",
    };
  }
  if (!DNS_SUBDOMAIN.test(name)) {
    return {
      problem: "must be a DNS subdomain: lowercase letters, digits, hyphens and dots, each dot-separated part starting and ending with a letter or digit",
      fix: "Use the name as kubectl get serviceaccounts shows it.",
    };
  }
  return undefined;
}

/**
 * Checks a namespace and a service account name together. A name of
 * wildcards alone, such as `*`, trusts every service account of the
 * namespace, so it is accepted only with an exact namespace: with a
 * namespace pattern it would trust every service account of every
 * namespace the pattern matches, including ones created later.
 */
export function checkServiceAccountPattern(namespace: string, name: string): NameProblem | undefined {
  if (hasWildcard(namespace) && name.replace(WILDCARDS, "") === "") {
    return {
      problem: `must contain at least one character besides the wildcards * and ? when the namespace is a pattern (${namespace})`,
      fix: "A name of wildcards alone is accepted only with an exact namespace. Give the name or a pattern such as api-*, or list each namespace with name \"*\".",
    };
  }
  return undefined;
}

/** Checks an EKS cluster name against the rule of the CreateCluster API. */
export function checkEksClusterName(value: string): NameProblem | undefined {
  if (value.length === 0 || value.length > EKS_CLUSTER_NAME_MAX_LENGTH || !EKS_CLUSTER_NAME.test(value)) {
    return {
      problem: `must be 1 to ${EKS_CLUSTER_NAME_MAX_LENGTH} letters, digits, hyphens or underscores, starting with a letter or digit (it has ${value.length} characters)`,
      fix: "Use the cluster name as aws eks list-clusters shows it, not its ARN or endpoint.",
    };
  }
  return undefined;
}

function noWildcards(): NameProblem {
  return {
    problem: "must not contain the wildcards * or ?",
    fix: "An EKS Pod Identity association names exactly one service account. Add one association per service account.",
  };
}

/** Tells whether an IAM `StringLike` pattern matches a value: `*` matches any sequence of characters, including none, and `?` one character. */
function matchesPattern(pattern: string, value: string): boolean {
  let source = "";
  for (const char of pattern) {
    if (char === "*") {
      source += ".*";
    } else if (char === "?") {
      source += ".";
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}$`).test(value);
}

/** Checks a namespace that contains wildcards: its literal start, and the reserved namespaces it would match. */
function checkNamespacePattern(value: string): NameProblem | undefined {
  if (value.replace(WILDCARDS, "") === "") {
    return {
      problem: "must contain at least one character besides the wildcards * and ?",
      fix: "A pattern such as team-* is accepted, but a namespace of wildcards alone would let every namespace of the cluster assume the role. List the namespaces instead.",
    };
  }
  const prefix = value.slice(0, value.search(/[*?]/));
  if (prefix.length < NAMESPACE_PATTERN_MIN_PREFIX) {
    return {
      problem: `must start with at least ${NAMESPACE_PATTERN_MIN_PREFIX} characters before the first wildcard (it has ${prefix.length})`,
      fix: "A short start matches namespaces of other teams and of the cluster itself. Use a pattern such as team-*, or list the namespaces.",
    };
  }
  const reserved = RESERVED_NAMESPACES.filter((namespace) => matchesPattern(value, namespace));
  if (reserved.length > 0) {
    return {
      problem: `must not match the namespace ${reserved.join(", ")}, which Kubernetes or EKS creates for its own service accounts`,
      fix: "Use a pattern that only your namespaces match, such as team-*, or list the namespaces.",
    };
  }
  return undefined;
}
