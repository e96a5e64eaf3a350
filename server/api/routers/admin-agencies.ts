import { z } from "zod";
import { adminProcedure, createRouter } from "~/server/api/trpc";
import { ZCreateAgency, ZUpdateAgency } from "~/server/schemas/admin";
import { ZAgencyDto, ZAgencyListItemDto, ZProposalRefDto } from "~/server/schemas/outputs";
import { createAgency, getAgency, listAgencies, updateAgency } from "~/server/services/agencies";

export const adminAgenciesRouter = createRouter({
  list: adminProcedure.output(z.array(ZAgencyListItemDto)).query(({ ctx }) => listAgencies(ctx.db)),
  get: adminProcedure
    .input(z.object({ id: z.string().min(1) }))
    .output(ZAgencyDto)
    .query(({ ctx, input }) => getAgency(ctx.db, input.id)),
  create: adminProcedure
    .input(ZCreateAgency)
    .output(ZAgencyDto)
    .mutation(({ ctx, input }) => createAgency(ctx.db, ctx.user, input, ctx.now())),
  /** Name and active change at once; a new type or membership becomes a proposal for a chair. */
  update: adminProcedure
    .input(ZUpdateAgency)
    .output(ZAgencyDto.extend(ZProposalRefDto.shape))
    .mutation(({ ctx, input }) => updateAgency(ctx.db, ctx.user, input, ctx.now())),
});
