import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeywordScanner } from "./keywords";

const found = (scanner: KeywordScanner, text: string): string[] => {
  const present = new Uint8Array(scanner.keywords.length);
  scanner.scan(text, present);
  return scanner.keywords.filter((_k, i) => present[i] === 1);
};

describe("KeywordScanner", () => {
  it("finds overlapping and nested keywords", () => {
    const scanner = new KeywordScanner(["he", "she", "his", "hers", "leave", "eave", "@"]);
    expect(found(scanner, "ushers")).toEqual(["he", "she", "hers"]);
    expect(found(scanner, "annual leave")).toEqual(["leave", "eave"]);
    expect(found(scanner, "a@b")).toEqual(["@"]);
    expect(found(scanner, "")).toEqual([]);
  });

  it("a non-ASCII character ends a partial match", () => {
    const scanner = new KeywordScanner(["visa"]);
    expect(found(scanner, "viésa")).toEqual([]);
    expect(found(scanner, "é visa")).toEqual(["visa"]);
  });

  it("rejects keywords it could never find", () => {
    expect(() => new KeywordScanner(["Visa"])).toThrow(/lowercase ASCII/);
    expect(() => new KeywordScanner(["é"])).toThrow(/lowercase ASCII/);
    expect(() => new KeywordScanner([""])).toThrow(/non-empty/);
  });

  it("agrees with includes() for every keyword", () => {
    const word = fc.stringMatching(/^[ab(.]{1,4}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), fc.stringMatching(/^[abé (.]{0,30}$/), (keywords, text) => {
        expect(found(new KeywordScanner(keywords), text)).toEqual(keywords.filter((k) => text.includes(k)));
      }),
      { numRuns: 500 },
    );
  });
});
