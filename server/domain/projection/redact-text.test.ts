import { describe, expect, it } from "vitest";
import type { Tag } from "../tags";
import { sentences } from "../testing/fixtures";
import { redactText, STANDING_NOTICE } from "./redact-text";

/** The tag rules alone: a viewer who reads unreviewed text (the gate has its own tests). */
const redactAll = (...args: Parameters<typeof redactText> extends [infer A, infer B, infer C, boolean] ? [A, B, C] : never) => redactText(...args, true);
const hide = (...hidden: Tag[]) => (tags: readonly Tag[]) => tags.every((t) => !hidden.includes(t));

describe("redactText", () => {
  const input = sentences("Police attended.", ["She is on a spouse visa.", "immigration"], "He was arrested.", ["She is pregnant.", "health"]);

  it("removes sentences carrying a hidden tag, keeps the untagged text, and leaves no marker or double space", () => {
    expect(redactAll(input, hide("immigration"), STANDING_NOTICE)).toEqual({
      text: "Police attended. He was arrested. She is pregnant.",
      spans: [{ start: 34, end: 50, tags: ["health"], source: "manual" }],
      notice: STANDING_NOTICE,
    });
  });

  it("removes a last sentence together with the space before it", () => {
    expect(redactAll(input, hide("immigration", "health"), null).text).toBe("Police attended. He was arrested.");
  });

  it("removes a first sentence together with the whitespace after it", () => {
    const text = sentences(["Visa expired.", "immigration"], "Police attended.");
    expect(redactAll(text, hide("immigration"), null).text).toBe("Police attended.");
  });

  it("gives the same text whether the hidden sentence was there or never written", () => {
    const without = sentences("Police attended.", "He was arrested.", ["She is pregnant.", "health"]);
    expect(redactAll(input, hide("immigration"), STANDING_NOTICE)).toEqual(redactAll(without, hide("immigration"), STANDING_NOTICE));
  });

  it("keeps everything when nothing is hidden", () => {
    expect(redactAll(input, () => true, null)).toEqual({ ...input, notice: null });
  });

  it("withholds a sentence if any one of its tags is hidden", () => {
    const text = sentences(["Her school is St Mary's.", "children", "safe_contact"]);
    expect(redactAll(text, hide("safe_contact"), null).text).toBe("");
  });

  it("handles overlapping spans: a shown span keeps only its part outside the removed one", () => {
    const text = { text: "AAAA BBBB CCCC", spans: [{ start: 0, end: 9, tags: ["immigration" as Tag], source: "manual" as const }, { start: 5, end: 14, tags: ["health" as Tag], source: "detector" as const, rule: "r1" }] };
    expect(redactAll(text, hide("immigration"), null)).toEqual({ text: "CCCC", spans: [{ start: 0, end: 4, tags: ["health"], source: "detector", rule: "r1" }], notice: null });
  });

  it("fails closed on malformed spans: reversed or out-of-range offsets still remove what they cover", () => {
    const text = { text: "Keep. Secret.", spans: [{ start: 99, end: 6, tags: ["immigration" as Tag], source: "manual" as const }] };
    expect(redactAll(text, hide("immigration"), null).text).toBe("Keep.");
  });

  it("does not change the input", () => {
    const before = JSON.stringify(input);
    redactAll(input, hide("immigration"), null);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe("redactText regressions found by the property tests", () => {
  it("strips the whitespace before a run of removed sentences at the end of the text", () => {
    const text = { text: "Keep.\n\nGone one. Gone two.", spans: [
      { start: 7, end: 16, tags: ["health" as Tag], source: "manual" as const },
      { start: 17, end: 26, tags: ["health" as Tag], source: "manual" as const },
    ] };
    expect(redactAll(text, hide("health"), null).text).toBe("Keep.");
  });
});
