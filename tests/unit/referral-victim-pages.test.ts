import { describe, expect, it } from "vitest";
import { patchFromValues, valuesFromDraft, VICTIM_FIELDS, victimPageFields } from "~/components/referral/form-model";
import { issueTarget, VICTIM_PAGES, type VictimPage } from "~/components/referral/steps";

const PAGES = Object.keys(VICTIM_PAGES) as VictimPage[];

describe("the victim's details over four pages", () => {
  it("asks every victim field on exactly one page", () => {
    const asked = PAGES.flatMap((p) => victimPageFields(p).map(([path]) => path));
    expect([...asked].sort()).toEqual(VICTIM_FIELDS.map(([path]) => path).sort());
  });

  it("saving one page keeps what the others saved, and clears only its own blanked answers", () => {
    const content = { victim: { name: "Noor", phone: "07700 900000", disability: { disabled: "yes" }, nationality: "Pakistani" } };
    const values = { ...valuesFromDraft("contact", content), "victim-phone": "" };
    const { patch } = patchFromValues("contact", values, "continue", content);
    const victim = patch.victim as Record<string, unknown>;
    expect(victim.name).toBe("Noor");
    expect(victim.disability).toEqual({ disabled: "yes" });
    expect(victim.nationality).toBe("Pakistani");
    expect(victim.phone).toBeUndefined();
  });

  it("sends a submit issue to the page that asks the field", () => {
    expect(issueTarget("$.victim.name")).toEqual({ step: "victim", field: "victim-name" });
    expect(issueTarget("$.victim.disability.details.text")).toEqual({ step: "background", field: "victim-disability-details" });
    expect(issueTarget("$.victim.immigrationStatus")).toEqual({ step: "immigration", field: "victim-immigrationStatus" });
    expect(issueTarget("$.victim.phone")).toEqual({ step: "contact", field: "victim-phone" });
  });
});
