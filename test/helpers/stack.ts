import { Testing, TerraformStack } from "cdktf";
import { AwsEnvironment, AwsEnvironmentProps } from "../../constructs";

/** A resource body as cdktf writes it into cdk.tf.json. */
export type ResourceBody = Record<string, unknown> & { "//"?: { metadata: { path: string } } };

/** The parsed output of one synthesized stack. */
export interface SynthesizedStack {
  readonly resource?: Record<string, Record<string, ResourceBody>>;
  readonly data?: Record<string, Record<string, ResourceBody>>;
  readonly output?: Record<string, { value: unknown }>;
}

/** The account and region most tests deploy into. */
export const TEST_ENVIRONMENT: AwsEnvironmentProps = { accountId: "111122223333", region: "eu-west-1" };

/** The Atlas project ID most tests use. */
export const PROJECT_ID = "65f1c0ffee0ddba11cafe001";

/**
 * Creates a fresh app and stack. The stack's account and region are
 * `environment`, or with "unknown" are looked up at apply time.
 */
export function newStack(environment: AwsEnvironmentProps | "unknown" = TEST_ENVIRONMENT): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "test");
  if (environment !== "unknown") {
    new AwsEnvironment(stack, environment);
  }
  return stack;
}

/** Synthesizes a stack and parses the result. */
export function synthesize(stack: TerraformStack): SynthesizedStack {
  return JSON.parse(Testing.synth(stack)) as SynthesizedStack;
}

/** Returns the resources of one type, by logical ID. */
export function resourcesOf(output: SynthesizedStack, type: string): Record<string, ResourceBody> {
  return output.resource?.[type] ?? {};
}

/** Returns the single resource of a type, and throws when there are none or several. */
export function onlyResource(output: SynthesizedStack, type: string): ResourceBody {
  const bodies = Object.values(resourcesOf(output, type));
  if (bodies.length !== 1) {
    throw new Error(`expected one ${type}, found ${bodies.length}`);
  }
  return bodies[0];
}

/** Parses and returns the trust policy of a role resource. */
export function trustPolicyOf(role: ResourceBody): { Statement: Record<string, unknown>[] } {
  return JSON.parse(role.assume_role_policy as string) as { Statement: Record<string, unknown>[] };
}
