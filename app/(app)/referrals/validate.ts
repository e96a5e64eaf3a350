import "server-only";
import type { z } from "zod";
import { type FieldErrors, listNoun } from "~/components/referral/form-model";
import { fieldIdFromPath, type FormStep, isVictimPage, REFERRAL_STEPS, victimPageOf } from "~/components/referral/steps";
import { ZReferral } from "~/server/cases/import-schema";
import { PROFESSIONAL_JUDGEMENT_REASONS_MISSING } from "~/server/domain/referral/criteria";

/** Each page's piece of the referral, checked with the one referral schema (ZReferral). */
const SCHEMAS: Record<string, z.ZodType> = {
  victim: ZReferral.shape.victim,
  perpetrators: ZReferral.shape.perpetrators,
  householdMembers: ZReferral.shape.householdMembers,
  dash: ZReferral.shape.dash,
  criteria: ZReferral.shape.criteria,
  consent: ZReferral.shape.consent,
  victimViews: ZReferral.shape.victimViews,
  narrative: ZReferral.shape.narrative,
  // The agency, name, email and date come from the session at submit; the form asks only for these.
  referring: ZReferral.shape.referring.pick({ officerRole: true, officerPhone: true }),
};

export const LAWFUL_BASIS_MISSING = "The victim has not consented: choose the lawful basis for the referral.";

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The errors on one page's saved answers, keyed by field id: the schema's, then the rules the form
 * enforces (reasons for professional judgement; a lawful basis without consent). `formErrors`
 * (impossible dates) replace the schema's message for the same field.
 */
export function validateStep(step: FormStep, patch: Record<string, unknown>, formErrors: FieldErrors): FieldErrors {
  const errors: FieldErrors = {};
  const keys: readonly string[] = REFERRAL_STEPS.find((s) => s.slug === step)?.keys ?? [];
  for (const key of keys) {
    const schema = SCHEMAS[key];
    const result = schema?.safeParse(patch[key]);
    if (!result || result.success) continue;
    const noun = listNoun(key);
    for (const issue of result.error.issues) {
      const index = issue.path[0];
      const message = noun && typeof index === "number" ? `${noun} ${index + 1}: ${issue.message}` : issue.message;
      (errors[fieldIdFromPath([key, ...issue.path])] ??= []).push(message);
    }
  }
  if (step === "criteria" && isObj(patch.criteria)) {
    const { professionalJudgement, reasons } = patch.criteria;
    const text = isObj(reasons) && typeof reasons.text === "string" ? reasons.text : "";
    if (professionalJudgement === true && text.trim() === "") errors["criteria-reasons"] = [PROFESSIONAL_JUDGEMENT_REASONS_MISSING];
  }
  if (step === "consent" && isObj(patch.consent)) {
    const { consentGiven, lawfulBasis } = patch.consent;
    if (consentGiven === "no" && (typeof lawfulBasis !== "string" || lawfulBasis.trim() === "")) errors["consent-lawfulBasis"] = [LAWFUL_BASIS_MISSING];
  }
  const all = { ...errors, ...formErrors };
  // A victim page answers for its own fields only; the others' errors show on their own pages.
  return isVictimPage(step) ? Object.fromEntries(Object.entries(all).filter(([field]) => victimPageOf(field) === step)) : all;
}
