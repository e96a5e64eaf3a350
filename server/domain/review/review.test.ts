import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TaggedText } from "../case/text";
import { redactText, STANDING_NOTICE } from "../projection/redact-text";
import { sentences } from "../testing/fixtures";
import type { Tag } from "../tags";
import { sha256Hex } from "./digest";
import { carryReviews, countUnreviewed, markReviewed, reviewSentencesOf, seesUnreviewed } from "./review";

const all = () => true;
const reviewed = (text: TaggedText, ...which: number[]) => {
  const s = reviewSentencesOf(text);
  return markReviewed(text, which.map((i) => s[i]?.digest ?? ""));
};

describe("sentence digest", () => {
  // Review marks already stored are keyed by these: the digest must never change.
  it("gives the published SHA-256 test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    expect(sha256Hex("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  it("hashes the text as UTF-8", () => {
    expect(sha256Hex("é")).toBe(createHash("sha256").update(Buffer.from([0xc3, 0xa9])).digest("hex"));
    // A sentence as the digest before decision 081 (hand-written SHA-256) gave it: stored marks stay valid.
    expect(sha256Hex("Her paperwork to stay was knocked back.")).toBe("7956f5d43fd66d80d83e409ee2d57f65c82b83bab5862f91ec76ab6c31c5a2c4");
  });

  it("is SHA-256 of the UTF-8 text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
      expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
    }), { numRuns: 200 });
  });
});

describe("who reads unreviewed text", () => {
  it("case holders and the author's agency only", () => {
    const author = { agencyId: "agency-police" };
    expect(seesUnreviewed({ role: "chair", agencyId: "x" }, author)).toBe(true);
    expect(seesUnreviewed({ role: "coordinator", agencyId: "x" }, author)).toBe(true);
    expect(seesUnreviewed({ role: "idva", agencyId: "x" }, author)).toBe(true);
    expect(seesUnreviewed({ role: "agency_rep", agencyId: "agency-police" }, author)).toBe(true);
    expect(seesUnreviewed({ role: "agency_rep", agencyId: "agency-housing" }, author)).toBe(false);
    expect(seesUnreviewed({ role: "agency_rep", agencyId: "agency-housing" }, { agencyId: null })).toBe(false);
  });

  it("and the agency a text is addressed to (an action's owner), no other", () => {
    const action = { agencyId: "agency-police", addresseeAgencyId: "agency-housing" };
    expect(seesUnreviewed({ role: "agency_rep", agencyId: "agency-housing" }, action)).toBe(true);
    expect(seesUnreviewed({ role: "agency_rep", agencyId: "agency-police" }, action)).toBe(true);
    expect(seesUnreviewed({ role: "agency_rep", agencyId: "agency-health" }, action)).toBe(false);
    expect(seesUnreviewed({ role: "agency_rep", agencyId: "agency-health" }, { agencyId: null, addresseeAgencyId: "agency-housing" })).toBe(false);
  });
});

describe("the review gate in redactText", () => {
  const text = sentences("Police attended.", "Her paperwork to stay was knocked back.", "He was arrested.");

  it("withholds every unreviewed sentence like a tagged one, with no marker", () => {
    expect(redactText(text, all, STANDING_NOTICE, false)).toEqual({ text: "", spans: [], notice: STANDING_NOTICE });
    expect(redactText(reviewed(text, 0, 2), all, STANDING_NOTICE, false).text).toBe("Police attended. He was arrested.");
    expect(redactText(text, all, null, true).text).toBe(text.text);
  });

  it("takes a list marker with its unreviewed sentence", () => {
    const list: TaggedText = { text: "- Police attended.\n- Her visa ran out.", spans: [] };
    expect(redactText(reviewed(list, 0), all, null, false).text).toBe("- Police attended.");
    expect(redactText(list, all, null, false).text).toBe("");
  });

  it("editing a reviewed sentence makes it unreviewed; the others keep their review", () => {
    const before = reviewed(text, 0, 1, 2);
    expect(countUnreviewed(before)).toBe(0);
    const after = carryReviews(before, { text: "Police attended. Her paperwork to stay was refused. He was arrested.", spans: [] });
    expect(reviewSentencesOf(after).map((s) => s.reviewed)).toEqual([true, false, true]);
    expect(redactText(after, all, null, false).text).toBe("Police attended. He was arrested.");
  });
});

/** Sentences with unique words, each tagged or not, reviewed or not. */
const arbSentences = fc.array(
  fc.record({ tag: fc.constantFrom<Tag | null>(null, null, "immigration", "health"), reviewed: fc.boolean() }),
  { maxLength: 8 },
);
const build = (items: readonly { tag: Tag | null; reviewed: boolean }[]) => {
  const text = sentences(...items.map((it, i) => (it.tag ? ([`Token${i} happened.`, it.tag] as const) : `Token${i} happened.`)));
  return markReviewed(text, reviewSentencesOf(text).filter((_, i) => items[i]?.reviewed).map((s) => s.digest));
};

describe("the review gate: properties", () => {
  const hidden = (h: readonly Tag[]) => (tags: readonly Tag[]) => tags.every((t) => !h.includes(t));

  it("never lets an unreviewed sentence reach a viewer who is neither a case holder nor the author's agency", () => {
    fc.assert(fc.property(arbSentences, fc.subarray<Tag>(["immigration", "health"]), (items, h) => {
      const out = redactText(build(items), hidden(h), STANDING_NOTICE, false).text;
      items.forEach((it, i) => {
        const maySee = it.reviewed && (it.tag === null || !h.includes(it.tag));
        expect(out.includes(`Token${i} `)).toBe(maySee);
      });
    }), { numRuns: 300 });
  });

  it("reviewing as no tag reveals exactly the untagged reviewed sentences", () => {
    fc.assert(fc.property(arbSentences, (items) => {
      const out = redactText(build(items), hidden(["immigration", "health"]), STANDING_NOTICE, false).text;
      const expected = items.flatMap((it, i) => (it.reviewed && it.tag === null ? [`Token${i} happened.`] : [])).join(" ");
      expect(out).toBe(expected);
    }), { numRuns: 300 });
  });

  it("gives the same output for a text whose every sentence is withheld and an empty one", () => {
    fc.assert(fc.property(arbSentences, fc.boolean(), (items, gate) => {
      const h: Tag[] = ["immigration", "health"];
      const withheldEverywhere = build(items.map((it) => ({ ...it, reviewed: gate ? it.reviewed && it.tag !== null : it.reviewed, tag: gate ? it.tag : (it.tag ?? "immigration") })));
      expect(redactText(withheldEverywhere, hidden(h), STANDING_NOTICE, !gate)).toEqual(redactText({ text: "", spans: [] }, hidden(h), STANDING_NOTICE, !gate));
    }), { numRuns: 300 });
  });
});
