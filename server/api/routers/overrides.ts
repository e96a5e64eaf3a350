import { z } from "zod";
import { requireFreshSecondFactor } from "~/server/services/two-factor";
import { createRouter, maracProcedure, protectedProcedure } from "~/server/api/trpc";
import { isIsoDate } from "~/server/domain/referral/dates";
import { IE_ITEM_KEYS, ITEM_VIEWS } from "~/server/domain/policy/overrides";
import { TAGS } from "~/server/domain/tags";
import { ZProjectedText } from "~/server/schemas/projected-case";
import { approveOverride, completeVictimTask, ieStatement, listOverrides, listVictimTasks, overrideFormOptions, recordOverride, revokeOverride } from "~/server/services/overrides";

/** Case holders (chair, coordinator, IDVA) record, approve and revoke overrides and see the tasks. */
const holders = maracProcedure("chair", "coordinator", "idva");
/** The IDVA tells the victim. */
const idva = maracProcedure("idva");

const ZId = z.string().min(1).max(100);
const ZText = (what: string) => z.string().trim().min(1, { error: `Enter ${what}` }).max(2000, { error: `${what[0]?.toUpperCase()}${what.slice(1)} must be 2,000 characters or fewer` });
// A reference, not a place for case content: "MARAC 26/11/2026 item 4", "NS-2026-0042/D3".
const ZDecisionRef = z
  .string()
  .trim()
  .min(1, { error: "Enter the MARAC meeting or decision reference" })
  .max(80, { error: "The reference must be 80 characters or fewer" })
  .regex(/^[A-Za-z0-9 ./:,()#-]+$/, { error: "The reference may use letters, numbers, spaces and . / : , ( ) # - only" });

const ZOverride = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  toImmigrationEnforcement: z.boolean(),
  tag: z.enum(TAGS),
  state: z.enum(["pending", "in_effect", "ended", "revoked"]),
  reason: ZProjectedText,
  decisionRef: z.string(),
  endDate: z.string(),
  recordedByUserId: z.string(),
  recordedBy: z.string(),
  recordedAt: z.date(),
  approvedAt: z.date().nullable(),
  approvals: z.array(z.strictObject({ userId: z.string(), name: z.string(), role: z.string(), at: z.date() })),
  approvalNeed: z.string(),
  /** Whether the reader may approve it now (the server checks again when they do). */
  mayApprove: z.boolean(),
  stillNeeded: z.array(z.string()),
  victimView: z.string(),
  items: z.array(
    z.strictObject({
      item: z.enum(IE_ITEM_KEYS as [string, ...string[]]),
      label: z.string(),
      tier: z.enum(["basic", "additional"]),
      victimView: z.enum(ITEM_VIEWS).nullable(),
      viewNote: ZProjectedText.nullable(),
      proportionality: ZProjectedText.nullable(),
    }),
  ),
  revokedAt: z.date().nullable(),
  revokedBy: z.string().nullable(),
  revokeReason: ZProjectedText.nullable(),
});

export const overridesRouter = createRouter({
  list: holders
    .input(z.object({ caseId: ZId.optional() }).optional())
    .output(z.array(ZOverride))
    .query(({ ctx, input }) => listOverrides(ctx.db, ctx.cipher, ctx.user, ctx.now(), { caseId: input?.caseId })),

  formOptions: holders
    .input(z.object({ caseId: ZId }))
    .output(z.strictObject({ caseNumber: z.string(), childrenInvolved: z.boolean(), agencies: z.array(z.strictObject({ id: z.string(), name: z.string(), type: z.string(), typeLabel: z.string() })) }))
    .query(({ ctx, input }) => overrideFormOptions(ctx.db, input.caseId)),

  record: holders
    .input(
      z.object({
        caseId: ZId,
        agencyId: z.string({ error: "Choose the agency to share with" }).min(1, { error: "Choose the agency to share with" }).max(100),
        tag: z.enum(TAGS, { error: "Choose the kind of information to share" }),
        reason: ZText("the reason for sharing"),
        decisionRef: ZDecisionRef,
        endDate: z.string().refine(isIsoDate, { error: "Enter the end date as a real date" }),
        immigrationEnforcement: z
          .object({
            thirdPartyConsidered: z.boolean(),
            safetyConfirmed: z.boolean(),
            items: z
              .array(
                z.object({
                  item: z.enum(IE_ITEM_KEYS as [(typeof IE_ITEM_KEYS)[number], ...(typeof IE_ITEM_KEYS)[number][]]),
                  view: z.enum(ITEM_VIEWS).optional(),
                  viewNote: z.string().max(2000, { error: "The note must be 2,000 characters or fewer" }).optional(),
                  proportionality: z.string().max(2000, { error: "The note must be 2,000 characters or fewer" }).optional(),
                }),
              )
              .max(IE_ITEM_KEYS.length)
              .refine((items) => new Set(items.map((i) => i.item)).size === items.length, { error: "Each item may be chosen once" }),
          })
          .optional(),
      }),
    )
    .output(z.strictObject({ id: z.string() }))
    .mutation(({ ctx, input }) => recordOverride(ctx.db, ctx.cipher, ctx.user, input, ctx.now())),

  approve: holders
    .input(z.object({ overrideId: ZId }))
    .output(z.strictObject({ inEffect: z.boolean() }))
    .mutation(({ ctx, input }) => {
      // Approving widens what an agency sees: it needs an authenticator code from the last 15 minutes (#15).
      requireFreshSecondFactor(ctx.user, ctx.now());
      return approveOverride(ctx.db, ctx.cipher, ctx.user, input, ctx.now());
    }),

  revoke: holders
    .input(z.object({ overrideId: ZId, reason: ZText("why the override is revoked") }))
    .output(z.strictObject({ revoked: z.literal(true) }))
    .mutation(({ ctx, input }) => {
      revokeOverride(ctx.db, ctx.cipher, ctx.user, input, ctx.now());
      return { revoked: true as const };
    }),

  tasks: holders
    .output(
      z.array(
        z.strictObject({
          overrideId: z.string(),
          caseId: z.string(),
          caseNumber: z.string(),
          dueDate: z.string(),
          overdue: z.boolean(),
          status: z.enum(["open", "told", "not_safe"]),
          whatWent: z.string(),
          why: ZProjectedText,
          override: ZOverride,
          note: ZProjectedText.nullable(),
          completedBy: z.string().nullable(),
          completedAt: z.date().nullable(),
        }),
      ),
    )
    .query(({ ctx }) => listVictimTasks(ctx.db, ctx.cipher, ctx.user, ctx.now())),

  completeTask: idva
    .input(z.object({ overrideId: ZId, outcome: z.enum(["told", "not_safe"], { error: "Say whether she was told" }), note: ZText("how she was told, or why it is not safe yet") }))
    .output(z.strictObject({ done: z.literal(true) }))
    .mutation(({ ctx, input }) => {
      completeVictimTask(ctx.db, ctx.cipher, ctx.user, input, ctx.now());
      return { done: true as const };
    }),

  /** The statement for victims and agencies: everyone signed in may read it, Immigration Enforcement included. */
  ieStatement: protectedProcedure
    .output(
      z.strictObject({
        policyVersion: z.number().int(),
        sections: z.array(z.strictObject({ heading: z.string(), paragraphs: z.array(z.string()), list: z.array(z.string()).optional() })),
      }),
    )
    .query(({ ctx }) => ieStatement(ctx.db)),
});
