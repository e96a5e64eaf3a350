import type { TagAccess } from "../policy/access";
import { TAG_LABELS, TAGS, type Tag } from "../tags";
import type { Withheld } from "./types";

/**
 * Who to ask about a withheld item, per tag. The IDVA holds the victim's views and safe contact;
 * the coordinator knows which agency holds the rest. Reviewable by the DA lead like the policy.
 */
export const ASK_WHO: Readonly<Record<Tag, string>> = {
  immigration: "the MARAC IDVA",
  safe_contact: "the MARAC IDVA",
  health: "the MARAC IDVA",
  sexuality: "the MARAC IDVA",
  criminal: "the MARAC coordinator",
  children: "the MARAC coordinator",
};

export type ItemVerdict =
  | { readonly shown: true; readonly reason: "shared_with_agency" | "full_access_role" | "override_until"; readonly until?: Date }
  | { readonly shown: false; readonly reason: "not_shared_with_agency" | "hard_rule" | "admin_no_case_content"; readonly blocking: readonly Tag[] };

/**
 * An item is shown only if every one of its tags is shown (default deny). A withheld item names the
 * strongest reason (hard rule first); a shown one relying on any override reports the earliest expiry.
 */
export function combine(access: Readonly<Record<Tag, TagAccess>>, tags: readonly Tag[]): ItemVerdict {
  const verdicts = tags.map((tag) => access[tag]);
  const blocked = verdicts.filter((v) => !v.shown);
  if (blocked.length > 0) {
    const reasons = blocked.map((v) => v.reason);
    const reason = reasons.includes("admin_no_case_content") ? "admin_no_case_content" : reasons.includes("hard_rule") ? "hard_rule" : "not_shared_with_agency";
    return { shown: false, reason, blocking: blocked.map((v) => v.tag) };
  }
  let until: Date | undefined;
  for (const v of verdicts) {
    if (v.shown && v.reason === "override_until" && (until === undefined || v.until.getTime() < until.getTime())) until = v.until;
  }
  if (until) return { shown: true, reason: "override_until", until };
  return { shown: true, reason: verdicts.some((v) => v.reason === "full_access_role") ? "full_access_role" : "shared_with_agency" };
}

export function sortTags(tags: Iterable<Tag>): Tag[] {
  const set = new Set(tags);
  return TAGS.filter((tag) => set.has(tag));
}

/** "immigration", "children and safe contact", "a, b and c": a field's categories in a sentence. */
const inWords = (tags: readonly Tag[]) => {
  const words = tags.map((tag) => TAG_LABELS[tag]);
  return words.length < 2 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1) ?? ""}`;
};

/** "2025-03-01 17:00 UTC": unambiguous whatever the reader's locale. */
export function formatInstant(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function explain(verdict: ItemVerdict, policyVersion: number): string {
  switch (verdict.reason) {
    case "shared_with_agency":
      return `Shared with your agency under sharing policy version ${policyVersion}.`;
    case "full_access_role":
      return "Chair/coordinator: full access (consultation logged).";
    case "override_until":
      return `Shown under a MARAC override until ${verdict.until ? formatInstant(verdict.until) : "its expiry"}.`;
    case "not_shared_with_agency":
      return `Not shared with your agency (${inWords(verdict.blocking)} information).`;
    case "hard_rule":
      return `Never shared with Immigration Enforcement (${inWords(verdict.blocking)} information) without a recorded MARAC decision.`;
    case "admin_no_case_content":
      return "Administrators see no case content (separation of duties).";
  }
}

/** The placeholder for a withheld item: built from tags and verdict only, never from the value. */
export function placeholder(tags: readonly Tag[], verdict: ItemVerdict & { shown: false }, policyVersion: number): Withheld {
  const askWho = ASK_WHO[verdict.blocking[0] ?? "immigration"];
  return {
    withheld: true,
    tags: [...tags],
    reason: `${explain(verdict, policyVersion)} Ask ${askWho}.`,
    reasonCode: verdict.reason,
    askWho,
  };
}
