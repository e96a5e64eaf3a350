import { z } from "zod";
import { adminProcedure, createRouter } from "~/server/api/trpc";
import { ZCreateUser, ZResetPassword, ZUpdateUser } from "~/server/schemas/admin";
import { ZIdDto, ZProposalRefDto, ZUserDto } from "~/server/schemas/outputs";
import { endAllSessionsOf } from "~/server/services/sessions";
import { requireFreshSecondFactor } from "~/server/services/two-factor";
import { getUser, listUsers, proposeNewUser, proposePasswordReset, updateUser } from "~/server/services/users";

/** What an admin does to accounts. Anything that widens access is a proposal a chair approves (decision 033). */
export const adminUsersRouter = createRouter({
  list: adminProcedure.output(z.array(ZUserDto)).query(({ ctx }) => listUsers(ctx.db)),
  get: adminProcedure
    .input(z.object({ id: z.string().min(1) }))
    .output(ZUserDto)
    .query(({ ctx, input }) => getUser(ctx.db, input.id)),
  /** Proposes a new account; it is created, with a one-time password for the approving chair, on approval. */
  create: adminProcedure
    .input(ZCreateUser)
    .output(z.strictObject({ proposalId: z.string() }))
    .mutation(({ ctx, input }) => proposeNewUser(ctx.db, ctx.user, input, ctx.now())),
  update: adminProcedure
    .input(ZUpdateUser)
    .output(ZIdDto.extend(ZProposalRefDto.shape))
    .mutation(({ ctx, input }) => updateUser(ctx.db, ctx.user, input, ctx.now())),
  /** Proposes a password reset; the admin never learns the new password. Needs a fresh authenticator code. */
  resetPassword: adminProcedure
    .input(ZResetPassword)
    .output(z.strictObject({ proposalId: z.string() }))
    .mutation(({ ctx, input }) => {
      requireFreshSecondFactor(ctx.user, ctx.now());
      return proposePasswordReset(ctx.db, ctx.user, input.id, ctx.now());
    }),
  /** Ends every session of a user at once (a lost laptop, a suspected break-in). Audited. */
  endSessions: adminProcedure
    .input(z.object({ id: z.string().min(1).max(100) }))
    .output(z.strictObject({ ended: z.number().int() }))
    .mutation(({ ctx, input }) => endAllSessionsOf(ctx.db, ctx.user, input.id, ctx.now())),
});
