import { tagSentence } from "../case/retag";
import type { Span, TaggedText } from "../case/text";
import type { Tag } from "../tags";
import { markReviewed, reviewSentencesOf } from "./review";

/** What a case holder decides for one sentence, named by the digest of its text. */
export type SentenceDecision =
  | { readonly digest: string; readonly action: "confirm" }
  | { readonly digest: string; readonly action: "no_tag" }
  | { readonly digest: string; readonly action: "tag"; readonly tag: Tag };

export interface ReviewOutcome {
  readonly text: TaggedText;
  /** Detector suggestions taken off by "no tag", so that they are not suggested again on an edit. */
  readonly removedSuggestions: readonly { readonly sentence: string; readonly tag: Tag }[];
  readonly counts: { readonly confirmed: number; readonly tagged: number; readonly untagged: number };
}

/** Takes every span off one stretch, keeping the parts of longer spans that lie outside it. */
function clearRange(spans: readonly Span[], start: number, end: number): Span[] {
  return spans.flatMap((s) => {
    if (s.end <= start || s.start >= end) return [s];
    const parts: Span[] = [];
    if (s.start < start) parts.push({ ...s, end: start });
    if (s.end > end) parts.push({ ...s, start: end });
    return parts;
  });
}

/**
 * Applies a reviewer's decisions: "confirm" keeps the sentence's tags as they are, "tag" adds a
 * tag by hand, "no tag" takes every tag off it. Each decided sentence is then marked reviewed.
 * Returns null if a decision names a sentence no longer in the text.
 */
export function applyReview(input: TaggedText, decisions: readonly SentenceDecision[]): ReviewOutcome | null {
  let text: TaggedText = input;
  const removedSuggestions: { sentence: string; tag: Tag }[] = [];
  const counts = { confirmed: 0, tagged: 0, untagged: 0 };
  for (const decision of decisions) {
    const matching = reviewSentencesOf(text).filter((s) => s.digest === decision.digest);
    if (matching.length === 0) return null;
    for (const s of matching) {
      if (decision.action === "tag") text = tagSentence(text, s.start, s.end, decision.tag);
      if (decision.action === "no_tag") {
        for (const span of text.spans) {
          if (span.source === "detector" && span.start < s.end && span.end > s.start) for (const tag of span.tags) removedSuggestions.push({ sentence: s.sentence, tag });
        }
        text = { ...text, spans: clearRange(text.spans, s.start, s.end) };
      }
    }
    counts[decision.action === "confirm" ? "confirmed" : decision.action === "tag" ? "tagged" : "untagged"] += 1;
    text = markReviewed(text, [decision.digest]);
  }
  return { text, removedSuggestions, counts };
}

/** Unreviewed sentences that a detector span marked uncertain touches: they wait for a person's choice. */
export function unsureDigests(text: TaggedText): Set<string> {
  const unsure = text.spans.filter((sp) => sp.source === "detector" && sp.uncertain === true);
  return new Set(
    reviewSentencesOf(text)
      .filter((s) => !s.reviewed && unsure.some((sp) => sp.start < s.end && sp.end > s.start))
      .map((s) => s.digest),
  );
}

/**
 * "Confirm all suggestions": every unreviewed sentence keeps its tags and is marked reviewed,
 * except those the detector was unsure about (decision 054): they stay for an individual choice.
 * A sentence written twice is left if either copy is unsure (they share one review).
 */
export function confirmAllDecisions(text: TaggedText): SentenceDecision[] {
  const unsure = unsureDigests(text);
  return [...new Set(reviewSentencesOf(text).filter((s) => !s.reviewed && !unsure.has(s.digest)).map((s) => s.digest))].map((digest) => ({
    digest,
    action: "confirm" as const,
  }));
}

/** Every unreviewed sentence confirmed as it is, unsure ones included: the demo seed's and e2e server's scripted reviewer. */
export function confirmEveryDecision(text: TaggedText): SentenceDecision[] {
  return [...new Set(reviewSentencesOf(text).filter((s) => !s.reviewed).map((s) => s.digest))].map((digest) => ({ digest, action: "confirm" as const }));
}
