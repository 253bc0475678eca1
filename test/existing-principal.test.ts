import { Construct } from "constructs";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { AtlasIamUser, AtlasPrincipal } from "../constructs";
import { newStack, onlyResource, resourcesOf, synthesize } from "./helpers/stack";
import { baseWorkloadProps } from "./helpers/workloads";

/** Stands for a construct from another library that creates a role and exposes it. */
class TeamService extends Construct {
  public readonly role: IamRole;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    this.role = new IamRole(this, "TaskRole", {
      name: "team-service",
      assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
    });
  }
}

describe("Atlas users for principals made elsewhere", () => {
  test("keys a user on a literal role ARN", () => {
    const stack = newStack();
    const arn = "arn:aws:iam::111122223333:role/data-science-notebooks";
    new AtlasIamUser(stack, "notebooks", { ...baseWorkloadProps().atlas, principal: AtlasPrincipal.fromRoleArn(arn) });
    const output = synthesize(stack);

    expect(resourcesOf(output, "aws_iam_role")).toEqual({});
    const user = onlyResource(output, "mongodbatlas_database_user");
    expect(user.username).toBe(arn);
    expect(user.aws_iam_type).toBe("ROLE");
    expect(user.auth_database_name).toBe("$external");
  });

  test("keys a user on a role of another construct by reference", () => {
    const stack = newStack();
    const service = new TeamService(stack, "TeamService");
    new AtlasIamUser(stack, "team-service-db", { ...baseWorkloadProps().atlas, principal: AtlasPrincipal.fromRole(service.role) });
    const output = synthesize(stack);

    const [roleId] = Object.keys(resourcesOf(output, "aws_iam_role"));
    const user = onlyResource(output, "mongodbatlas_database_user");
    expect(user.username).toBe(`\${aws_iam_role.${roleId}.arn}`);
    expect(user.aws_iam_type).toBe("ROLE");
  });

  test("keys a user on a role ARN reference", () => {
    const stack = newStack();
    const service = new TeamService(stack, "TeamService");
    new AtlasIamUser(stack, "team-service-db", { ...baseWorkloadProps().atlas, principal: AtlasPrincipal.fromRoleArn(service.role.arn) });

    expect(onlyResource(synthesize(stack), "mongodbatlas_database_user").aws_iam_type).toBe("ROLE");
  });

  test("reads the type of a literal user ARN", () => {
    const stack = newStack();
    new AtlasIamUser(stack, "report-host", { ...baseWorkloadProps().atlas, principal: AtlasPrincipal.fromArn("arn:aws:iam::111122223333:user/report-host") });

    expect(onlyResource(synthesize(stack), "mongodbatlas_database_user").aws_iam_type).toBe("USER");
  });

  test("rejects a reference without a stated type", () => {
    const stack = newStack();
    const service = new TeamService(stack, "TeamService");

    expect(() => new AtlasIamUser(stack, "team-service-db", { ...baseWorkloadProps().atlas, principal: AtlasPrincipal.fromArn(service.role.arn) }))
      .toThrow(/test\/team-service-db: principal is a reference, so its IAM type cannot be read from it/);
  });

  test("rejects a role path unless allowed", () => {
    const arn = "arn:aws:iam::111122223333:role/service-role/notebooks";
    const stack = newStack();

    expect(() => new AtlasIamUser(stack, "notebooks", { ...baseWorkloadProps().atlas, principal: AtlasPrincipal.fromRoleArn(arn) }))
      .toThrow(/test\/notebooks: principal names a role with path \/service-role\//);
    new AtlasIamUser(stack, "allowed", { ...baseWorkloadProps().atlas, principal: AtlasPrincipal.fromRoleArn(arn), allowRolePath: true });
    expect(onlyResource(synthesize(stack), "mongodbatlas_database_user").username).toBe(arn);
  });
});
