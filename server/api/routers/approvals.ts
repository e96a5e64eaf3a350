import { z } from "zod";
import { adminProcedure, createRouter, roleProcedure } from "~/server/api/trpc";
import { ZProposalId } from "~/server/schemas/admin";
import { ZPendingChangeDto } from "~/server/schemas/outputs";
import { requireFreshSecondFactor } from "~/server/services/two-factor";
import { approveChange, countPendingChanges, listPendingChanges, rejectChange } from "~/server/services/privileged-changes";

const chairProcedure = roleProcedure("chair");

/** Chairs decide the privileged changes admins propose (decision 033). */
export const approvalsRouter = createRouter({
  list: chairProcedure.output(z.array(ZPendingChangeDto)).query(({ ctx }) => listPendingChanges(ctx.db, ctx.now())),
  count: chairProcedure.output(z.number().int()).query(({ ctx }) => countPendingChanges(ctx.db, ctx.now())),
  /**
   * The one-time password, for a new account or a reset, goes to this chair only, once. Approving
   * (roles, agencies, policy, resets) needs an authenticator code from the last 15 minutes.
   */
  approve: chairProcedure
    .input(ZProposalId)
    .output(z.strictObject({ oneTimePassword: z.string().nullable(), userName: z.string().nullable() }))
    .mutation(({ ctx, input }) => {
      requireFreshSecondFactor(ctx.user, ctx.now());
      return approveChange(ctx.db, ctx.cipher, ctx.user, input.id, ctx.now());
    }),
  reject: chairProcedure
    .input(ZProposalId)
    .output(z.void())
    .mutation(({ ctx, input }) => rejectChange(ctx.db, ctx.user, input.id, ctx.now())),
});

/** The admin's view of what is waiting for a chair. */
export const adminChangesRouter = createRouter({
  pending: adminProcedure.output(z.array(ZPendingChangeDto)).query(({ ctx }) => listPendingChanges(ctx.db, ctx.now())),
});
