/**
 * The AWS account and partition of a resource, as far as the synthesized
 * JSON shows them. The account is known only from the literal
 * `allowed_account_ids` of the resource's aws provider block, which
 * Terraform enforces before it changes anything.
 */
import { RuleContext, SynthResource } from "../model";
import { partitionOfRegion } from "../../iam/partition";
import { literalValue } from "./tokens";

/** The stack of one resource and the provider block that creates it. */
export interface ResourcePlacement {
  /** Construct path of the stack, or undefined when the resource's path does not show it. */
  stack: string | undefined;
  /** Address of the provider block: `aws`, or `aws.ALIAS`. */
  provider: string;
  /** The provider block, when the context carries the stack's providers. */
  providerBlock: SynthResource | undefined;
}

/** Returns the address of the provider block a resource names in its `provider` field, else the default provider of its type. */
export function providerAddressOf(resource: SynthResource): string {
  const named = literalValue(resource.config.provider);
  return named ?? resource.type.split("_")[0];
}

/** Finds the stack and provider block of a resource of this stack (`own`) or of another stack of the app. */
export function placementOf(ctx: RuleContext, resource: SynthResource, own: boolean): ResourcePlacement {
  const provider = providerAddressOf(resource);
  const stack = stackPathOf(ctx, resource.path) ?? (own ? ctx.stackName : undefined);
  let providers = ctx.providers;
  if (!own) {
    providers = stack === undefined ? undefined : ctx.providersInApp?.[stack];
  }
  return { stack, provider, providerBlock: providers?.find((p) => p.address === provider) };
}

/**
 * Returns the literal `allowed_account_ids` of a provider block, sorted and
 * joined, or undefined when it is unset or contains an interpolation.
 */
export function accountKeyOf(providerBlock: SynthResource | undefined): string | undefined {
  const ids = providerBlock?.config.allowed_account_ids;
  if (!Array.isArray(ids) || ids.length === 0) return undefined;
  const literal = ids.map(literalValue);
  if (literal.some((id) => id === undefined)) return undefined;
  return [...(literal as string[])].sort().join(",");
}

/** Returns the single literal account of a provider block, or undefined when it allows none or several. */
export function singleAccountOf(providerBlock: SynthResource | undefined): string | undefined {
  const key = accountKeyOf(providerBlock);
  return key === undefined || key.includes(",") ? undefined : key;
}

/** Returns the partition of a provider block's literal region: `aws-cn` for cn-, `aws-us-gov` for us-gov-, else `aws`. */
export function partitionOf(providerBlock: SynthResource | undefined): string | undefined {
  const region = literalValue(providerBlock?.config.region);
  return region === undefined ? undefined : partitionOfRegion(region);
}

/**
 * True when two resources surely land in one account: the same provider
 * block of one stack, or provider blocks with the same literal
 * `allowed_account_ids`.
 */
export function sameAccount(a: ResourcePlacement, b: ResourcePlacement): boolean {
  if (a.stack !== undefined && a.stack === b.stack && a.provider === b.provider) return true;
  const key = accountKeyOf(a.providerBlock);
  return key !== undefined && key === accountKeyOf(b.providerBlock);
}

/** Returns the stack path that prefixes a construct path: the longest known stack path, else the first segment. */
function stackPathOf(ctx: RuleContext, path: string): string | undefined {
  const known = Object.keys(ctx.providersInApp ?? {}).filter((stack) => path.startsWith(`${stack}/`));
  if (known.length > 0) return known.sort((a, b) => b.length - a.length)[0];
  const slash = path.indexOf("/");
  return slash > 0 ? path.slice(0, slash) : undefined;
}
