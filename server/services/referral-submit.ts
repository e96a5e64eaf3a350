import type { Db } from "~/db/client";
import { writeAudit } from "~/server/audit/log";
import { ZReferral } from "~/server/cases/import-schema";
import { intakeReferral } from "~/server/cases/intake";
import { issuesOf, type ImportIssue } from "~/server/cases/issues";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { evaluateCriteria, type CriteriaEvaluation } from "~/server/domain/referral/criteria";
import { dashScore } from "~/server/domain/referral/scoring";
import { deleteDraft, getDraft, type DraftContent } from "./referral-drafts";
import { londonDay } from "~/server/domain/dates";
import { getSettings } from "./settings";
import type { SessionUser } from "./sessions";

/** Today's date in the UK, yyyy-mm-dd: referrals are dated where the MARAC sits. */
export function ukDate(now: Date): string {
  return londonDay(now);
}

/** The draft as a referral from this user: the referring agency and officer come from the session. */
export function referralFromDraft(content: DraftContent, user: SessionUser, now: Date): unknown {
  const referring = (content.referring ?? {}) as Record<string, unknown>;
  return {
    ...content,
    status: "referred",
    referring: {
      agencyName: user.agencyName,
      officerName: user.name,
      officerEmail: user.email,
      officerRole: referring.officerRole,
      officerPhone: referring.officerPhone,
      referralDate: ukDate(now),
    },
  };
}

/** The live criteria for a draft (the form shows them before submit), on the MARAC's active settings. */
export function draftCriteria(db: Db, content: DraftContent): CriteriaEvaluation {
  const settings = getSettings(db);
  const dash = ZReferral.shape.dash.safeParse(content.dash ?? {});
  const criteria = ZReferral.shape.criteria.safeParse(content.criteria ?? {});
  return evaluateCriteria(
    {
      score: dash.success ? dashScore(dash.data.answers) : 0,
      policeIncidentsLast12Months: criteria.success ? criteria.data.policeIncidentsLast12Months : undefined,
      professionalJudgement: { ticked: criteria.success && criteria.data.professionalJudgement, reasons: criteria.success ? criteria.data.reasons.text : undefined },
      repeat: false,
    },
    settings,
  );
}

export type SubmitResult = { ok: true; caseId: string; caseNumber: string } | { ok: false; issues: ImportIssue[] };

/**
 * Submits a draft: validates the whole referral with the shared schema, refuses one that meets no
 * criterion without professional judgement and reasons, then takes it in exactly as an import
 * would (score, repeats, criteria, suggestions) and deletes the draft, in one transaction.
 */
export function submitReferral(db: Db, cipher: FieldCipher, user: SessionUser, draftId: string, now: Date): SubmitResult {
  const draft = getDraft(db, cipher, user, draftId, now);
  const parsed = ZReferral.safeParse(referralFromDraft(draft.content, user, now));
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const settings = getSettings(db);
  return db.transaction((tx) => {
    const result = intakeReferral(tx, cipher, parsed.data, { referringAgencyId: user.agencyId, createdByUserId: user.id, now, settings, criteriaFromSource: false });
    const evaluation = evaluateCriteria(
      {
        score: dashScore(parsed.data.dash.answers),
        policeIncidentsLast12Months: parsed.data.criteria.policeIncidentsLast12Months,
        professionalJudgement: { ticked: parsed.data.criteria.professionalJudgement, reasons: parsed.data.criteria.reasons.text },
        repeat: result.repeat,
      },
      settings,
    );
    if (!evaluation.canSubmit) {
      // Nothing is kept: throwing rolls the transaction back.
      throw new SubmitRefused([{ path: `$.criteria.${evaluation.error?.field ?? "professionalJudgement"}`, message: evaluation.error?.message ?? evaluation.message }]);
    }
    deleteDraft(tx, draftId);
    // Whether the person has MARAC history is not for the admin's audit log (decision 031).
    writeAudit(tx, { at: now, actorUserId: user.id, action: "referral.submitted", targetType: "case", targetId: result.caseId, details: { caseNumber: result.caseNumber } });
    return { ok: true as const, caseId: result.caseId, caseNumber: result.caseNumber };
  });
}

/** Raised inside the submit transaction to undo it; turned into a result by the caller. */
export class SubmitRefused extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super("The referral cannot be submitted yet.");
  }
}

export function submitReferralSafely(db: Db, cipher: FieldCipher, user: SessionUser, draftId: string, now: Date): SubmitResult {
  try {
    return submitReferral(db, cipher, user, draftId, now);
  } catch (e) {
    if (e instanceof SubmitRefused) return { ok: false, issues: e.issues };
    throw e;
  }
}
