import { z } from "zod";
import { requiredText } from "./common";
import { dashSchema } from "./dash";
import { householdMemberSchema, perpetratorSchema } from "./people";
import { consentSchema, criteriaSchema, referringSchema, victimViewsSchema } from "./referral";
import { optionalTaggedText } from "./text";
import { victimSchema } from "./victim";

/**
 * A MARAC case as its referral describes it: the SafeLives referral form (2015) plus common local
 * additions (domain.md 1.4). Every field has a classification decision in `./catalogue.ts`.
 */
export const caseRecordSchema = z.strictObject({
  caseId: requiredText("the case id", 100),
  caseNumber: requiredText("the case number", 100),
  referring: referringSchema,
  victim: victimSchema,
  perpetrators: z
    .array(perpetratorSchema, { error: "Perpetrators must be a list." })
    .min(1, { error: "Add at least one perpetrator." }),
  householdMembers: z.array(householdMemberSchema, { error: "Household members must be a list." }).default([]),
  dash: dashSchema.prefault({}),
  criteria: criteriaSchema.prefault({}),
  consent: consentSchema.prefault({}),
  victimViews: victimViewsSchema.prefault({}),
  narrative: optionalTaggedText,
});

/** A validated case record (defaults applied). */
export type CaseRecord = z.infer<typeof caseRecordSchema>;
/** What an import, form or tRPC input may send before defaults are applied. */
export type CaseRecordInput = z.input<typeof caseRecordSchema>;
