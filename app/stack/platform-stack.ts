import { Construct } from "constructs";
import { TerraformOutput, TerraformStack } from "cdktf";
import { AwsEnvironment, WorkloadAccess, applyGuardrails, cachedTerraform, suppressRule } from "../../constructs";
import { EnvironmentConfig } from "../config/schema";
import { WorkloadConfig } from "../config/workloads";
import { ImportBlock, importBlocksFor } from "./adoption";
import { configureBackend } from "./backend";
import { addEksOidcProviders } from "./eks-oidc-providers";
import { configureProviders } from "./providers";
import { moveFromOldName } from "./renames";
import { addSamlProviders } from "./saml-providers";
import { buildWorkload } from "./workloads";

/** Props for {@link PlatformStack}. */
export interface PlatformStackProps {
  readonly environment: EnvironmentConfig;
  readonly workloads: readonly WorkloadConfig[];
  /**
   * The project root as a path relative to the stack's output folder, where
   * local state files live.
   *
   * @default "../../.."
   */
  readonly projectRoot?: string;
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
    configureBackend(this, environment, props.projectRoot ?? "../../..");
    // The library's constructs register the guardrails too; this also covers a stack with no workloads.
    applyGuardrails(this);
    new AwsEnvironment(this, { accountId: environment.aws.accountId, region: environment.aws.region });
    const context = { scope: this, environment, namePrefix: environment.namePrefix ?? `${environment.name}-` };
    // Providers that the config creates exist even while no workload uses them, so removing the last workload destroys nothing.
    addEksOidcProviders(context);
    addSamlProviders(context);

    const imports: ImportBlock[] = [];
    for (const workload of props.workloads) {
      const built = buildWorkload(context, workload);
      for (const [suffix, value] of Object.entries(built.outputs)) {
        const output = new TerraformOutput(built.construct, `output-${suffix}`, { value });
        output.overrideLogicalId(`${workload.name.replace(/-/g, "_")}_${suffix}`);
      }
      for (const suppression of workload.suppress ?? []) {
        suppressRule(built.construct, suppression.rule, suppression.reason);
      }
      if (workload.renamedFrom !== undefined) {
        moveFromOldName(this, built.construct, workload.renamedFrom);
      }
      if (workload.adopt !== undefined && built.construct instanceof WorkloadAccess) {
        imports.push(...importBlocksFor(built.construct, environment, workload.adopt));
      }
    }
    if (imports.length > 0) {
      // Written directly: cdktf's importFrom runs `terraform version` during synth.
      this.addOverride("import", imports.sort((a, b) => a.to.localeCompare(b.to)));
    }
  }

  /** Resolves the stack once per synthesis: the guardrails and the writer share the result. */
  public override toTerraform(): any {
    return cachedTerraform(this, () => super.toTerraform());
  }
}
