/**
 * References between blocks of one stack, read from interpolations such as
 * `${aws_iam_role.app.arn}` or `${data.aws_iam_policy_document.trust.json}`.
 */
import { RuleContext, SynthResource } from "../model";
import { asRecord } from "./values";
import { expressions, literalValue, splitInterpolations } from "./tokens";

/** A plain reference to an attribute of one block. */
export interface Reference {
  /** True for `data.` references. */
  data: boolean;
  type: string;
  name: string;
  /** Attribute path after the block, e.g. `arn` or `identity[0].oidc[0].issuer`. */
  attribute: string;
}

const REF = /^(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)\.([A-Za-z_][\w\[\].]*)$/;

/** Reads an expression that is nothing but a block attribute reference. */
export function parseReferenceExpr(expr: string): Reference | undefined {
  const m = REF.exec(expr.trim());
  if (!m) return undefined;
  return { data: Boolean(m[1]), type: m[2], name: m[3], attribute: m[4] };
}

/** Returns the reference when the whole value is one `${type.name.attr}` interpolation. */
export function wholeReference(value: unknown): Reference | undefined {
  if (typeof value !== "string") return undefined;
  const parts = splitInterpolations(value);
  if (parts.length !== 1 || parts[0].kind !== "expr") return undefined;
  return parseReferenceExpr(parts[0].expr);
}

/** Finds the block a reference points to in the stack. */
export function resolveBlock(ctx: RuleContext, ref: Reference): SynthResource | undefined {
  const pool = ref.data ? ctx.dataSources : ctx.resources;
  return pool.find((r) => r.type === ref.type && r.name === ref.name);
}

/** True when a value mentions the block anywhere inside its interpolations. */
export function mentions(value: unknown, type: string, name: string, data = false): boolean {
  const prefix = `${data ? "data." : ""}${type}.${name}`;
  const texts: string[] = [];
  collectStrings(value, texts);
  const pattern = new RegExp(`(^|[^\\w.])${escapeRe(prefix)}(\\.|\\[|$|[^\\w-])`);
  return texts.some((t) => expressions(t).some((e) => pattern.test(e)));
}

/** True when any interpolation in the value mentions a block of the given type. */
export function mentionsType(value: unknown, type: string): boolean {
  const texts: string[] = [];
  collectStrings(value, texts);
  const pattern = new RegExp(`(^|[^\\w.])(data\\.)?${escapeRe(type)}\\.`);
  return texts.some((t) => expressions(t).some((e) => pattern.test(e)));
}

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, into));
  else {
    const rec = asRecord(value);
    if (rec) Object.values(rec).forEach((v) => collectStrings(v, into));
  }
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Returns the literal value of an input attribute, following one reference:
 * `${aws_eks_cluster.main.name}` gives the cluster's literal `name`. `echoed`
 * maps an attribute to the input it repeats unchanged (`id` to `name` for a role).
 */
export function literalThroughReference(
  ctx: RuleContext,
  value: unknown,
  echoed: Record<string, string>,
): string | undefined {
  const direct = literalValue(value);
  if (direct !== undefined) return direct;
  const ref = wholeReference(value);
  const key = ref ? echoed[ref.attribute] : undefined;
  if (!ref || !key) return undefined;
  const block = resolveBlock(ctx, ref);
  return block ? literalValue(block.config[key]) : undefined;
}
