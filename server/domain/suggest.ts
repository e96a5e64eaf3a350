import { mapTaggedTexts } from "./case/map-texts";
import type { CaseRecord } from "./case/schema";
import type { Span, TaggedText } from "./case/text";
import { detect } from "./detector";

/**
 * Runs the detector over a text and applies its suggestions at once (fail closed, design.md
 * section 3). Spans already there (manual tags, or earlier suggestions) are kept; a suggestion
 * for a range and tags already covered is not added twice.
 */
export function withSuggestions(text: TaggedText): TaggedText {
  const spans: Span[] = [...text.spans];
  for (const s of detect(text.text)) {
    const covered = spans.some((e) => e.start <= s.start && e.end >= s.end && s.tags.every((t) => e.tags.includes(t)));
    if (!covered) spans.push({
        start: s.start,
        end: s.end,
        tags: [...s.tags],
        rule: s.rule,
        ...(s.uncertain === true ? { uncertain: true } : {}),
        source: "detector",
      });
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text: text.text, spans };
}

/** The record with detector suggestions applied to every free-text field. */
export function withSuggestionsEverywhere(record: CaseRecord): CaseRecord {
  return mapTaggedTexts(record, withSuggestions);
}
