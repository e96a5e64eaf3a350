import { describe, expect, it } from "vitest";
import { mapTaggedTexts } from "../case/map-texts";
import { buildCase } from "../testing/build-case";
import { randomSource } from "../testing/sources";
import { reviewEverything } from "./record";
import { markReviewed, reviewSentencesOf } from "./review";

describe("reviewEverything", () => {
  it("marks what markReviewed marks given every sentence's digest, stale marks dropped", () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      // Some texts carry a mark of a sentence no longer in them, and one of a sentence still there.
      const record = mapTaggedTexts(buildCase(randomSource(seed)).record, (text, path) => ({
        ...text,
        reviews: path.length % 2 === 0 ? [{ digest: "0".repeat(64) }, ...(text.reviews ?? []).slice(0, 1)] : [],
      }));
      const expected = mapTaggedTexts(record, (text) => markReviewed(text, reviewSentencesOf(text).map((s) => s.digest)));
      expect(reviewEverything(record)).toEqual(expected);
    }
  });
});
