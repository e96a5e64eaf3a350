import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TAGS } from "../tags";
import { analyse, combine, detect as detectWithModel, type DetectedSpan, MAX_RULE_LENGTH } from "./detect";
import { MODEL, RULES_ONLY } from "./model";

/** The rules and the context rule alone: the model's own behaviour is tested in model.test.ts. */
function detect(text: string): DetectedSpan[] {
  return combine(text, analyse(text, MODEL), RULES_ONLY);
}

function flagged(text: string): string[] {
  return detect(text)
    .filter((s) => s.tags.includes("immigration"))
    .map((s) => text.slice(s.start, s.end));
}

describe("detect: spans", () => {
  it("returns one span per flagged sentence with exact offsets", () => {
    const text = "  Perp was arrested.  She is on a spouse visa.\nKids at Oakfield Primary. Safe number 07700 900123.  ";
    const spans = detect(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["She is on a spouse visa.", "Safe number 07700 900123."]);
    expect(spans[0]).toEqual({ start: text.indexOf("She"), end: text.indexOf("visa.") + 5, tags: ["immigration"], rule: "imm.visa" });
    expect(spans[1]?.tags).toEqual(["safe_contact"]);
  });

  it("merges tags in TAGS order and lists every rule that fired, comma-joined", () => {
    const [span] = detect("She is pregnant and has NRPF as a condition of her spouse visa.");
    expect(span?.tags).toEqual(["immigration", "health"]);
    expect(span?.rule.split(",")).toEqual(expect.arrayContaining(["imm.visa", "imm.nrpf", "health.pregnancy"]));
    expect(span?.rule).not.toMatch(/\s/);
  });

  it("offsets are UTF-16 code units (emoji, accents)", () => {
    const text = "Zoë 🙂 rang. Her asylum claim was refused 😢. Fine.";
    const [span] = detect(text);
    expect(span && text.slice(span.start, span.end)).toBe("Her asylum claim was refused 😢.");
  });

  it("returns no spans for empty text or text with nothing to flag", () => {
    expect(detect("")).toEqual([]);
    expect(detect("Perp sent 47 text messages overnight threatening to kill her.")).toEqual([]);
  });

  it("keeps the rule list within the stored length", () => {
    const text = "NRPF, EUSS, DDVC, ILR, LTR, FLR, BRP, UKVI, HO, IE, IRC, visa, asylum, refugee, deported, overstayer, undocumented, sponsor, naturalisation, immigration, no papers.";
    const [span] = detect(text);
    expect(span?.rule.length).toBeLessThanOrEqual(MAX_RULE_LENGTH);
  });
});

describe("detect: context carry-over", () => {
  it.each<[string, string, string[]]>([
    [
      "a claim after asylum accommodation",
      "The family were placed in asylum accommodation in 2022. The family's claim was refused in May. Perp was arrested for ABH.",
      ["The family were placed in asylum accommodation in 2022.", "The family's claim was refused in May."],
    ],
    [
      "an application after ILR",
      "Perp has applied for ILR. The application is still outstanding. V wants a refuge out of area.",
      ["Perp has applied for ILR.", "The application is still outstanding."],
    ],
    [
      "'it was refused' after a visa",
      "She applied to extend her visa. It was refused in January.",
      ["She applied to extend her visa.", "It was refused in January."],
    ],
    [
      "a chain of back-references",
      "He lodged an asylum claim in 2020. The claim was refused. The appeal is listed for June.",
      ["He lodged an asylum claim in 2020.", "The claim was refused.", "The appeal is listed for June."],
    ],
    [
      "'the tribunal' after an immigration appeal",
      "Her solicitor lodged an asylum appeal. The tribunal has not yet given a date.",
      ["Her solicitor lodged an asylum appeal.", "The tribunal has not yet given a date."],
    ],
    [
      "'the request' after a change of conditions",
      "A change of conditions request was made for NRPF. The request went in on 6 September.",
      ["A change of conditions request was made for NRPF.", "The request went in on 6 September."],
    ],
  ])("flags %s", (_name, text, expected) => {
    const spans = detect(text);
    expect(flagged(text)).toEqual(expected);
    expect(spans.find((s) => s.rule.startsWith("imm.context"))).toBeDefined();
  });

  it.each<[string, string]>([
    ["after a housing application", "V applied for housing in March. The application is still outstanding."],
    ["after an unrelated sentence", "V has a spouse visa. She has two children. The application was refused."],
    ["across a paragraph break", "V has a spouse visa.\n\nThe application for a non-mol was refused."],
    ["with no back-reference", "V has a spouse visa. She wants to move to Leeds."],
    ["'the tribunal' after an employment matter", "V lost her job in May. The tribunal has not yet given a date for the application."],
  ])("does not carry %s", (_name, text) => {
    const flaggedSentences = flagged(text);
    expect(flaggedSentences.some((s) => /application|Leeds/.test(s))).toBe(false);
  });
});

describe("detect: properties", () => {
  const caseNoteChars = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEHILMORSTUV0123456789 .,;:!?'\"()-\n\t\r•…’🙂é");
  const words = fc.constantFrom(
    "visa", "Visa card", "HO", "asylum", "Mr.", "e.g.", "07700 900123", "LS6 2QT", "leave", "her leave expires",
    "The claim was refused.", "\n\n", "\n- ", "pregnant", "sponsor", "no papers", "..", "'", "12.30", " ",
  );
  const texts = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: caseNoteChars, maxLength: 300 }),
    fc.array(words, { maxLength: 60 }).map((w) => w.join(" ")),
    fc.string({ unit: "grapheme", maxLength: 200 }),
  );

  it("never throws; spans are within bounds, sorted, non-overlapping, trimmed and tagged", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const spans = detectWithModel(text);
        let lastEnd = 0;
        for (const span of spans) {
          expect(Number.isInteger(span.start) && Number.isInteger(span.end)).toBe(true);
          expect(span.start).toBeGreaterThanOrEqual(lastEnd);
          expect(span.end).toBeGreaterThan(span.start);
          expect(span.end).toBeLessThanOrEqual(text.length);
          expect(span.tags.length).toBeGreaterThan(0);
          expect(span.tags).toEqual(TAGS.filter((t) => span.tags.includes(t)));
          expect(span.rule.length).toBeGreaterThan(0);
          const body = text.slice(span.start, span.end);
          expect(body.trim()).toBe(body);
          lastEnd = span.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(detectWithModel(text)).toEqual(detectWithModel(text));
      }),
      { numRuns: 200 },
    );
  });

  it("completes on pathological inputs (long runs without punctuation, many dots, long words)", () => {
    const inputs = [
      "a".repeat(100_000),
      "word ".repeat(20_000),
      ".".repeat(100_000),
      "a.".repeat(50_000),
      "her ".repeat(25_000),
      "0".repeat(100_000),
      "x@".repeat(50_000),
      "visa ".repeat(20_000),
      "Mr. ".repeat(25_000),
      "\n".repeat(100_000),
    ];
    for (const input of inputs) {
      const spans = detectWithModel(input);
      for (const span of spans) expect(span.end).toBeLessThanOrEqual(input.length);
    }
  });
});
