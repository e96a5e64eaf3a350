import { z } from "zod";
import { adminProcedure, createRouter, maracProcedure, protectedProcedure } from "~/server/api/trpc";
import { ZPolicyAgencyDto, ZPolicyForMeDto, ZProposePolicyChange, ZProtocolDto } from "~/server/schemas/policy";
import { policyAgencies, policyAgency, policyForMe, proposePolicyChange, sharingProtocol } from "~/server/services/policy";

/** The sharing policy in force, for everyone (issue 11 sections 3 and 4). */
export const policyRouter = createRouter({
  /** What the signed-in user's agency gets and why; every signed-in user, Immigration Enforcement included. */
  mine: protectedProcedure.output(ZPolicyForMeDto).query(({ ctx }) => policyForMe(ctx.db, ctx.user)),
  /** The information-sharing protocol: a MARAC document, so for member agencies only (the admin's is below). */
  protocol: maracProcedure("chair", "coordinator", "idva", "agency_rep")
    .output(ZProtocolDto)
    .query(({ ctx }) => sharingProtocol(ctx.db)),
});

/** The admin proposes changes to one agency's row; a chair approves on /approvals (decision 033). */
export const adminPolicyRouter = createRouter({
  agencies: adminProcedure
    .output(z.strictObject({ version: z.number().int(), agencies: z.array(ZPolicyAgencyDto) }))
    .query(({ ctx }) => policyAgencies(ctx.db)),
  agency: adminProcedure
    .input(z.object({ id: z.string().min(1, { error: "Choose an agency" }).max(64) }))
    .output(ZPolicyAgencyDto.extend({ version: z.number().int() }))
    .query(({ ctx, input }) => policyAgency(ctx.db, input.id)),
  /** The same protocol for the admin, who takes no part in MARAC but proposes the changes. */
  protocol: adminProcedure.output(ZProtocolDto).query(({ ctx }) => sharingProtocol(ctx.db)),
  propose: adminProcedure
    .input(ZProposePolicyChange)
    .output(z.strictObject({ proposalId: z.string() }))
    .mutation(({ ctx, input }) => proposePolicyChange(ctx.db, ctx.user, input, ctx.now())),
});
