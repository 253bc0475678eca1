/**
 * Trust policies of a stack: each role's `assume_role_policy`, either inline
 * JSON or a link to a `data.aws_iam_policy_document`, plus policy documents
 * with principals that no role links to yet (they are trust policies too).
 */
import { RuleContext, SynthResource } from "../model";
import { parsePolicyText, PolicyStatement, statementsFromDocument, statementsFromJson } from "./policy";
import { wholeReference, resolveBlock } from "./refs";

/** One trust policy and where it lives. */
export interface TrustDocument {
  /** The block findings are reported on: the role for inline JSON, else the data source. */
  owner: SynthResource;
  /** Field of the owner that contains the policy: `assume_role_policy`, or empty for a data source. */
  field: string;
  statements: PolicyStatement[];
  /** Roles that use this document as their trust policy. */
  roles: SynthResource[];
}

/** A statement with the document it belongs to. */
export interface TrustStatement {
  doc: TrustDocument;
  statement: PolicyStatement;
}

const DOC_ATTRIBUTES = ["json", "minified_json"];

/** Finds the data source a role's trust policy links to when it is a plain `${data.aws_iam_policy_document.X.json}`. */
export function linkedDocument(ctx: RuleContext, role: SynthResource): SynthResource | undefined {
  const ref = wholeReference(role.config.assume_role_policy);
  if (!ref || !ref.data || ref.type !== "aws_iam_policy_document" || !DOC_ATTRIBUTES.includes(ref.attribute)) {
    return undefined;
  }
  return resolveBlock(ctx, ref);
}

/**
 * Tells whether a statement has principals and an STS action. Resource policies
 * (bucket, key, queue policies) also have principals, but they grant no STS actions.
 */
function looksLikeTrust(st: PolicyStatement): boolean {
  const principals = st.principals.length > 0 || st.notPrincipals.length > 0;
  return principals && st.actions.some((a) => a.toLowerCase().startsWith("sts:"));
}

/** Collects every readable trust policy of the stack, each listed once. */
export function trustDocuments(ctx: RuleContext): TrustDocument[] {
  // Many rules ask for the documents of one context; parsing them once keeps a check linear in the stack's size.
  const cached = DOCUMENTS.get(ctx);
  if (cached !== undefined) {
    return cached;
  }
  const docs = parseTrustDocuments(ctx);
  DOCUMENTS.set(ctx, docs);
  return docs;
}

const DOCUMENTS = new WeakMap<RuleContext, TrustDocument[]>();

function parseTrustDocuments(ctx: RuleContext): TrustDocument[] {
  const docs: TrustDocument[] = [];
  const byData = new Map<SynthResource, TrustDocument>();
  for (const role of ctx.resources.filter((r) => r.type === "aws_iam_role")) {
    const linked = linkedDocument(ctx, role);
    if (linked) {
      let doc = byData.get(linked);
      if (!doc) {
        const statements = statementsFromDocument(linked.config);
        if (!statements) continue;
        doc = { owner: linked, field: "", statements, roles: [] };
        byData.set(linked, doc);
        docs.push(doc);
      }
      doc.roles.push(role);
      continue;
    }
    const text = role.config.assume_role_policy;
    if (typeof text !== "string" || wholeReference(text)) continue;
    const statements = statementsFromJson(parsePolicyText(text), "assume_role_policy");
    if (statements) docs.push({ owner: role, field: "assume_role_policy", statements, roles: [role] });
  }
  for (const data of ctx.dataSources.filter((d) => d.type === "aws_iam_policy_document")) {
    if (byData.has(data)) continue;
    const statements = statementsFromDocument(data.config);
    if (!statements || !statements.some(looksLikeTrust)) continue;
    docs.push({ owner: data, field: "", statements, roles: [] });
  }
  return docs;
}

/** Collects the Allow statements with principals across all trust policies of the stack. */
export function trustStatements(ctx: RuleContext): TrustStatement[] {
  return trustDocuments(ctx).flatMap((doc) =>
    doc.statements
      .filter((s) => s.effect.toLowerCase() === "allow" && s.principals.length > 0)
      .map((statement) => ({ doc, statement })),
  );
}

/** Finds the trust document a role uses, when it is readable. */
export function roleTrust(ctx: RuleContext, role: SynthResource): TrustDocument | undefined {
  let byRole = ROLE_DOCUMENTS.get(ctx);
  if (byRole === undefined) {
    byRole = new Map(trustDocuments(ctx).flatMap((doc) => doc.roles.map((owner) => [owner, doc] as const)));
    ROLE_DOCUMENTS.set(ctx, byRole);
  }
  return byRole.get(role);
}

const ROLE_DOCUMENTS = new WeakMap<RuleContext, Map<SynthResource, TrustDocument>>();
