import { Rule, SynthResource } from "../../model";
import { atlasUsers, userRoles } from "../../lib/atlas";
import { findingOf } from "../../lib/finding";
import { mentions } from "../../lib/refs";
import { literalValue } from "../../lib/tokens";
import { asList, show } from "../../lib/values";

function dependsOn(user: SynthResource, role: SynthResource): boolean {
  const declared = asList(user.config.depends_on).some((d) => d === role.address);
  return declared || mentions(user.config, role.type, role.name);
}

/** Users granted a custom role of the same stack without an ordering edge to it. */
export const atlasCustomRoleOrder: Rule = {
  id: "ATLAS-CUSTOM-ROLE-ORDER",
  severity: "error",
  description:
    "A user is granted a custom role by its literal name while the mongodbatlas_custom_db_role that creates it is in the same stack, with no reference or depends_on between them.",
  reason:
    "Without an edge Terraform creates both at once; the user request can reach Atlas before the role exists and fails, or passes only on a retry.",
  fix: "Use `${mongodbatlas_custom_db_role.X.role_name}` as role_name, or add the custom role to the user's depends_on.",
  check(ctx) {
    const customRoles = ctx.resources.filter((r) => r.type === "mongodbatlas_custom_db_role");
    return atlasUsers(ctx).flatMap((user) =>
      (userRoles(user) ?? []).flatMap((role, i) => {
        const name = literalValue(role.role_name);
        if (name === undefined) return [];
        const match = customRoles.find(
          (c) =>
            literalValue(c.config.role_name) === name &&
            typeof c.config.project_id === "string" &&
            c.config.project_id === user.config.project_id,
        );
        if (!match || dependsOn(user, match)) return [];
        return [
          findingOf(atlasCustomRoleOrder, user, {
            field: `roles[${i}].role_name`,
            received: show(role.role_name),
            message: `custom role ${name} is created by ${match.address} in the same apply, but the user neither references nor depends on it`,
            fix: `Set role_name to \${${match.address}.role_name} or add "${match.address}" to depends_on.`,
          }),
        ];
      }),
    );
  },
};
