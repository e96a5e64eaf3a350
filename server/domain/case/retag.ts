import { splitSentences } from "../detector";
import type { Tag } from "../tags";
import type { Span, TaggedText } from "./text";
import { withSuggestions } from "../suggest";

/** Whether a reviewer removed the suggestion of `tag` for this exact sentence. */
export type IsRemoved = (sentence: string, tag: Tag) => boolean;

/**
 * Re-tags edited free text. A manual tag follows its sentence wherever it now sits (matched by the
 * sentence's exact text). If that sentence was itself edited, the tag goes to every new sentence
 * overlapping where it was: fail closed, the author can take it off again. Detector suggestions
 * are made afresh on the new text and applied, except those a reviewer removed with a reason for
 * that same sentence.
 */
export function retagText(previous: TaggedText, newText: string, isRemoved: IsRemoved): TaggedText {
  const manual: Span[] = [];
  const sentences = splitSentences(newText);
  for (const span of previous.spans.filter((s) => s.source === "manual")) {
    const sentence = previous.text.slice(span.start, span.end);
    const at = sentence === "" ? -1 : newText.indexOf(sentence);
    if (at >= 0) {
      manual.push({ ...span, start: at, end: at + sentence.length });
      continue;
    }
    const start = Math.min(span.start, newText.length);
    const end = Math.min(Math.max(span.end, start + 1), newText.length);
    for (const s of sentences) if (s.start < end && s.end > start) manual.push({ ...span, start: s.start, end: s.end });
  }
  const suggested = withSuggestions({ text: newText, spans: [] }).spans;
  const kept: Span[] = [];
  for (const s of suggested) {
    const sentence = newText.slice(s.start, s.end);
    const tags = s.tags.filter((t) => !isRemoved(sentence, t));
    if (tags.length > 0) kept.push({ ...s, tags });
  }
  return { text: newText, spans: [...manual, ...kept].sort((a, b) => a.start - b.start || a.end - b.end) };
}

/** The sentences of a text, each with the spans that cover it: what a reviewer goes through. */
export function reviewSentences(text: TaggedText): { start: number; end: number; sentence: string; spans: Span[] }[] {
  return splitSentences(text.text).map((s) => ({
    start: s.start,
    end: s.end,
    sentence: text.text.slice(s.start, s.end),
    spans: text.spans.filter((sp) => sp.start < s.end && sp.end > s.start),
  }));
}

/** Adds a manual tag to one sentence (merging with a manual span already there). */
export function tagSentence(text: TaggedText, start: number, end: number, tag: Tag): TaggedText {
  const existing = text.spans.find((s) => s.source === "manual" && s.start === start && s.end === end);
  const spans = existing
    ? text.spans.map((s) => (s === existing ? { ...s, tags: s.tags.includes(tag) ? s.tags : [...s.tags, tag] } : s))
    : [...text.spans, { start, end, tags: [tag], source: "manual" as const }];
  // Adding a tag keeps the sentence's review: it can only withhold more.
  return { ...text, spans: spans.sort((a, b) => a.start - b.start || a.end - b.end) };
}

/** Takes one tag off the detector suggestions covering a sentence; spans left with no tag go. */
export function removeSuggestedTag(text: TaggedText, start: number, end: number, tag: Tag): TaggedText {
  const spans = text.spans
    .map((s) => (s.source === "detector" && s.start < end && s.end > start ? { ...s, tags: s.tags.filter((t) => t !== tag) } : s))
    .filter((s) => s.tags.length > 0);
  return { ...text, spans };
}
