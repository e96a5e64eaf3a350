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
