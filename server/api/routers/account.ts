import { z } from "zod";
import { createRouter, protectedProcedure } from "~/server/api/trpc";
import { ZChangePassword } from "~/server/schemas/admin";
import { ZMeDto, ZSettingsDto } from "~/server/schemas/outputs";
import { changeOwnPassword } from "~/server/services/account";
import { getSettings } from "~/server/services/settings";

export const accountRouter = createRouter({
  me: protectedProcedure.output(ZMeDto).query(({ ctx }) => {
    const { sessionId: _sessionId, ...me } = ctx.user;
    return me;
  }),
  /** The MARAC's name and active thresholds: every signed-in user sees them on referrals. */
  settings: protectedProcedure.output(ZSettingsDto).query(({ ctx }) => getSettings(ctx.db)),
  changePassword: protectedProcedure
    .input(ZChangePassword)
    .output(z.void())
    .mutation(({ ctx, input }) => changeOwnPassword(ctx.db, ctx.user, input.currentPassword, input.newPassword, ctx.now())),
});
