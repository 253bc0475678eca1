import { z } from "zod";
import { ec2WorkloadSchema } from "./ec2";
import { ecsWorkloadSchema } from "./ecs";
import { eksIrsaWorkloadSchema } from "./eks-irsa";
import { eksPodIdentityWorkloadSchema } from "./eks-pod-identity";
import { lambdaWorkloadSchema } from "./lambda";
import { existingRoleWorkloadSchema } from "./existing-role";
import { iamUserWorkloadSchema } from "./iam-user";
import { roleChainWorkloadSchema } from "./role-chain";
import { samlWorkloadSchema } from "./saml";

/** Every workload kind, distinguished by `kind`. Adding a kind adds one schema here. */
export const workloadSchema = z.discriminatedUnion("kind", [lambdaWorkloadSchema, ecsWorkloadSchema, ec2WorkloadSchema,
  eksIrsaWorkloadSchema, eksPodIdentityWorkloadSchema,
  roleChainWorkloadSchema, samlWorkloadSchema, iamUserWorkloadSchema, existingRoleWorkloadSchema]);

export type WorkloadConfig = z.infer<typeof workloadSchema>;
