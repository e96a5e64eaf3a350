import type { Tag } from "../tags";
import { CONTEXT_RULE_ID, FAMILIES } from "./detect";

export { detect, type DetectedSpan } from "./detect";
export { splitSentences, type SentenceSpan } from "./sentences";

/** A rule, guard or the context rule, as listed for reviewers. */
export interface DetectorRuleInfo {
  readonly id: string;
  /** "rule": sets `tag` on a sentence; "guard": blanks a false friend before `tag`'s rules run; "context": carry-over. */
  readonly kind: "rule" | "guard" | "context";
  readonly tag: Tag;
  readonly description: string;
}

/** Every rule id that can appear in `DetectedSpan.rule`, plus the guards, for reviewers. */
export const DETECTOR_RULES: readonly DetectorRuleInfo[] = [
  ...FAMILIES.flatMap((family) => [
    ...family.rules.map((r) => ({ id: r.id, kind: "rule" as const, tag: r.tag, description: r.description })),
    ...family.guards.map((g) => ({ id: g.id, kind: "guard" as const, tag: family.tag, description: g.description })),
  ]),
  {
    id: CONTEXT_RULE_ID,
    kind: "context",
    tag: "immigration",
    description:
      "A sentence straight after an immigration sentence, in the same paragraph, that refers back " +
      "to it (\"the claim\", \"the application\", \"her leave\", \"it was refused\").",
  },
];

const RULES_BY_ID = new Map(DETECTOR_RULES.map((r) => [r.id, r]));

/**
 * Why MARAC Desk suggested a tag, in plain English for the person reviewing it. Rule ids are for
 * whoever tunes the detector: pages show them only inside a "details" element, after this reason.
 */
export function suggestionReason(tag: Tag, ruleId: string | null | undefined, uncertain = false): string {
  if (uncertain) return "MARAC Desk is unsure about this sentence: check it.";
  const what = TAG_WORDS[tag];
  // A span found by several rules names them all ("imm.visa,imm.removal"): the first known one explains it.
  const rule = (ruleId ?? "").split(",").map((id) => RULES_BY_ID.get(id.trim())).find((r) => r !== undefined);
  return rule ? `It looks like ${what}. ${rule.description}` : `It looks like ${what}.`;
}

const TAG_WORDS: Record<Tag, string> = {
  immigration: "immigration information",
  safe_contact: "safe contact details",
  health: "health information",
  sexuality: "information about sexual orientation or gender identity",
  criminal: "criminal history",
  children: "information about children",
};
