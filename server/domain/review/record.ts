import { listTaggedTexts, mapTaggedTexts } from "../case/map-texts";
import type { CaseRecord } from "../case/schema";
import { countUnreviewed, markReviewed, reviewSentencesOf } from "./review";

/** The record with every sentence of every free text marked reviewed as it stands. */
export function reviewEverything(record: CaseRecord): CaseRecord {
  return mapTaggedTexts(record, (text) => markReviewed(text, reviewSentencesOf(text).map((s) => s.digest)));
}

/** Each free text of the record that still has unreviewed sentences, with how many. */
export function unreviewedTexts(record: CaseRecord): { path: string; unreviewed: number }[] {
  return listTaggedTexts(record)
    .map(({ path, text }) => ({ path, unreviewed: countUnreviewed(text) }))
    .filter((t) => t.unreviewed > 0);
}
