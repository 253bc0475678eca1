import { atlasUserDuplicate } from "../../constructs/guardrails/rules/atlas/user-duplicate";
import { atlasProjectUserLimit } from "../../constructs/guardrails/rules/atlas/project-user-limit";
import { atlasUserNoScopes } from "../../constructs/guardrails/rules/atlas/user-no-scopes";
import { atlasUser, check, messages, res, roleArn } from "./fixture";

describe("ATLAS-USER-DUPLICATE", () => {
  it("accepts the same identity in two projects", () => {
    expect(messages(atlasUserDuplicate, [atlasUser("a"), atlasUser("b", { project_id: "p2" })])).toEqual([]);
  });
  it("rejects the same identity twice in one stack", () => {
    expect(messages(atlasUserDuplicate, [atlasUser("a"), atlasUser("b")])).toEqual([
      "same project_id, username and auth_database_name as stack/a",
    ]);
  });
  it("rejects a twin in another stack of the app", () => {
    const other = res("mongodbatlas_database_user", "a", { ...atlasUser("a").config }, "other/a");
    const mine = atlasUser("b");
    expect(messages(atlasUserDuplicate, [mine], { allResourcesInApp: [mine, other] })).toEqual([
      "same project_id, username and auth_database_name as other/a in another stack",
    ]);
  });
  it("does not compare interpolated values across stacks", () => {
    const ref = { project_id: "${mongodbatlas_project.p.id}" };
    const other = res("mongodbatlas_database_user", "a", { ...atlasUser("a", ref).config }, "other/a");
    const mine = atlasUser("b", ref);
    expect(messages(atlasUserDuplicate, [mine], { allResourcesInApp: [mine, other] })).toEqual([]);
  });
});

describe("ATLAS-PROJECT-USER-LIMIT", () => {
  const users = (n: number, project = "p1") =>
    Array.from({ length: n }, (_, i) => atlasUser(`u${project}${i}`, { project_id: project, username: roleArn(`app${i}`) }));
  it("accepts 100 users in one project", () => {
    expect(messages(atlasProjectUserLimit, users(100))).toEqual([]);
  });
  it("rejects 101 users in one project", () => {
    const [f] = check(atlasProjectUserLimit, users(101));
    expect(f).toMatchObject({ path: "stack/up1100", message: "project has at least 101 database users across the app; the limit is 100" });
  });
  it("counts count instances and honours a raised limit", () => {
    const many = atlasUser("many", { count: 150 });
    expect(messages(atlasProjectUserLimit, [many])).toHaveLength(1);
    expect(messages(atlasProjectUserLimit, [many], { options: { atlasUsersPerProject: 150 } })).toEqual([]);
  });
});

describe("ATLAS-USER-NO-SCOPES", () => {
  it("accepts a user scoped to a cluster", () => {
    expect(messages(atlasUserNoScopes, [atlasUser("u")])).toEqual([]);
  });
  it("warns about a user without scopes", () => {
    const [f] = check(atlasUserNoScopes, [atlasUser("u", { scopes: undefined })]);
    expect(f).toMatchObject({ severity: "warning", message: "no scopes: the user can reach every cluster and data lake in the project" });
  });
});
