import type { AgencyType } from "../agency-types";
import { TAGS, type Tag } from "../tags";
import { allowedTags, definePolicy, type Policy, policyToInput } from "./define-policy";

/** What an agency is shared under a policy, and where that comes from: its own row or its type's default. */
export interface AgencyShare {
  readonly source: "agency_row" | "type_default";
  /** Every tag, in catalogue order, with whether the agency gets it. */
  readonly tags: readonly { readonly tag: Tag; readonly shared: boolean; readonly typeDefault: boolean }[];
}

export function agencyShare(policy: Policy, agencyId: string, agencyType: AgencyType): AgencyShare {
  const allowed = allowedTags(policy, agencyId, agencyType);
  const defaults = policy.typeDefaults.get(agencyType) ?? new Set<Tag>();
  return {
    source: policy.agencyRules.has(agencyId) ? "agency_row" : "type_default",
    tags: TAGS.map((tag) => ({ tag, shared: allowed.has(tag), typeDefault: defaults.has(tag) })),
  };
}

/**
 * The next version of a policy with one agency's row set (`allow`) or removed (`null`: the agency
 * follows its type's default again). Goes through definePolicy, so a row breaking a hard rule throws
 * a PolicyError that names the rule.
 */
export function withAgencyRow(policy: Policy, agencyId: string, agencyType: AgencyType, allow: readonly string[] | null): Policy {
  const input = policyToInput(policy);
  const others = (input.agencyRules ?? []).filter((row) => row.agencyId !== agencyId);
  return definePolicy({
    version: policy.version + 1,
    typeDefaults: input.typeDefaults,
    agencyRules: allow === null ? others : [...others, { agencyId, agencyType, allow }],
  });
}

/** The categories whose sharing with one agency differs between two policies. */
export function agencyDiff(before: Policy, after: Policy, agencyId: string, agencyType: AgencyType): { tag: Tag; before: boolean; after: boolean }[] {
  const was = allowedTags(before, agencyId, agencyType);
  const will = allowedTags(after, agencyId, agencyType);
  return TAGS.filter((tag) => was.has(tag) !== will.has(tag)).map((tag) => ({ tag, before: was.has(tag), after: will.has(tag) }));
}
