import { z } from "zod";
import { NameProblem, checkEksClusterName, checkIssuerUrl, checkOidcProviderArn } from "../../constructs";

/**
 * Builds a string schema that applies one of the library's name checks, so
 * that the configuration and the constructs apply the same rule. The
 * message is the check's problem followed by its fix.
 */
export function checkedString(check: (value: string) => NameProblem | undefined) {
  return z.string().superRefine((value, context) => {
    const problem = check(value);
    if (problem !== undefined) {
      // The loader appends the value received, so the fix loses its final period.
      context.addIssue({ code: "custom", message: `${problem.problem}. ${problem.fix.replace(/\.$/, "")}` });
    }
  });
}

/** An EKS cluster of an environment, referred to by name from EKS workloads. */
export const eksClusterSchema = z.strictObject({
  name: checkedString(checkEksClusterName).describe("The EKS cluster name, as aws eks list-clusters shows it."),
  oidcIssuerUrl: checkedString(checkIssuerUrl).optional()
    .describe("The cluster's OIDC issuer URL, https://oidc.eks.REGION.amazonaws.com/id/ID. Needed by eks-irsa workloads unless oidcProviderArn is given."),
  oidcProviderArn: checkedString(checkOidcProviderArn).optional()
    .describe("ARN of the existing IAM OIDC provider of the cluster. Default: built from the account and oidcIssuerUrl."),
  createOidcProvider: z.boolean().optional()
    .describe("Create the IAM OIDC provider for oidcIssuerUrl in this environment's stack. Default false: the provider exists already."),
});

/** The EKS clusters of an environment. */
export const eksSchema = z.strictObject({
  clusters: z.array(eksClusterSchema).min(1, "must list at least one cluster"),
});

export type EksConfig = z.infer<typeof eksSchema>;
export type EksClusterConfig = z.infer<typeof eksClusterSchema>;
