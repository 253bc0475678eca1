import { Construct } from "constructs";
import { TerraformOutput, TerraformStack } from "cdktf";
import { AwsEnvironment } from "../../constructs";
import { EnvironmentConfig } from "../config/schema";
import { WorkloadConfig } from "../config/workloads";
import { configureProviders } from "./providers";
import { buildWorkload } from "./workloads";

/** Props for {@link PlatformStack}. */
export interface PlatformStackProps {
  readonly environment: EnvironmentConfig;
  readonly workloads: readonly WorkloadConfig[];
}

/**
 * One environment: its providers, backend, and every workload with its
 * Atlas user. Each workload's constructs and outputs are named after the
 * workload, so adding one never changes another's address.
 */
export class PlatformStack extends TerraformStack {
  public constructor(scope: Construct, props: PlatformStackProps) {
    const { environment } = props;
    super(scope, environment.name);

    configureProviders(this, environment);
    new AwsEnvironment(this, { accountId: environment.aws.accountId, region: environment.aws.region });
    const context = { scope: this, environment, namePrefix: environment.namePrefix ?? `${environment.name}-` };

    for (const workload of props.workloads) {
      const built = buildWorkload(context, workload);
      for (const [suffix, value] of Object.entries(built.outputs)) {
        const output = new TerraformOutput(built.construct, `output-${suffix}`, { value });
        output.overrideLogicalId(`${workload.name.replace(/-/g, "_")}_${suffix}`);
      }
    }
  }
}
