import { describe, expect, it } from "vitest";
import { changedPaths } from "./diff";
import { removeSuggestedTag, retagText, reviewSentences, tagSentence } from "./retag";
import { makeSampleCase } from "../testing/fixtures";

const IMM = "She is on a spouse visa that he sponsors.";
const NONE = () => false;

describe("re-tagging edited text", () => {
  it("suggests immigration tags on new text and keeps a manual tag with its moved sentence", () => {
    const first = retagText({ text: "", spans: [] }, `He broke the door. ${IMM}`, NONE);
    const manual = tagSentence(first, 0, 18, "criminal");
    const edited = retagText(manual, `Last week he shouted. He broke the door. ${IMM}`, NONE);
    const crim = edited.spans.find((s) => s.source === "manual");
    expect(edited.text.slice(crim?.start, crim?.end)).toBe("He broke the door.");
    expect(edited.spans.some((s) => s.source === "detector" && s.tags.includes("immigration"))).toBe(true);
  });

  it("keeps a manual tag on the sentence that replaced an edited one (fail closed)", () => {
    const manual = tagSentence({ text: "He broke the door. Then he left.", spans: [] }, 0, 18, "criminal");
    const edited = retagText(manual, "He broke the front door. Then he left.", NONE);
    const crim = edited.spans.filter((s) => s.source === "manual");
    expect(crim.map((s) => edited.text.slice(s.start, s.end))).toEqual(["He broke the front door."]);
  });

  it("does not bring back a suggestion a reviewer removed, for that sentence only", () => {
    const text = retagText({ text: "", spans: [] }, IMM, NONE);
    const s = text.spans[0];
    if (!s) throw new Error("expected a suggestion");
    const removed = removeSuggestedTag(text, s.start, s.end, "immigration");
    expect(removed.spans).toEqual([]);
    const again = retagText(removed, `${IMM} Her sister is on a student visa.`, (sentence, tag) => sentence === IMM && tag === "immigration");
    expect(again.spans.map((x) => again.text.slice(x.start, x.end))).toEqual(["Her sister is on a student visa."]);
  });

  it("lists sentences with the spans covering them", () => {
    const text = retagText({ text: "", spans: [] }, `He shouted. ${IMM}`, NONE);
    const rows = reviewSentences(text);
    expect(rows.map((r) => [r.sentence, r.spans.length])).toEqual([["He shouted.", 0], [IMM, 1]]);
  });
});

describe("changedPaths", () => {
  it("names changed fields, never values", () => {
    const a = makeSampleCase();
    const b = { ...a, victim: { ...a.victim, address: "elsewhere" }, narrative: { text: "new", spans: [] } };
    expect(changedPaths(a, b)).toEqual(["victim.address", "narrative"]);
    expect(changedPaths(a, a)).toEqual([]);
  });
});
