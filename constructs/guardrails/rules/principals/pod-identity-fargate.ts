import { Rule, SynthResource, RuleContext } from "../../model";
import { findingOf } from "../../lib/finding";
import { literalThroughReference } from "../../lib/refs";
import { literalValue } from "../../lib/tokens";
import { asRecord, blockList, show } from "../../lib/values";

const CLUSTER_NAME = { name: "name", id: "name" };

function sameCluster(ctx: RuleContext, a: unknown, b: unknown): boolean {
  if (typeof a === "string" && a === b) return true;
  const la = literalThroughReference(ctx, a, CLUSTER_NAME);
  return la !== undefined && la === literalThroughReference(ctx, b, CLUSTER_NAME);
}

function glob(pattern: string, value: string): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${re}$`).test(value);
}

/** Rates how surely a Fargate profile takes the association's pods: `all`, `maybe` or `none`. */
function coverage(profile: SynthResource, namespace: string | undefined): "all" | "maybe" | "none" {
  const selectors = blockList(profile.config.selector);
  if (!selectors) return "maybe";
  let result: "all" | "maybe" | "none" = "none";
  for (const sel of selectors) {
    const ns = literalValue(sel.namespace);
    const labels = asRecord(sel.labels);
    const unlabeled = sel.labels === undefined || (labels !== undefined && Object.keys(labels).length === 0);
    if (ns === undefined || namespace === undefined) result = "maybe";
    else if (glob(ns, namespace)) {
      if (unlabeled) return "all";
      result = "maybe";
    }
  }
  return result;
}

/**
 * Pod Identity associations whose pods run on Fargate. It is an error when a
 * Fargate profile takes every pod of the namespace, because the association can
 * never work. It is a warning when labels or unknown values may send some pods there.
 */
export const principalPodIdentityFargate: Rule = {
  id: "PRINCIPAL-POD-IDENTITY-FARGATE",
  severity: "error",
  description: "An aws_eks_pod_identity_association targets a namespace that a Fargate profile of the same cluster selects.",
  reason:
    "EKS Pod Identity needs the Pod Identity agent DaemonSet on the node, and Fargate runs no DaemonSets: pods scheduled on Fargate get no credentials from the association.",
  fix: "Run the workload on EC2 nodes (remove the namespace from the Fargate selector) or use IAM roles for service accounts (OIDC) on Fargate.",
  check(ctx) {
    const profiles = ctx.resources.filter((r) => r.type === "aws_eks_fargate_profile");
    return ctx.resources
      .filter((r) => r.type === "aws_eks_pod_identity_association")
      .flatMap((assoc) => {
        const namespace = literalValue(assoc.config.namespace);
        const matching = profiles.filter((p) => sameCluster(ctx, p.config.cluster_name, assoc.config.cluster_name));
        const results = matching.map((p) => ({ p, c: coverage(p, namespace) }));
        const hit = results.find((r) => r.c === "all") ?? results.find((r) => r.c === "maybe");
        if (!hit) return [];
        const all = hit.c === "all";
        return [
          findingOf(principalPodIdentityFargate, assoc, {
            field: "namespace",
            received: show(assoc.config.namespace),
            message: all
              ? `Fargate profile ${hit.p.path} runs every pod of this namespace, and Fargate pods get no Pod Identity credentials`
              : `Fargate profile ${hit.p.path} may run pods of this namespace, and Fargate pods get no Pod Identity credentials`,
            severity: all ? "error" : "warning",
          }),
        ];
      });
  },
};
