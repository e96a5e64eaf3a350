import type { TaggedText } from "../case/text";
import type { Tag } from "../tags";
import { unreviewedRanges } from "../review/review";
import type { ProjectedSpan, ProjectedText } from "./types";

/** Shown with every free text projected for an agency, whether or not anything was removed. */
export const STANDING_NOTICE = "Parts of this text may be withheld under the MARAC information-sharing protocol.";

/**
 * What a viewer without full access reads where a free text shows nothing: the same whether it was
 * left empty or every sentence was withheld ("Not given" would be false for the second). Only a
 * full-access viewer (no notice) can know that an empty text was really left blank.
 */
export const NOTHING_SHARED = "Nothing shared with your agency.";
export function emptyTextWording(notice: string | null): string {
  return notice === null ? "Not given" : NOTHING_SHARED;
}

type Range = [start: number, end: number];

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/** Clamp to the text and put start before end, so a malformed span still covers what it meant to. */
function normalise(start: number, end: number, length: number): Range {
  const clamp = (n: number) => Math.min(Math.max(Number.isFinite(n) ? Math.trunc(n) : 0, 0), length);
  const [a, b] = [clamp(start), clamp(end)];
  return a <= b ? [a, b] : [b, a];
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * Widen each removed range over the whitespace that follows it (and, at the end of the text, the
 * whitespace before it), so a removal leaves no double space or dangling gap: the result reads as
 * if the sentence had never been written. This is what makes "filled" and "empty" texts identical.
 */
function absorbWhitespace(ranges: Range[], text: string): Range[] {
  const merged = mergeRanges(
    ranges.map(([start, end]): Range => {
      let e = end;
      while (isSpace(text[e])) e += 1;
      return [start, e];
    }),
  );
  // Only after merging do we know which removal really reaches the end of the text.
  const last = merged.at(-1);
  if (last && last[1] === text.length) while (last[0] > 0 && isSpace(text[last[0] - 1])) last[0] -= 1;
  return mergeRanges(merged);
}

interface Kept {
  readonly from: number;
  readonly to: number;
  /** Where this kept segment starts in the shown text. */
  readonly at: number;
}

/** Maps a source offset to the shown text; a removed start moves forward, a removed end moves back. */
function toShown(kept: readonly Kept[], offset: number, edge: "start" | "end"): number | undefined {
  if (edge === "start") {
    const segment = kept.find((k) => offset < k.to);
    return segment ? segment.at + Math.max(offset - segment.from, 0) : undefined;
  }
  const segment = kept.findLast((k) => offset > k.from);
  return segment ? segment.at + Math.min(offset, segment.to) - segment.from : undefined;
}

/**
 * Removes every span whose tags are not all visible to the viewer, with no category marker, and
 * keeps the untagged text between spans. Remaining spans are re-based onto the shown text.
 * Unless `unreviewedVisible` (case holders and the author's agency), every sentence no case holder
 * has reviewed is removed the same way, whatever its tags (the review gate, decision 042).
 */
export function redactText(
  input: TaggedText,
  isVisible: (tags: readonly Tag[]) => boolean,
  notice: string | null,
  unreviewedVisible: boolean,
): ProjectedText {
  const source = typeof input.text === "string" ? input.text : "";
  const inputSpans = Array.isArray(input.spans) ? input.spans : [];
  const gated: Range[] = unreviewedVisible ? [] : unreviewedRanges({ text: source, spans: [], reviews: input.reviews ?? [] });
  if (inputSpans.length === 0 && gated.length === 0) return { text: source, spans: [], notice };

  const spans = inputSpans.map((span) => ({ span, range: normalise(span.start, span.end, source.length) }));
  const removed = absorbWhitespace(
    mergeRanges([...gated, ...spans.filter(({ span, range }) => range[0] < range[1] && !isVisible(span.tags)).map(({ range }) => range)]),
    source,
  );

  // Build the shown text from the kept segments, remembering where each one landed.
  let text = "";
  const kept: Kept[] = [];
  let cursor = 0;
  for (const [start, end] of [...removed, [source.length, source.length] as Range]) {
    if (start > cursor) {
      kept.push({ from: cursor, to: start, at: text.length });
      text += source.slice(cursor, start);
    }
    cursor = Math.max(cursor, end);
  }

  const shownSpans: ProjectedSpan[] = [];
  for (const { span, range } of spans) {
    if (range[0] >= range[1] || !isVisible(span.tags)) continue;
    // A visible span overlapping a removed one keeps only its part that is still shown.
    const start = toShown(kept, range[0], "start");
    const end = toShown(kept, range[1], "end");
    if (start === undefined || end === undefined || start >= end) continue;
    shownSpans.push({ start, end, tags: [...span.tags], source: span.source, ...(span.rule === undefined ? {} : { rule: span.rule }) });
  }
  return { text, spans: shownSpans, notice };
}
