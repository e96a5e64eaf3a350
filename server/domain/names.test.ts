import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameTokens, normaliseName } from "./names";

describe("name normalisation", () => {
  it.each([
    ["Zoë O'Brien-Smith", "zoe obrien smith"],
    ["  AMINA   yusuf ", "amina yusuf"],
    ["José Álvarez", "jose alvarez"],
    ["Łucja", "łucja"],
    ["...", ""],
  ])("%s -> %s", (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it("gives distinct tokens", () => {
    expect(nameTokens("Anna Maria Anna")).toEqual(["anna", "maria"]);
  });

  it("ignores case and surrounding spaces for any name", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(normaliseName(`  ${s.toUpperCase()} `)).toBe(normaliseName(s.toLowerCase()));
      }),
    );
  });
});
