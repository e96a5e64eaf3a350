import { z } from "zod";
import { caseRecordSchema } from "~/server/domain/case/schema";

export const CASE_STATUSES = ["referred", "accepted", "declined", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * One referral as it arrives (import file, tRPC mutation, the referral form): the case record
 * without the ids MARAC Desk assigns. The same schema serves every way in.
 */
export const ZReferral = caseRecordSchema.omit({ caseId: true, caseNumber: true }).extend({
  status: z.enum(CASE_STATUSES, { error: `Status must be one of: ${CASE_STATUSES.join(", ")}.` }).default("referred"),
});
export type TReferral = z.infer<typeof ZReferral>;
export type TReferralInput = z.input<typeof ZReferral>;

/** An import file (docs/import-format.md). */
export const ZReferralImportFile = z.strictObject({
  format: z.literal("marac-desk.referrals", { error: 'The "format" must be "marac-desk.referrals".' }),
  version: z.literal(1, { error: 'The "version" must be 1.' }),
  referrals: z
    .array(ZReferral, { error: 'The file must have a "referrals" list.' })
    .min(1, { error: "The file has no referrals." })
    .max(50_000, { error: "Import at most 50,000 referrals at a time." }),
});
export type TReferralImportFile = z.infer<typeof ZReferralImportFile>;
