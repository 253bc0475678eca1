import { Rule, RuleContext, SynthResource } from "../../model";
import { ResourcePlacement, placementOf, sameAccount } from "../../lib/accounts";
import { findingOf } from "../../lib/finding";
import { literalValue } from "../../lib/tokens";
import { isRepeated, show } from "../../lib/values";

/** The field that names each IAM entity in its account. */
const NAME_FIELD: Readonly<Record<string, string>> = {
  aws_iam_role: "name",
  aws_iam_user: "name",
  aws_iam_instance_profile: "name",
  aws_iam_saml_provider: "name",
  aws_iam_openid_connect_provider: "url",
};

interface Named {
  block: SynthResource;
  field: string;
  /** Type and normalized name: what IAM compares. */
  key: string;
  placement: ResourcePlacement;
}

/** IAM compares names ignoring case; a provider URL by its host and path, without the scheme. */
function normalized(field: string, value: string): string {
  if (field !== "url") return value.toLowerCase();
  const rest = value.replace(/^https:\/\//i, "").replace(/\/+$/, "");
  const slash = rest.indexOf("/");
  return slash < 0 ? rest.toLowerCase() : rest.slice(0, slash).toLowerCase() + rest.slice(slash);
}

/** The type and normalized name of a block, or undefined when it has no literal name. */
function keyOf(block: SynthResource): string | undefined {
  const field = NAME_FIELD[block.type];
  const value = field === undefined || isRepeated(block.config) ? undefined : literalValue(block.config[field]);
  return field === undefined || value === undefined ? undefined : `${block.type}/${normalized(field, value)}`;
}

function byKey(entries: Named[]): Map<string, Named[]> {
  const map = new Map<string, Named[]>();
  for (const entry of entries) {
    map.set(entry.key, [...(map.get(entry.key) ?? []), entry]);
  }
  return map;
}

function namedBlocks(ctx: RuleContext, blocks: SynthResource[], own: boolean): Named[] {
  return blocks.flatMap((block) => {
    const key = keyOf(block);
    if (key === undefined) return [];
    return [{ block, field: NAME_FIELD[block.type], key, placement: placementOf(ctx, block, own) }];
  });
}

/** Two IAM roles, users, instance profiles or providers of one account with the same name. */
export const iamNameDuplicate: Rule = {
  id: "IAM-NAME-DUPLICATE",
  severity: "error",
  description:
    "Two aws_iam_role, aws_iam_user, aws_iam_instance_profile or aws_iam_saml_provider blocks with the same literal name, ignoring case, or two aws_iam_openid_connect_provider blocks with the same url, in one account. " +
    "Blocks of one stack and one provider block are in one account. Blocks of different stacks, or of different provider blocks, are compared only when both aws provider blocks have the same literal allowed_account_ids, because stacks of different accounts may reuse names.",
  reason:
    "IAM names are unique in an account, ignoring case, and an account holds one OIDC provider per URL. Synth and plan accept both blocks; the second create fails at apply with EntityAlreadyExists.",
  fix: "Give each role, user, instance profile and SAML provider a name of its own in the account, and create each OIDC provider once per account; elsewhere refer to it by ARN.",
  check(ctx) {
    const own = namedBlocks(ctx, ctx.resources, true);
    const ownPaths = new Set(ctx.resources.map((r) => r.path));
    const ownKeys = new Set(own.map((entry) => entry.key));
    // Only blocks whose name some block of this stack shares can conflict, so the others are filtered by key first.
    const candidates = (ctx.allResourcesInApp ?? []).filter((r) => !ownPaths.has(r.path) && ownKeys.has(keyOf(r) ?? ""));
    const others = byKey(namedBlocks(ctx, candidates, false));
    const earlierByKey = byKey([]);
    return own.flatMap((entry) => {
      const conflicts = (other: Named) => sameAccount(other.placement, entry.placement);
      const earlier = (earlierByKey.get(entry.key) ?? []).find(conflicts);
      earlierByKey.set(entry.key, [...(earlierByKey.get(entry.key) ?? []), entry]);
      const elsewhere = earlier ? undefined : (others.get(entry.key) ?? []).find(conflicts);
      const twin = earlier ?? elsewhere;
      if (!twin) return [];
      return [
        findingOf(iamNameDuplicate, entry.block, {
          field: entry.field,
          received: show(entry.block.config[entry.field]),
          message: `same ${entry.field} as ${twin.block.path}${elsewhere ? " in another stack" : ""} of the same account${entry.field === "name" ? ", ignoring case" : ""}`,
        }),
      ];
    });
  },
};
