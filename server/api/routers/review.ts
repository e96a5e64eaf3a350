import { z } from "zod";
import { createRouter, roleProcedure } from "~/server/api/trpc";
import { TAGS } from "~/server/domain/tags";
import { agendaNotCleared, getTextForReview, reviewQueue, reviewQueueCount, reviewText } from "~/server/services/review";

/** Case holders review text before it is shared (decision 042): chair, coordinator and IDVA. */
const holderProcedure = roleProcedure("chair", "coordinator", "idva");
const ZCaseId = z.string().min(1, { error: "Choose a case." }).max(100);
const ZRef = z.string().min(1, { error: "Choose a text to review." }).max(300, { error: "That text reference is too long." });
const ZVersion = z.string().regex(/^[0-9a-f]{64}$/, { error: "Reload the page: the text's version is missing." });
const ZDigest = z.string().regex(/^[0-9a-f]{64}$/, { error: "Reload the page: a sentence reference is not valid." });

const ZDecision = z.discriminatedUnion(
  "action",
  [
    z.strictObject({ digest: ZDigest, action: z.literal("confirm") }),
    z.strictObject({ digest: ZDigest, action: z.literal("no_tag") }),
    z.strictObject({ digest: ZDigest, action: z.literal("tag"), tag: z.enum(TAGS, { error: "Choose a tag from the list." }) }),
  ],
  { error: "For each sentence choose confirm, no tag, or a tag." },
);

const ZSuggestion = z.strictObject({
  tag: z.enum(TAGS),
  source: z.enum(["detector", "manual"]),
  uncertain: z.boolean(),
  rule: z.string().nullable(),
  reason: z.string(),
});

export const reviewRouter = createRouter({
  queue: holderProcedure
    .output(
      z.strictObject({
        nextMeetingDate: z.string().nullable(),
        cases: z.array(
          z.strictObject({
            caseId: z.string(),
            caseNumber: z.string(),
            victimName: z.string(),
            onNextAgenda: z.boolean(),
            texts: z.array(z.strictObject({ ref: z.string(), label: z.string(), unreviewed: z.number().int() })),
          }),
        ),
      }),
    )
    .query(({ ctx }) => reviewQueue(ctx.db, ctx.cipher, ctx.now())),

  /** For the meeting page: agenda cases with text not yet cleared (chairs and coordinators run meetings). */
  agendaNotCleared: roleProcedure("chair", "coordinator")
    .input(z.strictObject({ meetingId: z.string().min(1, { error: "Choose a meeting." }).max(100) }))
    .output(z.array(z.strictObject({ caseId: z.string(), caseNumber: z.string(), victimName: z.string() })))
    .query(({ ctx, input }) => agendaNotCleared(ctx.db, ctx.cipher, input.meetingId)),

  count: holderProcedure.output(z.number().int()).query(({ ctx }) => reviewQueueCount(ctx.db, ctx.cipher, ctx.now())),

  text: holderProcedure
    .input(z.strictObject({ caseId: ZCaseId, ref: ZRef }))
    .output(
      z.strictObject({
        caseId: z.string(),
        caseNumber: z.string(),
        ref: z.string(),
        label: z.string(),
        version: z.string(),
        sentences: z.array(z.strictObject({ digest: z.string(), sentence: z.string(), reviewed: z.boolean(), suggestions: z.array(ZSuggestion) })),
      }),
    )
    .query(({ ctx, input }) => getTextForReview(ctx.db, ctx.cipher, ctx.user, input.caseId, input.ref)),

  review: holderProcedure
    .input(z.strictObject({ caseId: ZCaseId, ref: ZRef, version: ZVersion, decisions: z.array(ZDecision).min(1, { error: "Choose what to do with at least one sentence." }).max(2000) }))
    .output(z.strictObject({ version: z.string(), unreviewed: z.number().int() }))
    .mutation(({ ctx, input }) => reviewText(ctx.db, ctx.cipher, ctx.user, input, ctx.now())),

  confirmAll: holderProcedure
    .input(z.strictObject({ caseId: ZCaseId, ref: ZRef, version: ZVersion }))
    .output(z.strictObject({ version: z.string(), unreviewed: z.number().int() }))
    .mutation(({ ctx, input }) => reviewText(ctx.db, ctx.cipher, ctx.user, { ...input, confirmAll: true }, ctx.now())),
});
