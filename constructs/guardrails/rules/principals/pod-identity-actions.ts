import { Rule } from "../../model";
import { findingOf } from "../../lib/finding";
import { actionsUnknown, allowsAction, identifiersOfType } from "../../lib/statement";
import { trustDocuments } from "../../lib/trust";

/** Service principal of EKS Pod Identity. */
export const POD_IDENTITY_SERVICE = "pods.eks.amazonaws.com";

const REQUIRED = ["sts:AssumeRole", "sts:TagSession"];

/** Pod Identity trust without both sts:AssumeRole and sts:TagSession. */
export const principalPodIdentityActions: Rule = {
  id: "PRINCIPAL-POD-IDENTITY-ACTIONS",
  severity: "error",
  description: "A trust policy for `pods.eks.amazonaws.com` does not allow both sts:AssumeRole and sts:TagSession.",
  reason:
    "The EKS Pod Identity agent assumes the role and attaches session tags (cluster, namespace, service account) in one call; without sts:TagSession the call is denied and the pod gets no credentials.",
  fix: 'Allow actions ["sts:AssumeRole", "sts:TagSession"] for the pods.eks.amazonaws.com service principal.',
  check(ctx) {
    return trustDocuments(ctx).flatMap((doc) => {
      const statements = doc.statements.filter(
        (s) => s.effect.toLowerCase() === "allow" && identifiersOfType(s, "Service").includes(POD_IDENTITY_SERVICE),
      );
      if (statements.length === 0 || statements.some(actionsUnknown)) return [];
      const missing = REQUIRED.filter((a) => !statements.some((s) => allowsAction(s, a)));
      if (missing.length === 0) return [];
      return [
        findingOf(principalPodIdentityActions, doc.owner, {
          field: statements[0].actionsField,
          received: JSON.stringify(statements.flatMap((s) => s.actions)),
          message: `EKS Pod Identity trust is missing ${missing.join(" and ")}`,
        }),
      ];
    });
  },
};
