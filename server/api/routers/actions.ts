import { z } from "zod";
import { createRouter, maracProcedure, roleProcedure } from "~/server/api/trpc";
import { ACTION_STATUSES } from "~/server/domain/meeting/actions";
import { isIsoDate } from "~/server/domain/referral/dates";
import { TAGS } from "~/server/domain/tags";
import { ZAction } from "~/server/schemas/packs";
import { createAction, listActionsToReview, listAgencyActions, listOpenFromPreviousMeeting, listCaseActions, listOverdueActions, updateActionStatus } from "~/server/services/actions";
import { assertCanOpenCase } from "~/server/services/cases";
import { meetingsForCase } from "~/server/services/meetings";

/** Actions are MARAC outputs: member agencies only, never a non-member agency that referred the case. */
const caseworkProcedure = maracProcedure("chair", "coordinator", "idva", "agency_rep");
const organiserProcedure = roleProcedure("chair", "coordinator");
const ZId = z.string().min(1).max(100);

export const actionsRouter = createRouter({
  create: organiserProcedure
    .input(
      z.object({
        meetingId: ZId,
        caseId: ZId,
        description: z.string().trim().min(1, { error: "Describe the action" }).max(2000, { error: "The action must be 2,000 characters or fewer" }),
        tags: z.array(z.enum(TAGS)).max(6).default([]),
        owningAgencyId: ZId,
        ownerName: z.string().trim().min(1, { error: "Name the person who owns the action" }).max(200),
        dueDate: z.string().refine(isIsoDate, { error: "Enter the due date as a real date" }),
      }),
    )
    .output(z.strictObject({ id: z.number().int() }))
    .mutation(({ ctx, input }) => createAction(ctx.db, ctx.cipher, ctx.user, input, ctx.now())),

  forCase: caseworkProcedure
    .input(z.object({ caseId: ZId }))
    .output(z.array(ZAction))
    .query(({ ctx, input }) => {
      assertCanOpenCase(ctx.db, ctx.user, input.caseId);
      return listCaseActions(ctx.db, ctx.cipher, ctx.user, input.caseId, ctx.now());
    }),

  /** Meetings where this case was (or will be) heard: where its actions are agreed. */
  meetingsForCase: organiserProcedure
    .input(z.object({ caseId: ZId }))
    .output(z.array(z.strictObject({ id: z.string(), date: z.string(), time: z.string() })))
    .query(({ ctx, input }) => meetingsForCase(ctx.db, input.caseId)),

  /** Actions still open from the meeting before this one (for the agenda). */
  openFromPreviousMeeting: organiserProcedure
    .input(z.object({ meetingId: ZId }))
    .output(z.array(ZAction))
    .query(({ ctx, input }) => listOpenFromPreviousMeeting(ctx.db, ctx.cipher, ctx.user, input.meetingId, ctx.now())),

  /** For the meeting page: actions open from the last meeting and other overdue ones, each once. */
  toReview: organiserProcedure
    .input(z.object({ meetingId: ZId }))
    .output(z.strictObject({ fromLastMeeting: z.array(ZAction), otherOverdue: z.array(ZAction) }))
    .query(({ ctx, input }) => listActionsToReview(ctx.db, ctx.cipher, ctx.user, input.meetingId, ctx.now())),

  mine: caseworkProcedure.output(z.array(ZAction)).query(({ ctx }) => listAgencyActions(ctx.db, ctx.cipher, ctx.user, ctx.now())),

  overdue: organiserProcedure.output(z.array(ZAction)).query(({ ctx }) => listOverdueActions(ctx.db, ctx.cipher, ctx.user, ctx.now())),

  updateStatus: caseworkProcedure
    .input(z.object({ actionId: z.number().int().min(1), version: z.number().int().min(1), status: z.enum(ACTION_STATUSES, { error: "Choose the action's status" }), note: z.string().max(2000).default("") }))
    .output(z.void())
    .mutation(({ ctx, input }) => updateActionStatus(ctx.db, ctx.cipher, ctx.user, input, ctx.now())),
});
