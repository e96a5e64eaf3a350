import { z } from "zod";
import { createRouter, roleProcedure } from "~/server/api/trpc";
import { upcomingMeetings } from "~/server/services/meetings";
import { ukDate } from "~/server/services/referral-submit";
import { acceptReferral, decidePossibleMatch, declineReferral, listTriage } from "~/server/services/triage";

/** Triage is the coordinator's and the chair's (design.md section 2). */
const triageProcedure = roleProcedure("chair", "coordinator");
const ZCaseId = z.string().min(1).max(100);

export const triageRouter = createRouter({
  queue: triageProcedure
    .output(
      z.array(
        z.strictObject({
          id: z.string(),
          caseNumber: z.string(),
          victimName: z.string(),
          referralDate: z.string(),
          referringAgencyName: z.string(),
          dashScore: z.number().int(),
          isRepeat: z.boolean(),
          hasChildren: z.boolean(),
          pendingMatches: z.number().int(),
          daysWaiting: z.number().int(),
          flags: z.array(z.string()),
          criteria: z.strictObject({ visibleHighRisk: z.boolean(), potentialEscalation: z.boolean(), professionalJudgement: z.boolean(), repeat: z.boolean() }),
        }),
      ),
    )
    .query(({ ctx }) => listTriage(ctx.db, ctx.cipher, ctx.now())),

  accept: triageProcedure
    .input(z.object({ caseId: ZCaseId, meetingId: ZCaseId.optional() }))
    .output(z.void())
    .mutation(({ ctx, input }) => acceptReferral(ctx.db, ctx.user, input.caseId, ctx.now(), input.meetingId)),

  /** Meetings from today on, for "accept to a meeting". */
  upcomingMeetings: triageProcedure
    .output(z.array(z.strictObject({ id: z.string(), date: z.string(), time: z.string() })))
    .query(({ ctx }) => upcomingMeetings(ctx.db, ukDate(ctx.now()))),

  decline: triageProcedure
    .input(z.object({ caseId: ZCaseId, reason: z.string().trim().min(10, { error: "Give the reason for declining, in at least 10 characters: the referring agency will see it" }).max(2000) }))
    .output(z.void())
    .mutation(({ ctx, input }) => declineReferral(ctx.db, ctx.cipher, ctx.user, input.caseId, input.reason, ctx.now())),

  decideMatch: triageProcedure
    .input(z.object({ linkId: z.number().int().min(1), confirm: z.boolean() }))
    .output(z.void())
    .mutation(({ ctx, input }) => decidePossibleMatch(ctx.db, ctx.cipher, ctx.user, input.linkId, input.confirm, ctx.now())),
});
