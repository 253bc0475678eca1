import { ConfigProblem } from "./problems";
import { PlatformConfig } from "./schema";

/**
 * Checks renames and adoption: an old name must not be in use, and
 * adopting an Atlas user needs the account ID, because the import ID
 * carries the role's ARN, which must be known at plan time.
 */
export function checkLifecycleReferences(config: PlatformConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const names = config.workloads.map((workload) => workload.name);
  const oldNames: string[] = [];

  config.workloads.forEach((workload, index) => {
    const oldName = workload.renamedFrom;
    if (oldName !== undefined) {
      if (names.includes(oldName)) {
        problems.push({
          path: `workloads[${index}].renamedFrom`,
          message: "is the name of a current workload. Name a workload that no longer exists, or remove renamedFrom",
          received: oldName,
        });
      } else if (oldNames.includes(oldName)) {
        problems.push({
          path: `workloads[${index}].renamedFrom`,
          message: "is claimed by another workload too. Only one workload can take over an old name",
          received: oldName,
        });
      }
      oldNames.push(oldName);
    }

    if (workload.adopt?.atlasUser === true) {
      config.environments.forEach((environment) => {
        if (environment.aws.accountId === undefined) {
          problems.push({
            path: `workloads[${index}].adopt.atlasUser`,
            message: `needs environments.${environment.name}.aws.accountId, because the import ID carries the role ARN. Add the account ID`,
            received: true,
          });
        }
      });
    }
  });
  return problems;
}
