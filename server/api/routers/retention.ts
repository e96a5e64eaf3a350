import { z } from "zod";
import { createRouter, roleProcedure } from "~/server/api/trpc";
import { DELETION_REASONS } from "~/db/schema";
import { decideDeletion, listTombstones, proposeDeletion, retentionSchedule } from "~/server/services/retention";

const organisers = roleProcedure("chair", "coordinator");

const ZProposal = z.strictObject({ id: z.number().int(), caseId: z.string(), caseNumber: z.string(), reason: z.enum(DELETION_REASONS), proposedAt: z.date(), proposedByUserId: z.string(), proposedByName: z.string() });

export const retentionRouter = createRouter({
  schedule: organisers
    .output(
      z.strictObject({
        retentionMonths: z.number().int(),
        due: z.array(z.strictObject({ id: z.string(), caseNumber: z.string(), referralDate: z.string(), closedAt: z.date(), keptUntil: z.date(), proposal: ZProposal.nullable() })),
        erasureRequests: z.array(ZProposal),
      }),
    )
    .query(({ ctx }) => retentionSchedule(ctx.db, ctx.now())),

  /** Only a chair proposes; a second person decides. */
  propose: roleProcedure("chair")
    .input(z.object({ caseId: z.string().min(1).max(100), reason: z.enum(DELETION_REASONS, { error: "Choose why the case is to be deleted" }) }))
    .output(z.strictObject({ id: z.number().int() }))
    .mutation(({ ctx, input }) => proposeDeletion(ctx.db, ctx.user, input, ctx.now())),

  decide: organisers
    .input(z.object({ proposalId: z.number().int().positive(), approve: z.boolean({ error: "Say whether you approve the deletion" }) }))
    .output(z.strictObject({ deleted: z.boolean() }))
    .mutation(({ ctx, input }) => decideDeletion(ctx.db, ctx.user, input, ctx.now())),

  tombstones: organisers
    .output(
      z.array(
        z.strictObject({
          caseId: z.string(),
          caseNumber: z.string(),
          referralDate: z.string(),
          closedAt: z.date().nullable(),
          deletedAt: z.date(),
          reason: z.enum(DELETION_REASONS),
          proposedByUserId: z.string(),
          approvedByUserId: z.string(),
          proposedBy: z.string(),
          approvedBy: z.string(),
        }),
      ),
    )
    .query(({ ctx }) => listTombstones(ctx.db)),
});
