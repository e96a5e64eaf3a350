import { listTaggedTexts, mapTaggedTexts } from "../case/map-texts";
import type { CaseRecord } from "../case/schema";
import { countUnreviewed, reviewSentencesOf } from "./review";

/**
 * The record with every sentence of every free text marked reviewed as it stands: what
 * markReviewed would give with every digest, each sentence hashed once.
 */
export function reviewEverything(record: CaseRecord): CaseRecord {
  return mapTaggedTexts(record, (text) => ({
    text: text.text,
    spans: text.spans,
    reviews: [...new Set(reviewSentencesOf(text).map((s) => s.digest))].sort().map((digest) => ({ digest })),
  }));
}

/** Each free text of the record that still has unreviewed sentences, with how many. */
export function unreviewedTexts(record: CaseRecord): { path: string; unreviewed: number }[] {
  return listTaggedTexts(record)
    .map(({ path, text }) => ({ path, unreviewed: countUnreviewed(text) }))
    .filter((t) => t.unreviewed > 0);
}
