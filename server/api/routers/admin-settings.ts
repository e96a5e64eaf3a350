import { adminProcedure, createRouter } from "~/server/api/trpc";
import { ZUpdateSettings } from "~/server/schemas/admin";
import { ZSettingsDto } from "~/server/schemas/outputs";
import { getSettings, updateSettings } from "~/server/services/settings";

export const adminSettingsRouter = createRouter({
  get: adminProcedure.output(ZSettingsDto).query(({ ctx }) => getSettings(ctx.db)),
  update: adminProcedure
    .input(ZUpdateSettings)
    .output(ZSettingsDto)
    .mutation(({ ctx, input }) => updateSettings(ctx.db, ctx.user, input, ctx.now())),
});
