import { Construct, IConstruct } from "constructs";
import { TerraformResource, TerraformStack } from "cdktf";

/**
 * Moves the resources of a renamed workload from their old addresses.
 *
 * Addresses derive from the construct path, so a new name gives new
 * addresses. For each resource under `workload`, cdktf allocates an ID for
 * the same path under the old name, in a detached tree that is never
 * synthesized. A `moved` block is written from that old address.
 */
export function moveFromOldName(stack: TerraformStack, workload: IConstruct, oldName: string): void {
  const ghostStack = new GhostStack(new Construct(undefined as unknown as Construct, ""), stack.node.id);
  const base = workload.node.scopes.indexOf(workload);
  const ghostWorkload = new Construct(ghostStack, oldName);

  for (const child of workload.node.findAll()) {
    if (!(child instanceof TerraformResource)) {
      continue;
    }
    const relative = child.node.scopes.slice(base + 1).map((scope) => scope.node.id);
    let ghost = ghostWorkload;
    for (const id of relative) {
      ghost = (ghost.node.tryFindChild(id) as Construct | undefined) ?? new Construct(ghost, id);
    }
    child.moveFromId(`${child.terraformResourceType}.${ghostStack.logicalIdOf(ghost)}`);
  }
}

/** A stack that is never synthesized, used only to allocate IDs the way every stack does. */
class GhostStack extends TerraformStack {
  public logicalIdOf(scope: IConstruct): string {
    return this.allocateLogicalId(scope.node);
  }
}
