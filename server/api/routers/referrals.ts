import { z } from "zod";
import { createRouter, roleProcedure } from "~/server/api/trpc";
import { detect, suggestionReason } from "~/server/domain/detector";
import { TAGS } from "~/server/domain/tags";
import { ZDraftPatch } from "~/server/schemas/referral-draft";
import { createDraft, getDraft, listDrafts, saveDraft } from "~/server/services/referral-drafts";
import { draftCriteria, submitReferralSafely } from "~/server/services/referral-submit";

/** Everyone who may refer a case to MARAC (design.md section 1); admins see no case content. */
const referrerProcedure = roleProcedure("chair", "coordinator", "idva", "agency_rep");

const ZDraftId = z.string().min(1).max(100);
const ZCriterion = z.strictObject({ id: z.string(), label: z.string(), met: z.boolean(), explanation: z.string() });

export const referralsRouter = createRouter({
  drafts: referrerProcedure
    .output(z.array(z.strictObject({ id: z.string(), updatedAt: z.date(), mine: z.boolean(), victimName: z.string() })))
    .query(({ ctx }) => listDrafts(ctx.db, ctx.cipher, ctx.user, ctx.now())),

  start: referrerProcedure.output(z.strictObject({ id: z.string() })).mutation(({ ctx }) => createDraft(ctx.db, ctx.cipher, ctx.user, ctx.now())),

  draft: referrerProcedure
    .input(z.object({ draftId: ZDraftId }))
    .output(z.strictObject({ id: z.string(), version: z.number().int(), updatedAt: z.date(), authorId: z.string(), content: z.record(z.string(), z.unknown()) }))
    .query(({ ctx, input }) => getDraft(ctx.db, ctx.cipher, ctx.user, input.draftId, ctx.now())),

  /**
   * Saves one page of answers into the draft as they are, valid or not, so nothing typed is lost;
   * only the referral's own fields, and the draft at most DRAFT_MAX_BYTES.
   */
  save: referrerProcedure
    .input(z.object({ draftId: ZDraftId, version: z.number().int().min(1), patch: ZDraftPatch }))
    .output(z.strictObject({ version: z.number().int() }))
    .mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.cipher, ctx.user, input.draftId, input.version, input.patch, ctx.now())),

  /** The referral criteria for the draft so far, on this MARAC's active settings. */
  criteria: referrerProcedure
    .input(z.object({ draftId: ZDraftId }))
    .output(z.strictObject({ criteria: z.array(ZCriterion), anyMet: z.boolean(), canSubmit: z.boolean(), message: z.string(), error: z.strictObject({ field: z.string(), message: z.string() }).optional() }))
    .query(({ ctx, input }) => {
      const e = draftCriteria(ctx.db, getDraft(ctx.db, ctx.cipher, ctx.user, input.draftId, ctx.now()).content);
      return { criteria: [...e.criteria], anyMet: e.anyMet, canSubmit: e.canSubmit, message: e.message, ...(e.error ? { error: e.error } : {}) };
    }),

  submit: referrerProcedure
    .input(z.object({ draftId: ZDraftId }))
    .output(
      z.discriminatedUnion("ok", [
        z.strictObject({ ok: z.literal(true), caseId: z.string(), caseNumber: z.string() }),
        z.strictObject({ ok: z.literal(false), issues: z.array(z.strictObject({ path: z.string(), message: z.string() })) }),
      ]),
    )
    .mutation(({ ctx, input }) => submitReferralSafely(ctx.db, ctx.cipher, ctx.user, input.draftId, ctx.now())),

  /** Sentence suggestions for text being typed (the narrative box): the text is not stored. */
  suggest: referrerProcedure
    .input(z.object({ text: z.string().max(100_000) }))
    .output(z.array(z.strictObject({ start: z.number().int(), end: z.number().int(), tags: z.array(z.enum(TAGS)), rule: z.string(), reason: z.string() })))
    .query(({ input }) =>
      detect(input.text).map((s) => ({ start: s.start, end: s.end, tags: [...s.tags], rule: s.rule, reason: s.tags.map((t) => suggestionReason(t, s.rule, s.uncertain === true)).join(" ") })),
    ),
});
