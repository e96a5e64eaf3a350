import { adminProcedure, createRouter } from "~/server/api/trpc";
import { ZUpdateSettings } from "~/server/schemas/admin";
import { ZSettingsDto } from "~/server/schemas/outputs";
import { updateSettings } from "~/server/services/settings";

export const adminSettingsRouter = createRouter({
  update: adminProcedure
    .input(ZUpdateSettings)
    .output(ZSettingsDto)
    .mutation(({ ctx, input }) => updateSettings(ctx.db, ctx.user, input, ctx.now())),
});
