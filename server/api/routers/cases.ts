import { z } from "zod";
import { adminProcedure, createRouter, maracProcedure, roleProcedure } from "~/server/api/trpc";
import { CASE_STATUSES } from "~/server/cases/import-schema";
import { ZDecision, ZProjectedCase, ZProjectedText } from "~/server/schemas/projected-case";
import { importReferrals } from "~/server/services/case-import";
import { assertCanOpenCase, listCases, viewCase } from "~/server/services/cases";
import { addRiskFlag, listRiskFlags, withdrawRiskFlag } from "~/server/services/risk-flags";
import { declineReasonOf } from "~/server/services/triage";
import { repeatLinksFor } from "~/server/services/repeat-view";
import { isRiskFactorId } from "~/server/domain/referral/risk-factors";
import { getSharingRecord } from "~/server/services/sharing-record";
import { listRemovals, removeNarrativeSuggestion, tagNarrativeSentence, updateNarrativeText, updateVictim } from "~/server/services/case-edit";
import { victimSchema } from "~/server/domain/case/victim";
import { TAGS } from "~/server/domain/tags";

/** Everyone who works on cases; admins see no case content. */
const caseworkProcedure = roleProcedure("chair", "coordinator", "idva", "agency_rep");
/** What the MARAC found or produced about a case (repeat links, flags): member agencies only. */
const maracCaseworkProcedure = maracProcedure("chair", "coordinator", "idva", "agency_rep");
/** IDVAs and chairs flag risk factors (issue 5). */
const flaggerProcedure = roleProcedure("chair", "idva");
/** Those who hold the whole case and tell the victim what was shared. */
const caseHolderProcedure = roleProcedure("chair", "coordinator", "idva");

const ZCaseId = z.string().min(1).max(100);
const ZVersion = z.number().int().min(1);
const ZSaved = z.strictObject({ version: z.number().int(), changed: z.array(z.string()) });

const ZCaseListRow = z.strictObject({
  id: z.string(),
  caseNumber: z.string(),
  status: z.enum(CASE_STATUSES),
  referralDate: z.string(),
  referringAgencyName: z.string(),
  dashScore: z.number().int(),
  victimName: z.string(),
  victimDateOfBirth: z.string().nullable(),
  perpetratorNames: z.string(),
});

export const ZCaseView = z.strictObject({
  caseId: z.string(),
  caseNumber: z.string(),
  status: z.enum(CASE_STATUSES),
  dashScore: z.number().int(),
  version: z.number().int(),
  updatedAt: z.date(),
  view: ZProjectedCase,
  decisions: z.array(ZDecision).readonly(),
  policyVersion: z.number().int(),
});

export type TCaseView = z.infer<typeof ZCaseView>;

const ZSharingEntry = z.strictObject({
  who: z.string(),
  agencyName: z.string(),
  agencyType: z.string(),
  userName: z.string(),
  role: z.string(),
  at: z.date(),
  tagsShown: z.array(z.enum(TAGS)),
  tagsWithheld: z.array(z.enum(TAGS)),
  why: z.string(),
  policyVersion: z.number().int(),
  consultation: z.boolean(),
});

const ZSharingGroup = z.strictObject({
  who: z.string(),
  times: z.number().int(),
  first: z.date(),
  last: z.date(),
  plainEnglish: z.string(),
  categories: z.array(
    z.strictObject({ tag: z.enum(TAGS).nullable(), times: z.number().int(), first: z.date(), last: z.date(), purposes: z.array(z.string()), plainEnglish: z.string() }),
  ),
});

export const casesRouter = createRouter({
  list: caseworkProcedure
    .input(
      z.object({
        q: z.string().max(200, { error: "Search for 200 characters or fewer" }).optional(),
        status: z.enum(CASE_STATUSES).optional(),
        page: z.number().int().min(1).max(100_000).default(1),
      }),
    )
    .output(z.strictObject({ rows: z.array(ZCaseListRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }))
    .query(({ ctx, input }) => listCases(ctx.db, ctx.user, input)),

  /**
   * The case for this viewer. Why it was read is decided here from the surface (the page or the
   * data service), never by the client: the sharing record the IDVA reads must be true.
   */
  get: caseworkProcedure
    .input(z.strictObject({ caseId: z.string().min(1).max(100) }, { error: "Only a case reference may be sent to read a case." }))
    .output(ZCaseView)
    .query(({ ctx, input }) => viewCase(ctx.db, ctx.cipher, ctx.user, input.caseId, ctx.transport === "rsc" ? "case_page" : "case_api", ctx.now())),

  /** The case for those who may change it (the whole case, logged as a consultation for editing). */
  forEditing: caseHolderProcedure
    .input(z.object({ caseId: ZCaseId }))
    .output(ZCaseView)
    .query(({ ctx, input }) => viewCase(ctx.db, ctx.cipher, ctx.user, input.caseId, "case_page", ctx.now(), "editing the case")),

  sharingRecord: caseHolderProcedure
    .input(z.object({ caseId: z.string().min(1).max(100) }))
    .output(
      z.strictObject({
        caseNumber: z.string(),
        agencies: z.array(ZSharingGroup),
        maracItself: z.array(ZSharingGroup),
        entries: z.array(ZSharingEntry),
      }),
    )
    .query(({ ctx, input }) => {
      // Reading the case header through the projection checks it exists and logs this consultation.
      const header = viewCase(ctx.db, ctx.cipher, ctx.user, input.caseId, "sharing_record", ctx.now());
      return { caseNumber: header.caseNumber, ...getSharingRecord(ctx.db, ctx.cipher, ctx.user, input.caseId, ctx.now()) };
    }),

  updateVictim: caseHolderProcedure
    .input(z.object({ caseId: ZCaseId, version: ZVersion, victim: victimSchema }))
    .output(ZSaved)
    .mutation(({ ctx, input }) => updateVictim(ctx.db, ctx.cipher, ctx.user, input.caseId, input.version, input.victim, ctx.now())),

  updateNarrative: caseHolderProcedure
    .input(z.object({ caseId: ZCaseId, version: ZVersion, text: z.string().max(100_000, { error: "The narrative must be 100,000 characters or fewer" }) }))
    .output(ZSaved)
    .mutation(({ ctx, input }) => updateNarrativeText(ctx.db, ctx.cipher, ctx.user, input.caseId, input.version, input.text, ctx.now())),

  tagSentence: caseHolderProcedure
    .input(z.object({ caseId: ZCaseId, version: ZVersion, start: z.number().int().min(0), end: z.number().int().min(1), tag: z.enum(TAGS, { error: "Choose a category" }) }))
    .output(ZSaved)
    .mutation(({ ctx, input }) => tagNarrativeSentence(ctx.db, ctx.cipher, ctx.user, input.caseId, input.version, input, ctx.now())),

  removeSuggestion: caseHolderProcedure
    .input(
      z.object({
        caseId: ZCaseId,
        version: ZVersion,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        tag: z.enum(TAGS),
        reason: z.string().trim().min(10, { error: "Give a reason of at least 10 characters for removing this tag" }).max(1000, { error: "The reason must be 1,000 characters or fewer" }),
      }),
    )
    .output(ZSaved)
    .mutation(({ ctx, input }) => removeNarrativeSuggestion(ctx.db, ctx.cipher, ctx.user, input.caseId, input.version, input, ctx.now())),

  removals: caseHolderProcedure
    .input(z.object({ caseId: ZCaseId }))
    .output(z.array(z.strictObject({ id: z.number().int(), path: z.string(), tag: z.enum(TAGS), reason: ZProjectedText, at: z.date(), userName: z.string() })))
    .query(({ ctx, input }) => listRemovals(ctx.db, ctx.cipher, ctx.user, input.caseId, ctx.now())),

  /** Earlier referrals of the same victim: all to case holders; to a member agency only those it could open itself. */
  repeats: maracCaseworkProcedure
    .input(z.object({ caseId: ZCaseId }))
    .output(z.array(z.strictObject({ id: z.number().int(), kind: z.enum(["match", "possible"]), status: z.enum(["confirmed", "pending", "rejected"]), reason: z.string(), earlierCaseId: z.string(), caseNumber: z.string(), referralDate: z.string() })))
    .query(({ ctx, input }) => {
      assertCanOpenCase(ctx.db, ctx.user, input.caseId);
      return repeatLinksFor(ctx.db, ctx.user, input.caseId);
    }),

  /** Why triage declined the referral: for the referring agency and those who hold the case. */
  declineReason: caseworkProcedure
    .input(z.object({ caseId: ZCaseId }))
    .output(ZProjectedText.nullable())
    .query(({ ctx, input }) => {
      assertCanOpenCase(ctx.db, ctx.user, input.caseId);
      return declineReasonOf(ctx.db, ctx.cipher, ctx.user, input.caseId, ctx.now());
    }),

  /** Risk-factor flags, through the same tag rules as the case: a viewer sees only those they may. */
  flags: maracCaseworkProcedure
    .input(z.object({ caseId: ZCaseId }))
    .output(
      z.array(
        z.strictObject({
          id: z.number().int(),
          factorId: z.string(),
          label: z.string(),
          tags: z.array(z.enum(TAGS)),
          note: ZProjectedText,
          flaggedBy: z.string(),
          flaggedAt: z.date(),
          withdrawn: z.strictObject({ at: z.date(), by: z.string(), reason: ZProjectedText.nullable() }).nullable(),
        }),
      ),
    )
    .query(({ ctx, input }) => {
      assertCanOpenCase(ctx.db, ctx.user, input.caseId);
      return listRiskFlags(ctx.db, ctx.cipher, ctx.user, input.caseId, ctx.now());
    }),

  addFlag: flaggerProcedure
    .input(
      z.object({
        caseId: ZCaseId,
        factorId: z.string().refine(isRiskFactorId, { error: "Choose a risk factor from the list" }),
        note: z.string().trim().min(1, { error: "Add a note saying what you know of this risk" }).max(2000, { error: "The note must be 2,000 characters or fewer" }),
      }),
    )
    .output(z.strictObject({ id: z.number().int() }))
    .mutation(({ ctx, input }) => addRiskFlag(ctx.db, ctx.cipher, ctx.user, input, ctx.now())),

  withdrawFlag: flaggerProcedure
    .input(z.object({ flagId: z.number().int().min(1), reason: z.string().trim().min(10, { error: "Give a reason of at least 10 characters for withdrawing this flag" }).max(1000) }))
    .output(z.void())
    .mutation(({ ctx, input }) => withdrawRiskFlag(ctx.db, ctx.cipher, ctx.user, input, ctx.now())),

  import: adminProcedure
    .input(z.object({ document: z.unknown() }))
    .output(
      z.discriminatedUnion("ok", [
        z.strictObject({ ok: z.literal(true), caseNumbers: z.array(z.string()) }),
        z.strictObject({ ok: z.literal(false), issues: z.array(z.strictObject({ path: z.string(), message: z.string() })) }),
      ]),
    )
    .mutation(({ ctx, input }) => {
      const result = importReferrals(ctx.db, ctx.cipher, ctx.user, input.document, ctx.now());
      return result.ok ? { ok: true as const, caseNumbers: result.caseNumbers } : result;
    }),
});
