import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db } from "~/db/client";
import { createRouter, maracProcedure, roleProcedure } from "~/server/api/trpc";
import { BUSY_MESSAGE } from "~/server/exports/pdf/pdf-pool";
import { pdfRenderer } from "~/server/exports/pdf/render-in-worker";
import type { PackSource } from "~/server/exports/pdf/worker-entry";
import { ZAgendaFilters, ZMeetingFields } from "~/server/schemas/meetings";
import { ZAgendaLine, ZPack } from "~/server/schemas/packs";
import { ZProjectedText } from "~/server/schemas/projected-case";
import { listResearch, saveResearch } from "~/server/services/research";
import { getMinutes, saveCaseNotes, saveMeetingRecord, setCaseComplete, startCaseTimer } from "~/server/services/minutes";
import { getPack } from "~/server/services/packs";
import type { SessionUser } from "~/server/services/sessions";
import { addCasesToAgenda, addToAgenda, agendaCandidates, createMeeting, meetingFormOptions, getMeeting, listMeetings, moveAgendaItem, publishAgenda, removeFromAgenda, updateMeeting, visibleMeeting } from "~/server/services/meetings";
import { WorkersBusy } from "~/server/workers/pool";

/** Everyone at MARAC sees the meetings their agency is invited to; a non-member agency none. */
const caseworkProcedure = maracProcedure("chair", "coordinator", "idva", "agency_rep");
/** Chairs and coordinators prepare meetings and agendas. */
const organiserProcedure = roleProcedure("chair", "coordinator");

const ZId = z.string().min(1).max(100);

export const ZMinutes = z.strictObject({
  meeting: z.strictObject({ id: z.string(), date: z.string(), time: z.string(), venue: z.string(), online: z.boolean(), chairName: z.string() }),
  recipient: z.strictObject({ agencyId: z.string(), agencyName: z.string(), userName: z.string() }),
  confidentialityStatement: z.string(),
  confidentialityAgreed: z.boolean(),
  statementConfirmedBy: z.string().nullable(),
  statementConfirmedAt: z.date().nullable(),
  recordVersion: z.number().int().nullable(),
  attendance: z.array(z.strictObject({ agencyName: z.string(), status: z.enum(["attended", "apologies", "absent"]), names: z.string() })),
  invited: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  cases: z.array(
    z.strictObject({
      caseId: z.string(),
      caseNumber: z.string(),
      victimName: z.string(),
      discussion: ZProjectedText,
      risks: ZProjectedText,
      safetyPlan: ZProjectedText,
      notesVersion: z.number().int().nullable(),
      minutesTaken: z.number().int().nullable(),
      timerStartedAt: z.date().nullable(),
      completedAt: z.date().nullable(),
      actions: z.array(z.strictObject({ description: ZProjectedText, owningAgencyName: z.string(), ownerName: z.string(), dueDate: z.string(), status: z.enum(["open", "done", "not_possible", "not_done"]) })),
    }),
  ),
});
export type TMinutes = z.infer<typeof ZMinutes>;

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
  /** The day research is due (ISO date), and whether the chair set it rather than the default. */
  researchDeadline: z.string(),
  researchDeadlineSet: z.boolean(),
  invited: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  lines: z.array(ZAgendaLine),
  changes: z.array(z.strictObject({ at: z.date(), description: z.string() })),
  reviewDue: z.array(z.strictObject({ caseId: z.string(), caseNumber: z.string(), referralDate: z.string(), victimName: z.string() })),
});

/** What a pack task needs to build packs as this reader on a worker thread: the database file, the reader and the clock. */
function packSource(ctx: { db: Db; user: SessionUser; now: () => Date }, meetingId: string): PackSource {
  return { databaseFile: ctx.db.$client.name, user: ctx.user, meetingId, now: ctx.now().getTime() };
}

/** A full queue is the reader's "try again in a minute" (the routes answer 503), not a server error. */
async function inWorker<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (e) {
    if (e instanceof WorkersBusy) throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: BUSY_MESSAGE, cause: e });
    throw e;
  }
}

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
    .output(z.array(z.strictObject({ id: z.string(), date: z.string(), time: z.string(), venue: z.string(), online: z.boolean(), published: z.boolean(), upcoming: z.boolean() })))
    .query(({ ctx }) => listMeetings(ctx.db, ctx.user, ctx.now())),
  /** The signed-in agency's pack (or, for chairs and coordinators, a preview of any invited agency's). */
  pack: caseworkProcedure
    .input(z.object({ meetingId: ZId, asAgencyId: ZId.optional() }))
    .output(ZPack)
    .query(({ ctx, input }) => getPack(ctx.db, ctx.cipher, ctx.user, input.meetingId, ctx.now(), { asAgencyId: input.asAgencyId, surface: "meeting_pack" })),
  /**
   * The same pack as a PDF (logged as a PDF disclosure). The meeting is checked here, so a reader it
   * is not published to never starts a task; the worker builds, logs and renders the pack (decision 076).
   */
  packPdf: caseworkProcedure
    .input(z.object({ meetingId: ZId, asAgencyId: ZId.optional() }))
    .output(z.strictObject({ fileName: z.string(), pdf: z.instanceof(Uint8Array) }))
    .query(async ({ ctx, input }) => {
      const meeting = visibleMeeting(ctx.db, ctx.user, input.meetingId);
      const { name, bytes } = await inWorker(() => pdfRenderer().pack(packSource(ctx, meeting.id), input.asAgencyId));
      return { fileName: name, pdf: bytes };
    }),
  /**
   * Every invited agency's pack as a PDF, in one zip, for the coordinator's download. Authorised
   * here (the role; the meeting exists); the packs are built, checked against ZPack, logged as PDF
   * disclosures and rendered on a worker thread (decision 076), so the server thread stays free.
   */
  allPacksZip: organiserProcedure
    .input(z.object({ meetingId: ZId }))
    .output(z.strictObject({ fileName: z.string(), zip: z.instanceof(Uint8Array) }))
    .query(async ({ ctx, input }) => {
      const meeting = visibleMeeting(ctx.db, ctx.user, input.meetingId);
      const zip = await inWorker(() => pdfRenderer().packs(packSource(ctx, meeting.id)));
      return { fileName: `marac-packs-${meeting.date}.zip`, zip };
    }),
  /** Research on one case of the meeting, or (without caseId) on every case of it, for the pack page. */
  research: caseworkProcedure
    .input(z.object({ meetingId: ZId, caseId: ZId.optional() }))
    .output(
      z.array(
        z.strictObject({
          caseId: z.string(),
          agencyId: z.string(),
          agencyName: z.string(),
          updatedBy: z.string(),
          updatedAt: z.date(),
          version: z.number().int(),
          late: z.boolean(),
          own: z.boolean(),
          shared: ZProjectedText,
          withheld: ZProjectedText.nullable(),
        }),
      ),
    )
    .query(({ ctx, input }) => listResearch(ctx.db, ctx.cipher, ctx.user, input.meetingId, input.caseId, ctx.now())),
  saveResearch: caseworkProcedure
    .input(
      z.object({
        meetingId: ZId,
        caseId: ZId,
        version: z.number().int().min(1).nullable(),
        shared: z.string().max(20_000, { error: "Research must be 20,000 characters or fewer" }),
        withheld: z.string().max(20_000, { error: "This must be 20,000 characters or fewer" }),
      }),
    )
    .output(z.strictObject({ version: z.number().int() }))
    .mutation(({ ctx, input }) => saveResearch(ctx.db, ctx.cipher, ctx.user, input, ctx.now())),
  minutes: caseworkProcedure
    .input(z.object({ meetingId: ZId, asAgencyId: ZId.optional() }))
    .output(ZMinutes)
    .query(({ ctx, input }) => getMinutes(ctx.db, ctx.cipher, ctx.user, input.meetingId, ctx.now(), input.asAgencyId)),
  minutesPdf: caseworkProcedure
    .input(z.object({ meetingId: ZId, asAgencyId: ZId.optional() }))
    .output(ZMinutes)
    .query(({ ctx, input }) => getMinutes(ctx.db, ctx.cipher, ctx.user, input.meetingId, ctx.now(), input.asAgencyId, "minutes_pdf")),
  /** The chair's run sheet: the minutes in the chair's own full view, for recording the meeting. */
  runSheet: organiserProcedure
    .input(z.object({ meetingId: ZId }))
    .output(ZMinutes)
    .query(({ ctx, input }) => getMinutes(ctx.db, ctx.cipher, ctx.user, input.meetingId, ctx.now())),
  saveRecord: organiserProcedure
    .input(
      z.object({
        meetingId: ZId,
        version: z.number().int().min(1).nullable(),
        confidentialityAgreed: z.boolean(),
        attendance: z.array(z.object({ agencyId: ZId, status: z.enum(["attended", "apologies", "absent"]), names: z.string().max(500) })).max(100),
      }),
    )
    .output(z.strictObject({ version: z.number().int() }))
    .mutation(({ ctx, input }) => saveMeetingRecord(ctx.db, ctx.user, input, ctx.now())),
  /** One case's notes; a save based on an older version is refused and the newer notes returned. */
  saveCaseNotes: organiserProcedure
    .input(
      z.object({
        meetingId: ZId,
        caseId: ZId,
        version: z.number().int().min(1).nullable(),
        discussion: z.string().max(20_000, { error: "The discussion must be 20,000 characters or fewer" }),
        risks: z.string().max(20_000, { error: "The summary of risks must be 20,000 characters or fewer" }),
        safetyPlan: z.string().max(20_000, { error: "The safety plan must be 20,000 characters or fewer" }),
      }),
    )
    .output(
      z.discriminatedUnion("saved", [
        z.strictObject({ saved: z.literal(true), version: z.number().int() }),
        z.strictObject({
          saved: z.literal(false),
          message: z.string(),
          current: z.strictObject({ version: z.number().int(), discussion: z.string(), risks: z.string(), safetyPlan: z.string() }),
        }),
      ]),
    )
    .mutation(({ ctx, input }) => saveCaseNotes(ctx.db, ctx.cipher, ctx.user, input, ctx.now())),
  /** Starts or restarts a case's timer on the server. */
  startTimer: organiserProcedure
    .input(z.object({ meetingId: ZId, caseId: ZId }))
    .output(z.strictObject({ startedAt: z.date() }))
    .mutation(({ ctx, input }) => startCaseTimer(ctx.db, ctx.cipher, ctx.user, input, ctx.now())),
  /** Marks a case complete (or reopens it). */
  completeCase: organiserProcedure
    .input(z.object({ meetingId: ZId, caseId: ZId, complete: z.boolean() }))
    .output(z.void())
    .mutation(({ ctx, input }) => setCaseComplete(ctx.db, ctx.cipher, ctx.user, input, ctx.now())),
  /** Accepted cases to add to the agenda, by the add-cases form's filters. */
  agendaCandidates: organiserProcedure
    .input(z.object({ meetingId: ZId, filters: ZAgendaFilters.default({ heard: "unscheduled", repeatOnly: false, childrenOnly: false }) }))
    .output(z.array(z.strictObject({ id: z.string(), caseNumber: z.string(), victimName: z.string(), referralDate: z.string(), isRepeat: z.boolean(), hasChildren: z.boolean() })))
    .query(({ ctx, input }) => agendaCandidates(ctx.db, input.meetingId, input.filters, ctx.now())),
  /** Adds several cases at once: all or none. */
  addCases: organiserProcedure
    .input(z.object({ meetingId: ZId, caseIds: z.array(ZId).min(1, { error: "Select at least one case to add" }).max(200) }))
    .output(z.strictObject({ added: z.number().int() }))
    .mutation(({ ctx, input }) => addCasesToAgenda(ctx.db, ctx.user, input.meetingId, input.caseIds, ctx.now())),
  get: caseworkProcedure.input(z.object({ meetingId: ZId })).output(ZMeetingDto).query(({ ctx, input }) => getMeeting(ctx.db, ctx.cipher, ctx.user, input.meetingId)),
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
