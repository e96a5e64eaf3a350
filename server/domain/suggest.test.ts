import { describe, expect, it } from "vitest";
import { makeSampleCase } from "./testing/fixtures";
import { withSuggestions, withSuggestionsEverywhere } from "./suggest";
import { listTaggedTexts } from "./case/map-texts";

describe("detector suggestions applied to free text", () => {
  it("tags an immigration sentence and keeps manual spans", () => {
    const text = "He hit her on Friday. She is on a spouse visa that he sponsors.";
    const manual = { start: 0, end: 21, tags: ["criminal" as const], source: "manual" as const };
    const out = withSuggestions({ text, spans: [manual] });
    expect(out.spans[0]).toEqual(manual);
    const added = out.spans.find((s) => s.source === "detector");
    expect(added?.tags).toContain("immigration");
    expect(text.slice(added?.start, added?.end)).toBe("She is on a spouse visa that he sponsors.");
    expect(withSuggestions(out).spans).toEqual(out.spans);
  });

  it("reaches every free-text field of a case, and leaves the input alone", () => {
    const sample = makeSampleCase();
    const before = JSON.stringify(sample);
    const out = withSuggestionsEverywhere({ ...sample, narrative: { text: "She has no recourse to public funds.", spans: [] } });
    expect(JSON.stringify(sample)).toBe(before);
    expect(out.narrative.spans.some((s) => s.tags.includes("immigration"))).toBe(true);
    expect(listTaggedTexts(out).length).toBe(listTaggedTexts(sample).length);
  });
});
