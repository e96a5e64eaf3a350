import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe("splitSentences", () => {
  it.each<[string, string, string[]]>([
    ["plain full stops", "She left. He followed.", ["She left.", "He followed."]],
    ["question and exclamation marks", "Is she safe? Yes! Refuge found.", ["Is she safe?", "Yes!", "Refuge found."]],
    ["titles", "Mr. Khan and Mrs. Khan attended. Dr. Lee saw her.", ["Mr. Khan and Mrs. Khan attended.", "Dr. Lee saw her."]],
    ["police ranks", "DS. Hughes and PC. Amin spoke to V. She agreed.", ["DS. Hughes and PC. Amin spoke to V. She agreed."]],
    ["e.g. and i.e.", "Risks e.g. stalking are high, i.e. very. Next steps agreed.", ["Risks e.g. stalking are high, i.e. very.", "Next steps agreed."]],
    ["approx.", "She stayed approx. 2 weeks. Then she left.", ["She stayed approx. 2 weeks.", "Then she left."]],
    ["an initial", "Perp is J. Smith of Leeds. He denies it.", ["Perp is J. Smith of Leeds.", "He denies it."]],
    ["decimals and times", "At 23.40 she rang; 2.5 units drunk. Police came.", ["At 23.40 she rang; 2.5 units drunk.", "Police came."]],
    ["dates with dots", "Seen on 02.03.24 by the GP. Fine.", ["Seen on 02.03.24 by the GP.", "Fine."]],
    ["No. before a number", "Ref No. 4471 logged. Done.", ["Ref No. 4471 logged.", "Done."]],
    ["a lowercase word after a full stop", "He left approx. at ten. he came back.", ["He left approx. at ten. he came back."]],
    ["closing quotes", "He said 'you're illegal.' She cried.", ["He said 'you're illegal.'", "She cried."]],
    ["double quotes", "She said \"help me!\" Then the line went dead.", ["She said \"help me!\"", "Then the line went dead."]],
    ["a question inside a quote mid-sentence", "He asked \"where's your visa?\" and laughed.", ["He asked \"where's your visa?\" and laughed."]],
    ["ellipsis", "She hesitated... Then she told me.", ["She hesitated...", "Then she told me."]],
    ["brackets", "Perp (aged 34) was arrested. He was bailed.", ["Perp (aged 34) was arrested.", "He was bailed."]],
    ["lines without punctuation", "Risk: high\nDASH: 17\nMARAC: yes", ["Risk: high", "DASH: 17", "MARAC: yes"]],
    ["bullets", "- spouse visa\n- perp is sponsor\n• NRPF\n* kids at school", ["spouse visa", "perp is sponsor", "NRPF", "kids at school"]],
    ["numbered lists", "1. Police to flag address\n2) Housing to assess\n(a) IDVA to call", ["Police to flag address", "Housing to assess", "IDVA to call"]],
    ["a wrapped line", "She told me that her leave\nexpires in May and he knows.", ["She told me that her leave\nexpires in May and he knows."]],
    ["a blank line always splits", "Her claim was\n\nrefused in May", ["Her claim was", "refused in May"]],
    ["CRLF line ends", "First line\r\nSecond line\r\n\r\nThird", ["First line", "Second line", "Third"]],
    ["surrounding whitespace", "   She left.   \n\n  ", ["She left."]],
    ["U.K. then a capital", "She came to the U.K. She stayed.", ["She came to the U.K.", "She stayed."]],
  ])("%s", (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it("returns nothing for empty or blank text and punctuation alone", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences("   \n\t ")).toEqual([]);
    expect(splitSentences("... !!! ???")).toEqual([]);
  });

  it("gives exact UTF-16 offsets with emoji and accents", () => {
    const text = "Olena 🙂 is safe. Zoë’s visa ended.";
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["Olena 🙂 is safe.", "Zoë’s visa ended."]);
    expect(spans[1]?.start).toBe(text.indexOf("Zoë"));
    expect(spans[1]?.end).toBe(text.length);
  });

  it("keeps a long unpunctuated text as one sentence and handles runs of dots", () => {
    const long = "word ".repeat(20_000);
    expect(splitSentences(long)).toEqual([{ start: 0, end: long.trimEnd().length }]);
    const dots = "a.".repeat(50_000);
    expect(splitSentences(dots).length).toBeGreaterThan(0);
    expect(splitSentences(".".repeat(100_000))).toEqual([]);
  });
});
