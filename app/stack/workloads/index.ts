import { WorkloadConfig } from "../../config/workloads";
import { buildEc2 } from "./ec2";
import { buildEcs } from "./ecs";
import { buildEksIrsa } from "./eks-irsa";
import { buildEksPodIdentity } from "./eks-pod-identity";
import { buildLambda } from "./lambda";
import { buildExistingRole } from "./existing-role";
import { buildIamUser } from "./iam-user";
import { buildRoleChain } from "./role-chain";
import { buildSaml } from "./saml";
import { BuildContext, BuiltWorkload } from "./types";

/** Builds any workload by dispatching on its kind. Adding a kind adds one case here. */
export function buildWorkload(context: BuildContext, workload: WorkloadConfig): BuiltWorkload {
  switch (workload.kind) {
    case "lambda":
      return buildLambda(context, workload);
    case "ecs":
      return buildEcs(context, workload);
    case "ec2":
      return buildEc2(context, workload);
    case "eks-irsa":
      return buildEksIrsa(context, workload);
    case "eks-pod-identity":
      return buildEksPodIdentity(context, workload);
    case "role-chain":
      return buildRoleChain(context, workload);
    case "saml":
      return buildSaml(context, workload);
    case "iam-user":
      return buildIamUser(context, workload);
    case "existing-role":
      return buildExistingRole(context, workload);
  }
}
