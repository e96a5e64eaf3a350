import { describe, expect, it } from "vitest";
import { listCatalogue } from "./catalogue-walk";
import { FIELD_LABELS, formatValue, labelFor } from "./labels";

describe("field labels", () => {
  it("labels nested fields from their full path, never with the raw key", () => {
    expect(labelFor("victim.disability.disabled")).toBe("Disabled");
    expect(labelFor("victim.lgbtPlus.identifiesAsLgbtPlus")).toBe("Identifies as LGBT+");
    expect(labelFor("perpetrators[2].bailAndOrders")).toBe("Bail conditions and orders");
  });

  it("does not call every referrer an officer", () => {
    expect(labelFor("referring.officerRole")).toBe("Referrer's role");
    expect(labelFor("referring.officerName")).toBe("Referred by");
  });

  it("has a written label for every catalogue field", () => {
    const missing = listCatalogue()
      .map((r) => r.path.replace(/\[\]/g, ""))
      .filter((p) => p.includes(".") && p !== "victimViews.perTag" && !p.startsWith("dash.answers") && FIELD_LABELS[p] === undefined);
    expect(missing).toEqual([]);
  });

  it("reads an unknown key as words in sentence case", () => {
    expect(labelFor("victim.someNewField")).toBe("Some new field");
  });
});

describe("values", () => {
  it("writes dates in UK form and codes as words", () => {
    expect(formatValue("2026-03-05")).toBe("5 March 2026");
    expect(formatValue(new Date("2026-03-05T10:00:00Z"))).toBe("5 March 2026");
    expect(formatValue("dont_know")).toBe("Don't know");
    expect(formatValue(false)).toBe("No");
    expect(formatValue(undefined)).toBe("Not given");
  });
});
