import { z } from "zod";
import { adminProcedure, createRouter } from "~/server/api/trpc";
import { ZCreateAgency, ZUpdateAgency } from "~/server/schemas/admin";
import { ZAgencyDto, ZAgencyListItemDto, ZProposalRefDto } from "~/server/schemas/outputs";
import { ZIdentityProviderDto, ZIdentityProviderInput } from "~/server/schemas/identity-provider";
import { createAgency, getAgency, listAgencies, updateAgency } from "~/server/services/agencies";
import { identityProviderOf, proposeIdentityProvider, removeIdentityProvider } from "~/server/services/identity-providers";

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
  /** The agency's single sign-on as configured (never the client secret), and whether a change waits for a chair. */
  identityProvider: adminProcedure
    .input(z.object({ agencyId: z.string().min(1).max(64) }))
    .output(ZIdentityProviderDto)
    .query(({ ctx, input }) => identityProviderOf(ctx.db, input.agencyId, ctx.now())),
  /** Single sign-on lets an agency's staff in: it is proposed here and a chair approves it (decision 063). */
  proposeIdentityProvider: adminProcedure
    .input(ZIdentityProviderInput)
    .output(z.strictObject({ proposalId: z.string() }))
    .mutation(({ ctx, input }) => proposeIdentityProvider(ctx.db, ctx.cipher, ctx.user, input, ctx.now())),
  /** Switching it off narrows access, so it is direct; its sessions end. */
  removeIdentityProvider: adminProcedure
    .input(z.object({ agencyId: z.string().min(1).max(64) }))
    .output(z.void())
    .mutation(({ ctx, input }) => removeIdentityProvider(ctx.db, ctx.user, input.agencyId, ctx.now())),
});
