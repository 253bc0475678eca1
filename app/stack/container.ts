import { Construct } from "constructs";

/**
 * Returns the child of `scope` with ID `id`, creating an empty construct
 * there on first use. Shared resources such as identity providers live in
 * such a container, so their addresses do not depend on the workload that
 * first needed them.
 */
export function childContainer(scope: Construct, id: string): Construct {
  const existing = scope.node.tryFindChild(id);
  return existing instanceof Construct ? existing : new Construct(scope, id);
}
