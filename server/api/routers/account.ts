import { z } from "zod";
import { createRouter, passwordSetupProcedure, protectedProcedure, secondFactorProcedure, secondFactorSetupProcedure } from "~/server/api/trpc";
import { ZChangePassword, ZChooseFirstPassword, ZSecondFactorCode, ZSessionHandle } from "~/server/schemas/admin";
import { ZMeDto, ZOwnSessionDto, ZPasswordNoticeDto, ZSettingsDto, ZTwoFactorSetupDto } from "~/server/schemas/outputs";
import { changeOwnPassword, chooseFirstPassword } from "~/server/services/account";
import { passwordNoticeFor } from "~/server/services/privileged-changes";
import { endOwnSession, listOwnSessions } from "~/server/services/sessions";
import { getSettings } from "~/server/services/settings";
import { beginEnrolment, confirmEnrolment, twoFactorSetup, verifySecondFactor } from "~/server/services/two-factor";

export const accountRouter = createRouter({
  me: passwordSetupProcedure.output(ZMeDto).query(({ ctx }) => {
    const { id, name, email, role, agencyId, agencyName, agencyType, agencyIsMember } = ctx.user;
    return { id, name, email, role, agencyId, agencyName, agencyType, agencyIsMember };
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

  /** The user's authenticator: set up or not, required or not, and one being set up (decision 051). */
  twoFactor: secondFactorSetupProcedure.output(ZTwoFactorSetupDto).query(({ ctx }) => twoFactorSetup(ctx.db, ctx.user)),
  beginTwoFactor: secondFactorSetupProcedure.output(z.void()).mutation(({ ctx }) => beginEnrolment(ctx.db, ctx.user, ctx.now())),
  /** Confirms the authenticator being set up; the recovery codes come back this once. */
  confirmTwoFactor: secondFactorSetupProcedure
    .input(ZSecondFactorCode)
    .output(z.strictObject({ recoveryCodes: z.array(z.string()) }))
    .mutation(({ ctx, input }) => confirmEnrolment(ctx.db, ctx.user, input.code, ctx.now())),
  /** The second step of signing in, or a fresh check before a sensitive action: a code or a recovery code. */
  verifySecondFactor: secondFactorProcedure
    .input(ZSecondFactorCode)
    .output(z.discriminatedUnion("ok", [
      z.strictObject({ ok: z.literal(true), method: z.enum(["authenticator", "recovery_code"]) }),
      z.strictObject({ ok: z.literal(false), reason: z.enum(["invalid", "locked", "throttled"]) }),
    ]))
    .mutation(({ ctx, input }) => verifySecondFactor(ctx.db, ctx.user, input.code, ctx.now(), ctx.clientAddress)),

  /** The caller's own live sessions. */
  sessions: protectedProcedure.output(z.array(ZOwnSessionDto)).query(({ ctx }) => listOwnSessions(ctx.db, ctx.user, ctx.now())),
  /** Ends one of the caller's own sessions (never anyone else's). */
  endSession: protectedProcedure
    .input(ZSessionHandle)
    .output(z.void())
    .mutation(({ ctx, input }) => endOwnSession(ctx.db, ctx.user, input.handle, ctx.now())),
});
