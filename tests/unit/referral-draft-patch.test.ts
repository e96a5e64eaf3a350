import { describe, expect, it } from "vitest";
import { patchFromValues } from "~/components/referral/form-model";
import { REFERRAL_STEPS, isFormStep } from "~/components/referral/steps";
import { ZDraftPatch } from "~/server/schemas/referral-draft";

/** The strict draft schema must accept everything the form's pages save, filled in or blank. */
describe("the draft patch schema fits the referral form", () => {
  const steps = REFERRAL_STEPS.map((s) => s.slug).filter(isFormStep);

  it.each(steps)("accepts the %s page, blank and with two list blocks", (step) => {
    for (const intent of ["continue", "add"]) {
      const { patch } = patchFromValues(step, { "perpetrators-count": "1", "householdMembers-count": "1" }, intent);
      const parsed = ZDraftPatch.safeParse(patch);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });

  it("accepts answers typed wrongly (kept as typed) but not fields the form does not have", () => {
    expect(ZDraftPatch.safeParse({ victim: { dateOfBirth: "2020-2-31" }, criteria: { policeIncidentsLast12Months: "lots" } }).success).toBe(true);
    expect(ZDraftPatch.safeParse({ status: "accepted" }).success).toBe(false);
    expect(ZDraftPatch.safeParse({ dash: { answers: { q99: { answer: "yes" } } } }).success).toBe(false);
  });
});
