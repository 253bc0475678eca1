import { WorkloadAccessProps } from "../../constructs";
import { PROJECT_ID } from "./stack";

/** Props every workload test starts from: read access to one database on one cluster. */
export function baseWorkloadProps(overrides: Partial<WorkloadAccessProps> = {}): WorkloadAccessProps {
  return {
    namePrefix: "prod-",
    atlas: {
      projectId: PROJECT_ID,
      grants: [{ role: "readWrite", database: "orders" }],
      clusters: [{ name: "orders", srvHost: "orders.x7k2p.mongodb.net" }],
    },
    ...overrides,
  };
}
