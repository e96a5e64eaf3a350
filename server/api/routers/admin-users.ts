import { z } from "zod";
import { adminProcedure, createRouter } from "~/server/api/trpc";
import { ZCreateUser, ZResetPassword, ZUpdateUser } from "~/server/schemas/admin";
import { ZIdDto, ZProposalRefDto, ZUserDto } from "~/server/schemas/outputs";
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
  /** Proposes a password reset; the admin never learns the new password. */
  resetPassword: adminProcedure
    .input(ZResetPassword)
    .output(z.strictObject({ proposalId: z.string() }))
    .mutation(({ ctx, input }) => proposePasswordReset(ctx.db, ctx.user, input.id, ctx.now())),
});
