import { z } from "zod";
import { createRouter, passwordSetupProcedure, protectedProcedure } from "~/server/api/trpc";
import { ZChangePassword, ZChooseFirstPassword } from "~/server/schemas/admin";
import { ZMeDto, ZPasswordNoticeDto, ZSettingsDto } from "~/server/schemas/outputs";
import { changeOwnPassword, chooseFirstPassword } from "~/server/services/account";
import { passwordNoticeFor } from "~/server/services/privileged-changes";
import { getSettings } from "~/server/services/settings";

export const accountRouter = createRouter({
  me: passwordSetupProcedure.output(ZMeDto).query(({ ctx }) => {
    const { sessionId: _sessionId, mustChangePassword: _must, ...me } = ctx.user;
    return me;
  }),
  /** The MARAC's name and active thresholds: every signed-in user sees them on referrals. */
  settings: protectedProcedure.output(ZSettingsDto).query(({ ctx }) => getSettings(ctx.db)),
  changePassword: protectedProcedure
    .input(ZChangePassword)
    .output(z.void())
    .mutation(({ ctx, input }) => changeOwnPassword(ctx.db, ctx.user, input.currentPassword, input.newPassword, ctx.now())),
  /** Who set the one-time password this user signed in with, and when (null when there is none). */
  passwordNotice: passwordSetupProcedure.output(ZPasswordNoticeDto.nullable()).query(({ ctx }) => passwordNoticeFor(ctx.db, ctx.user)),
  choosePassword: passwordSetupProcedure
    .input(ZChooseFirstPassword)
    .output(z.void())
    .mutation(({ ctx, input }) => chooseFirstPassword(ctx.db, ctx.user, input.newPassword, ctx.now())),
});
