// The public entry of the library. Files under private/ are not exported.
export * from "./atlas/atlas-iam-user";
export * from "./atlas/built-in-roles";
export * from "./atlas/cluster";
export * from "./atlas/connection-string";
export * from "./atlas/grants";
export * from "./atlas/principal";
export * from "./iam/arn";
export * from "./iam/aws-environment";
export * from "./iam/names";
export * from "./iam/partition";
export * from "./iam/role-options";
export * from "./iam/trust-policy";
export * from "./workloads/ec2-instance-access";
export * from "./workloads/ecs-task-access";
export * from "./workloads/lambda-access";
export * from "./workloads/workload-access";
export { ConstructInputError, InputProblem } from "./private/errors";
