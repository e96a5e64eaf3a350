import { z } from "zod";
import { adminProcedure, createRouter } from "~/server/api/trpc";
import { ZCreateUser, ZResetPassword, ZUpdateUser } from "~/server/schemas/admin";
import { ZIdDto, ZUserDto } from "~/server/schemas/outputs";
import { createUser, getUser, listUsers, resetPassword, updateUser } from "~/server/services/users";

export const adminUsersRouter = createRouter({
  list: adminProcedure.output(z.array(ZUserDto)).query(({ ctx }) => listUsers(ctx.db)),
  get: adminProcedure
    .input(z.object({ id: z.string().min(1) }))
    .output(ZUserDto)
    .query(({ ctx, input }) => getUser(ctx.db, input.id)),
  create: adminProcedure
    .input(ZCreateUser)
    .output(ZIdDto)
    .mutation(({ ctx, input }) => createUser(ctx.db, ctx.user, input, ctx.now())),
  update: adminProcedure
    .input(ZUpdateUser)
    .output(ZIdDto)
    .mutation(({ ctx, input }) => updateUser(ctx.db, ctx.user, input, ctx.now())),
  resetPassword: adminProcedure
    .input(ZResetPassword)
    .output(z.void())
    .mutation(({ ctx, input }) => resetPassword(ctx.db, ctx.user, input.id, input.password, ctx.now())),
});
