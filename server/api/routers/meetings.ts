import { z } from "zod";
import { createRouter, roleProcedure } from "~/server/api/trpc";
import { ZMeetingFields } from "~/server/schemas/meetings";
import { addToAgenda, createMeeting, meetingFormOptions, getMeeting, listMeetings, moveAgendaItem, publishAgenda, removeFromAgenda, updateMeeting } from "~/server/services/meetings";

/** Everyone who works on cases sees the meetings their agency is invited to. */
const caseworkProcedure = roleProcedure("chair", "coordinator", "idva", "agency_rep");
/** Chairs and coordinators prepare meetings and agendas. */
const organiserProcedure = roleProcedure("chair", "coordinator");

const ZId = z.string().min(1).max(100);
const ZCriterion = z.enum(["visibleHighRisk", "potentialEscalation", "professionalJudgement", "repeat"]);

const ZMeetingDto = z.strictObject({
  id: z.string(),
  date: z.string(),
  time: z.string(),
  venue: z.string(),
  online: z.boolean(),
  chairUserId: z.string(),
  chairName: z.string(),
  version: z.number().int(),
  publishedAt: z.date().nullable(),
  invited: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  lines: z.array(
    z.strictObject({
      caseId: z.string(),
      caseNumber: z.string(),
      victimName: z.string(),
      victimDateOfBirth: z.string().nullable(),
      perpetrators: z.string(),
      isRepeat: z.boolean(),
      dashScore: z.number().int(),
      criteria: z.array(ZCriterion),
      referringAgencyName: z.string(),
      hasChildren: z.boolean(),
    }),
  ),
  changes: z.array(z.strictObject({ at: z.date(), description: z.string() })),
  reviewDue: z.array(z.strictObject({ caseId: z.string(), caseNumber: z.string(), referralDate: z.string(), victimName: z.string() })),
});

export const meetingsRouter = createRouter({
  /** What the meeting form offers: who can chair, which agencies can be invited (members only), and cases ready for an agenda. */
  formOptions: organiserProcedure
    .output(
      z.strictObject({
        chairs: z.array(z.strictObject({ id: z.string(), name: z.string() })),
        agencies: z.array(z.strictObject({ id: z.string(), name: z.string() })),
        acceptedCases: z.array(z.strictObject({ id: z.string(), caseNumber: z.string(), victimName: z.string() })),
      }),
    )
    .query(({ ctx }) => meetingFormOptions(ctx.db)),
  list: caseworkProcedure
    .output(z.array(z.strictObject({ id: z.string(), date: z.string(), time: z.string(), venue: z.string(), online: z.boolean(), published: z.boolean() })))
    .query(({ ctx }) => listMeetings(ctx.db, ctx.user)),
  get: caseworkProcedure.input(z.object({ meetingId: ZId })).output(ZMeetingDto).query(({ ctx, input }) => getMeeting(ctx.db, ctx.user, input.meetingId)),
  create: organiserProcedure.input(ZMeetingFields).output(z.strictObject({ id: z.string() })).mutation(({ ctx, input }) => createMeeting(ctx.db, ctx.user, input, ctx.now())),
  update: organiserProcedure
    .input(ZMeetingFields.extend({ meetingId: ZId, version: z.number().int().min(1) }))
    .output(z.void())
    .mutation(({ ctx, input: { meetingId, version, ...fields } }) => updateMeeting(ctx.db, ctx.user, meetingId, version, fields, ctx.now())),
  addCase: organiserProcedure.input(z.object({ meetingId: ZId, caseId: ZId })).output(z.void()).mutation(({ ctx, input }) => addToAgenda(ctx.db, ctx.user, input.meetingId, input.caseId, ctx.now())),
  removeCase: organiserProcedure.input(z.object({ meetingId: ZId, caseId: ZId })).output(z.void()).mutation(({ ctx, input }) => removeFromAgenda(ctx.db, ctx.user, input.meetingId, input.caseId, ctx.now())),
  move: organiserProcedure
    .input(z.object({ meetingId: ZId, caseId: ZId, direction: z.enum(["up", "down"]) }))
    .output(z.void())
    .mutation(({ ctx, input }) => moveAgendaItem(ctx.db, ctx.user, input.meetingId, input.caseId, input.direction, ctx.now())),
  publish: organiserProcedure.input(z.object({ meetingId: ZId })).output(z.void()).mutation(({ ctx, input }) => publishAgenda(ctx.db, ctx.user, input.meetingId, ctx.now())),
});
