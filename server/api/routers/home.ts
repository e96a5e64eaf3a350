import { z } from "zod";
import { createRouter, maracProcedure, roleProcedure } from "~/server/api/trpc";
import { ZProjectedText } from "~/server/schemas/projected-case";
import { agencyHome, idvaHome, organiserHome } from "~/server/services/home";

const ZCaseRef = { caseId: z.string(), caseNumber: z.string(), victimName: z.string() };

/** Each role's home page: small summaries read through the same services and projection as the full pages. */
export const homeRouter = createRouter({
  /** Chairs and coordinators: the next meeting, triage and review counts, overdue actions, cases due for review. */
  organiser: roleProcedure("chair", "coordinator")
    .output(
      z.strictObject({
        nextMeeting: z
          .strictObject({
            id: z.string(),
            date: z.string(),
            time: z.string(),
            published: z.boolean(),
            cases: z.array(z.strictObject({ ...ZCaseRef, isRepeat: z.boolean() })),
            research: z.array(z.strictObject({ agencyName: z.string(), returned: z.number().int(), of: z.number().int() })),
          })
          .nullable(),
        triageCount: z.number().int(),
        reviewCount: z.number().int(),
        overdueActions: z.array(z.strictObject({ id: z.number().int(), caseId: z.string(), caseNumber: z.string(), owningAgencyName: z.string(), dueDate: z.string() })),
        dueForReview: z.array(z.strictObject({ ...ZCaseRef, referralDate: z.string() })),
      }),
    )
    .query(({ ctx }) => organiserHome(ctx.db, ctx.cipher, ctx.user, ctx.now())),
  /** A member agency (representatives and the IDVA service): its next pack, research due, its open actions. */
  agency: maracProcedure("agency_rep", "idva")
    .output(
      z.strictObject({
        nextPack: z.strictObject({ meetingId: z.string(), date: z.string(), time: z.string(), caseCount: z.number().int(), researchDue: z.array(z.strictObject(ZCaseRef)) }).nullable(),
        actions: z.array(z.strictObject({ id: z.number().int(), caseId: z.string(), caseNumber: z.string(), description: ZProjectedText, dueDate: z.string(), overdue: z.boolean() })),
      }),
    )
    .query(({ ctx }) => agencyHome(ctx.db, ctx.cipher, ctx.user, ctx.now())),
  /** The IDVA: the open cases their service referred, recent risk-factor flags and "tell the victim" tasks to do. */
  idva: maracProcedure("idva")
    .output(
      z.strictObject({
        cases: z.array(z.strictObject({ ...ZCaseRef, status: z.string(), referralDate: z.string() })),
        recentFlags: z.array(z.strictObject({ id: z.number().int(), caseId: z.string(), caseNumber: z.string(), label: z.string(), flaggedBy: z.string(), flaggedAt: z.date() })),
        victimTasks: z.array(z.strictObject({ overrideId: z.string(), caseId: z.string(), caseNumber: z.string(), agencyName: z.string(), dueDate: z.string(), overdue: z.boolean() })),
      }),
    )
    .query(({ ctx }) => idvaHome(ctx.db, ctx.cipher, ctx.user, ctx.now())),
});
