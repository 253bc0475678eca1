/** Wires the guardrail rules into cdktf synthesis as a stack validation. */
import { IConstruct } from "constructs";
import { AnnotationMetadataEntryType, Annotations, TerraformStack } from "cdktf";
import { formatFinding, runRules } from "./engine";
import { Finding, Rule, RuleContext, RuleOptions, Suppression, SynthResource } from "./model";
import { ALL_RULES } from "./rules";
import { collectSuppressions } from "./suppress";
import { modelFromTerraform } from "./synth-model";

/** Options of applyGuardrails. */
export interface GuardrailOptions {
  /** Rules to run; all rules by default. */
  rules?: readonly Rule[];
  /** Suppressions in addition to those attached with suppressRule. */
  suppressions?: readonly Suppression[];
  /** Limits that override the documented defaults (trust policy length, users per project). */
  ruleOptions?: RuleOptions;
  /** Also read the other stacks of the app for cross-stack checks; true by default. */
  crossStack?: boolean;
}

interface State {
  rules: Rule[];
  suppressions: Suppression[];
  ruleOptions: RuleOptions;
  crossStack: boolean;
}

const STATE = new WeakMap<TerraformStack, State>();

/** Adds a metadata entry once: validations may run more than once per synth (tests, repeated synth). */
function annotateOnce(construct: IConstruct, level: AnnotationMetadataEntryType, message: string): void {
  if (construct.node.metadata.some((m) => m.type === level && m.data === message)) return;
  const a = Annotations.of(construct);
  if (level === AnnotationMetadataEntryType.WARN) a.addWarning(message);
  else a.addInfo(message);
}

interface AppModel {
  resources: SynthResource[];
  providers: Record<string, SynthResource[]>;
}

type StackModel = ReturnType<typeof modelFromTerraform>;

let modelCache: Map<TerraformStack, StackModel> | undefined;
let terraformCache: Map<TerraformStack, unknown> | undefined;

/**
 * Returns `stack.toTerraform()` computed by `render`, once per stack inside
 * {@link withStackModelCache}, and freshly outside it. A stack class can
 * route its `toTerraform` through this, so that validation and synthesis
 * share one resolution of the stack.
 */
export function cachedTerraform(stack: TerraformStack, render: () => unknown): unknown {
  if (terraformCache === undefined) {
    return render();
  }
  if (!terraformCache.has(stack)) {
    terraformCache.set(stack, render());
  }
  return terraformCache.get(stack);
}

/**
 * Runs `fn` with the resolved model of each stack computed at most once.
 *
 * Every stack's validation reads the other stacks for cross-stack checks,
 * which without a cache resolves each stack once per stack of the app. Use
 * it only where the construct tree does not change inside `fn`, as in a
 * validation pass right before synthesis: nothing checks this, and a change
 * made inside `fn` would not be seen.
 */
export function withStackModelCache<T>(fn: () => T): T {
  const outerModels = modelCache;
  const outerTerraform = terraformCache;
  modelCache = outerModels ?? new Map();
  terraformCache = outerTerraform ?? new Map();
  try {
    return fn();
  } finally {
    modelCache = outerModels;
    terraformCache = outerTerraform;
  }
}

function modelOf(stack: TerraformStack): StackModel {
  const cached = modelCache?.get(stack);
  if (cached !== undefined) {
    return cached;
  }
  const model = modelFromTerraform(stack.toTerraform());
  modelCache?.set(stack, model);
  return model;
}

function appModel(stack: TerraformStack, own: SynthResource[], ownProviders: SynthResource[]): AppModel {
  const stacks = stack.node.root.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c) && c !== stack);
  const model: AppModel = { resources: [...own], providers: { [stack.node.path]: ownProviders } };
  for (const other of stacks) {
    const { resources, providers } = modelOf(other);
    model.resources.push(...resources);
    model.providers[other.node.path] = providers;
  }
  return model;
}

function run(stack: TerraformStack, state: State): string[] {
  const { resources, dataSources, providers } = modelOf(stack);
  let allResourcesInApp: SynthResource[] | undefined;
  let providersInApp: Record<string, SynthResource[]> | undefined;
  if (state.crossStack) {
    try {
      ({ resources: allResourcesInApp, providers: providersInApp } = appModel(stack, resources, providers));
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      annotateOnce(stack, AnnotationMetadataEntryType.WARN, `guardrails: cross-stack checks skipped because reading the other stacks failed: ${detail}`);
    }
  }
  const ctx: RuleContext = { resources, dataSources, stackName: stack.node.id, allResourcesInApp, providers, providersInApp, options: state.ruleOptions };
  const { findings, suppressed } = runRules(ctx, state.rules, [...collectSuppressions(stack), ...state.suppressions]);
  const byPath = new Map(stack.node.findAll().map((c) => [c.node.path, c] as const));
  const target = (f: Finding) => byPath.get(f.path) ?? stack;
  for (const f of findings.filter((x) => x.severity === "warning")) {
    annotateOnce(target(f), AnnotationMetadataEntryType.WARN, formatFinding(f));
  }
  for (const { finding, suppression } of suppressed) {
    annotateOnce(target(finding), AnnotationMetadataEntryType.INFO, `[${finding.ruleId}] suppressed: ${suppression.reason.trim()}`);
  }
  return findings.filter((x) => x.severity === "error").map(formatFinding);
}

/**
 * Checks the stack's synthesized resources during synth. Errors fail synth
 * (one validation message per finding), warnings become construct warnings,
 * suppressed findings become info annotations naming the reason. Calling it
 * again on the same stack adds rules and suppressions to the first call.
 */
export function applyGuardrails(stack: TerraformStack, options: GuardrailOptions = {}): void {
  const existing = STATE.get(stack);
  if (existing) {
    for (const rule of options.rules ?? []) if (!existing.rules.some((r) => r.id === rule.id)) existing.rules.push(rule);
    existing.suppressions.push(...(options.suppressions ?? []));
    Object.assign(existing.ruleOptions, options.ruleOptions ?? {});
    if (options.crossStack === false) existing.crossStack = false;
    return;
  }
  const state: State = {
    rules: [...(options.rules ?? ALL_RULES)],
    suppressions: [...(options.suppressions ?? [])],
    ruleOptions: { ...(options.ruleOptions ?? {}) },
    crossStack: options.crossStack ?? true,
  };
  STATE.set(stack, state);
  stack.node.addValidation({
    validate: () => {
      try {
        return run(stack, state);
      } catch (err) {
        // A failure of the guardrails themselves must not break synth, so it becomes a visible warning.
        const detail = err instanceof Error ? err.message : String(err);
        annotateOnce(stack, AnnotationMetadataEntryType.WARN, `guardrails failed and did not check this stack: ${detail}`);
        return [];
      }
    },
  });
}

/** True when applyGuardrails was called on the stack. */
export function hasGuardrails(stack: TerraformStack): boolean {
  return STATE.has(stack);
}
