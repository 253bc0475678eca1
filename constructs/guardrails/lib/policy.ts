/**
 * IAM policy statements read from either form a stack can hold: a JSON policy
 * string (`assume_role_policy`) or the `statement` blocks of a
 * `data.aws_iam_policy_document`. Interpolated parts stay as `${...}` text.
 */
import { asList, asRecord, blockList } from "./values";
import { splitInterpolations } from "./tokens";

/** One principal entry: `AWS`, `Service`, `Federated`, `CanonicalUser`, or `*` for `"Principal": "*"`. */
export interface PolicyPrincipal {
  type: string;
  identifiers: string[];
  /** Field of the entry inside its block, for findings. */
  field: string;
}

/** One condition: operator, key, values. */
export interface PolicyCondition {
  test: string;
  variable: string;
  values: string[];
  field: string;
}

/** A statement with its parts; `known` is false for parts given as one whole expression. */
export interface PolicyStatement {
  field: string;
  effect: string;
  actions: string[];
  actionsField: string;
  notActions: string[];
  principals: PolicyPrincipal[];
  notPrincipals: PolicyPrincipal[];
  conditions: PolicyCondition[];
  conditionsField: string;
  /** False when actions, principals or conditions could not be read. */
  known: boolean;
}

const PLACEHOLDER = /@@tfexpr(\d+)@@/g;

/**
 * Parses a JSON policy text. Interpolations may hold unescaped quotes, so they
 * are swapped for placeholders before parsing and put back afterwards.
 * Returns undefined when the text is not JSON even then.
 */
export function parsePolicyText(text: string): unknown {
  const exprs: string[] = [];
  const masked = splitInterpolations(text)
    .map((p) => {
      // Keep Terraform's escapes so the restored strings read as before.
      if (p.kind === "literal") return p.text.replace(/([$%])\{/g, (_m, c: string) => c + c + "{");
      exprs.push(p.expr);
      return `@@tfexpr${exprs.length - 1}@@`;
    })
    .join("");
  let parsed: unknown;
  try {
    parsed = JSON.parse(masked);
  } catch {
    return undefined;
  }
  return restore(parsed, exprs);
}

function restore(value: unknown, exprs: string[]): unknown {
  const put = (s: string) => s.replace(PLACEHOLDER, (_m, i: string) => "${" + exprs[Number(i)] + "}");
  if (typeof value === "string") return put(value);
  if (Array.isArray(value)) return value.map((v) => restore(v, exprs));
  const rec = asRecord(value);
  if (!rec) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) out[put(k)] = restore(v, exprs);
  return out;
}

function stringList(value: unknown): string[] | undefined {
  const list = asList(value);
  return list.every((v) => typeof v === "string") ? (list as string[]) : undefined;
}

/** Key lookup that ignores case, as IAM does for policy element names. */
function element(rec: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(rec).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : rec[key];
}

function jsonPrincipals(value: unknown, field: string): PolicyPrincipal[] | undefined {
  if (value === undefined) return [];
  if (value === "*") return [{ type: "*", identifiers: ["*"], field }];
  const rec = asRecord(value);
  if (!rec) return undefined;
  const out: PolicyPrincipal[] = [];
  for (const [type, ids] of Object.entries(rec)) {
    const identifiers = stringList(ids);
    if (!identifiers) return undefined;
    out.push({ type, identifiers, field: `${field}.${type}` });
  }
  return out;
}

function jsonConditions(value: unknown, field: string): PolicyCondition[] | undefined {
  if (value === undefined) return [];
  const rec = asRecord(value);
  if (!rec) return undefined;
  const out: PolicyCondition[] = [];
  for (const [test, body] of Object.entries(rec)) {
    const keys = asRecord(body);
    if (!keys) return undefined;
    for (const [variable, raw] of Object.entries(keys)) {
      const values = asList(raw).map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
      out.push({ test, variable, values, field: `${field}.${test}[${JSON.stringify(variable)}]` });
    }
  }
  return out;
}

/** Statements of a parsed JSON policy; `field` is the prefix, e.g. `assume_role_policy`. */
export function statementsFromJson(doc: unknown, field: string): PolicyStatement[] | undefined {
  const rec = asRecord(doc);
  if (!rec) return undefined;
  const raw = element(rec, "Statement");
  const list = asList(raw);
  const statements: PolicyStatement[] = [];
  for (let i = 0; i < list.length; i += 1) {
    const st = asRecord(list[i]);
    if (!st) return undefined;
    const f = Array.isArray(raw) ? `${field}.Statement[${i}]` : `${field}.Statement`;
    const actions = stringList(element(st, "Action") ?? []);
    const notActions = stringList(element(st, "NotAction") ?? []);
    const principals = jsonPrincipals(element(st, "Principal"), `${f}.Principal`);
    const notPrincipals = jsonPrincipals(element(st, "NotPrincipal"), `${f}.NotPrincipal`);
    const conditions = jsonConditions(element(st, "Condition"), `${f}.Condition`);
    const effect = element(st, "Effect");
    statements.push({
      field: f,
      effect: typeof effect === "string" ? effect : "Allow",
      actions: actions ?? [],
      actionsField: `${f}.Action`,
      notActions: notActions ?? [],
      principals: principals ?? [],
      notPrincipals: notPrincipals ?? [],
      conditions: conditions ?? [],
      conditionsField: `${f}.Condition`,
      known: Boolean(actions && notActions && principals && notPrincipals && conditions),
    });
  }
  return statements;
}

function blockPrincipals(value: unknown, field: string): PolicyPrincipal[] | undefined {
  const blocks = blockList(value);
  if (!blocks) return undefined;
  const out: PolicyPrincipal[] = [];
  for (let i = 0; i < blocks.length; i += 1) {
    const type = blocks[i].type;
    const identifiers = stringList(blocks[i].identifiers);
    if (typeof type !== "string" || !identifiers) return undefined;
    out.push({ type, identifiers, field: `${field}[${i}]` });
  }
  return out;
}

function blockConditions(value: unknown, field: string): PolicyCondition[] | undefined {
  const blocks = blockList(value);
  if (!blocks) return undefined;
  const out: PolicyCondition[] = [];
  for (let i = 0; i < blocks.length; i += 1) {
    const { test, variable } = blocks[i];
    const values = stringList(blocks[i].values);
    if (typeof test !== "string" || typeof variable !== "string" || !values) return undefined;
    out.push({ test, variable, values, field: `${field}[${i}]` });
  }
  return out;
}

/** Statements of an `aws_iam_policy_document` data source body; undefined when `statement` is an expression. */
export function statementsFromDocument(config: Record<string, unknown>): PolicyStatement[] | undefined {
  const blocks = blockList(config.statement);
  if (!blocks) return undefined;
  return blocks.map((st, i) => {
    const f = `statement[${i}]`;
    const actions = stringList(st.actions ?? []);
    const notActions = stringList(st.not_actions ?? []);
    const principals = blockPrincipals(st.principals, `${f}.principals`);
    const notPrincipals = blockPrincipals(st.not_principals, `${f}.not_principals`);
    const conditions = blockConditions(st.condition, `${f}.condition`);
    return {
      field: f,
      effect: typeof st.effect === "string" ? st.effect : "Allow",
      actions: actions ?? [],
      actionsField: `${f}.actions`,
      notActions: notActions ?? [],
      principals: principals ?? [],
      notPrincipals: notPrincipals ?? [],
      conditions: conditions ?? [],
      conditionsField: `${f}.condition`,
      known: Boolean(actions && notActions && principals && notPrincipals && conditions),
    };
  });
}
