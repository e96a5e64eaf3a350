import { splitSentences } from "../detector/sentences";
import type { TaggedText } from "../case/text";
import type { Role } from "../roles";
import { sha256Hex } from "./digest";

/** Those who hold the whole case and review its text: they read every sentence, reviewed or not. */
export const CASE_HOLDER_ROLES: readonly Role[] = ["chair", "coordinator", "idva"];
export function isCaseHolder(role: Role): boolean {
  return CASE_HOLDER_ROLES.includes(role);
}

/**
 * Who wrote a text: its agency reads it before review, like the case holders (decision 042). A
 * text written for one agency to act on (an action, for its owner) is read as written by that
 * agency too: it cannot do what it cannot read (decision 084).
 */
export interface Authorship {
  readonly agencyId: string | null;
  readonly addresseeAgencyId?: string;
}

/**
 * For text only case holders ever read (a flag's withdrawal reason, a removed suggestion's reason,
 * a disclosure's purpose): no agency reads it unreviewed because of who wrote it.
 */
export const HOLDERS_ONLY: Authorship = { agencyId: null };

/** Whether this viewer reads sentences nobody has reviewed yet. */
export function seesUnreviewed(viewer: { readonly role: Role; readonly agencyId: string }, author: Authorship): boolean {
  return isCaseHolder(viewer.role) || (author.agencyId !== null && viewer.agencyId === author.agencyId) || viewer.agencyId === author.addresseeAgencyId;
}

export const sentenceDigest = sha256Hex;

/** One sentence as a reviewer sees it, with the stretch of text that goes with it when withheld. */
export interface ReviewSentence {
  readonly start: number;
  readonly end: number;
  /** From the first non-space character after the previous sentence, so a list marker goes too. */
  readonly segmentStart: number;
  readonly sentence: string;
  readonly digest: string;
  readonly reviewed: boolean;
}

function reviewedSet(text: TaggedText): Set<string> {
  return new Set((Array.isArray(text.reviews) ? text.reviews : []).map((r) => r.digest));
}

export function reviewSentencesOf(text: TaggedText): ReviewSentence[] {
  const source = typeof text.text === "string" ? text.text : "";
  const reviewed = reviewedSet(text);
  let previousEnd = 0;
  return splitSentences(source).map((s) => {
    let segmentStart = previousEnd;
    while (segmentStart < s.start && /\s/.test(source[segmentStart] ?? "")) segmentStart += 1;
    previousEnd = s.end;
    const sentence = source.slice(s.start, s.end);
    const digest = sentenceDigest(sentence);
    return { start: s.start, end: s.end, segmentStart, sentence, digest, reviewed: reviewed.has(digest) };
  });
}

/**
 * The stretches to withhold from a viewer who may not read unreviewed text: every unreviewed
 * sentence with its list marker, and anything after the last sentence that is not a space (fail
 * closed: text the splitter did not place in a sentence has not been reviewed either).
 */
export function unreviewedRanges(text: TaggedText): [number, number][] {
  const source = typeof text.text === "string" ? text.text : "";
  const sentences = reviewSentencesOf(text);
  const ranges: [number, number][] = sentences.filter((s) => !s.reviewed).map((s) => [s.segmentStart, s.end]);
  const lastEnd = sentences.at(-1)?.end ?? 0;
  if (/\S/.test(source.slice(lastEnd))) ranges.push([lastEnd, source.length]);
  return ranges;
}

export function countUnreviewed(text: TaggedText): number {
  return reviewSentencesOf(text).filter((s) => !s.reviewed).length;
}

/** The text with these sentences marked reviewed (digests of sentences no longer in it are dropped). */
export function markReviewed(text: TaggedText, digests: Iterable<string>): TaggedText {
  const present = new Set(reviewSentencesOf(text).map((s) => s.digest));
  const all = new Set([...reviewedSet(text), ...digests]);
  return { text: text.text, spans: text.spans, reviews: [...all].filter((d) => present.has(d)).sort().map((digest) => ({ digest })) };
}

/** After an edit: unchanged sentences keep their review, edited or new ones start unreviewed. */
export function carryReviews(previous: TaggedText, next: TaggedText): TaggedText {
  const { reviews: _ignored, ...rest } = next;
  return markReviewed(rest, reviewedSet(previous));
}
