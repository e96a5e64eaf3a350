import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { caseRepeatLinks, caseRiskFlags, cases, caseVictims, users } from "~/db/schema";
import { daysBetween, londonDay } from "~/server/domain/dates";
import { riskFactorById } from "~/server/domain/referral/risk-factors";
import { writeAudit } from "~/server/audit/log";
import { openFreeText, PLACES, sealFreeText } from "~/server/cases/sealed-values";
import { readCaseSharing } from "~/server/cases/case-store";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { readSharingRules } from "~/server/cases/sharing-rules";
import { projectItemText } from "~/server/domain/projection/items";
import type { ProjectedText } from "~/server/domain/projection/types";
import { repeatStatus } from "~/server/domain/referral/repeat";
import { AppError } from "~/server/errors";
import { updateCase } from "./case-edit";
import { addToAgendaIn } from "./meetings";
import { notifyReferralDecision } from "./notifications";
import { openFactorId } from "./risk-flags";
import { getSettings } from "./settings";
import type { SessionUser } from "./sessions";

function criteriaOf(data: Record<string, unknown>) {
  const c = (data.criteria ?? {}) as Record<string, unknown>;
  return {
    visibleHighRisk: c.visibleHighRisk === true,
    potentialEscalation: c.potentialEscalation === true,
    professionalJudgement: c.professionalJudgement === true,
    repeat: c.repeat === true,
  };
}

/** New referrals waiting for a decision, oldest first: what a coordinator needs on one screen. */
export function listTriage(db: Db, cipher: FieldCipher, now: Date) {
  const rows = db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      victimName: caseVictims.name,
      referralDate: cases.referralDate,
      referringAgencyName: cases.referringAgencyName,
      dashScore: cases.dashScore,
      isRepeat: cases.isRepeat,
      hasChildren: cases.hasChildren,
      data: cases.data,
      pendingMatches: sql<number>`(SELECT count(*) FROM ${caseRepeatLinks} WHERE ${caseRepeatLinks.caseId} = ${cases.id} AND ${caseRepeatLinks.status} = 'pending')`,
    })
    .from(cases)
    .innerJoin(caseVictims, eq(caseVictims.caseId, cases.id))
    .where(eq(cases.status, "referred"))
    // Longest waiting first: by the date of referral (imported referrals are stored later than they were made).
    .orderBy(asc(cases.referralDate), asc(cases.createdAt))
    .all();
  // Factors are sealed, so current flags are read for the waiting referrals and opened here.
  const flags = rows.length === 0
    ? []
    : db.select({ id: caseRiskFlags.id, caseId: caseRiskFlags.caseId, factorId: caseRiskFlags.factorId }).from(caseRiskFlags)
        .where(and(inArray(caseRiskFlags.caseId, rows.map((r) => r.id)), isNull(caseRiskFlags.withdrawnAt)))
        .orderBy(asc(caseRiskFlags.id))
        .all();
  const today = londonDay(now);
  return rows.map(({ data, ...r }) => ({
    ...r,
    criteria: criteriaOf(data),
    // Calendar days in the UK since the referral was made, not since the row was written.
    daysWaiting: Math.max(0, daysBetween(r.referralDate, today)),
    // Triage is for chairs and coordinators, who see every tag: all current flags are listed.
    flags: flags.filter((f) => f.caseId === r.id).flatMap((f) => riskFactorById(openFactorId(cipher, f))?.label ?? []),
  }));
}

function referredCase(db: Pick<Db, "select">, caseId: string) {
  const row = db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)).get();
  if (!row) throw new AppError("NOT_FOUND", "There is no case with that reference.");
  if (row.status !== "referred") throw new AppError("CONFLICT", `This referral has already been ${row.status}.`);
}

/** Accepts a referral, and puts it on a meeting's agenda if one is chosen, in one transaction. */
export function acceptReferral(db: Db, user: SessionUser, caseId: string, now: Date, meetingId?: string): void {
  db.transaction((tx) => {
    referredCase(tx, caseId);
    tx.update(cases).set({ status: "accepted", acceptedAt: now, triagedAt: now, triagedByUserId: user.id, updatedAt: now }).where(eq(cases.id, caseId)).run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "referral.accepted", targetType: "case", targetId: caseId, details: meetingId ? { meetingId } : null });
    notifyReferralDecision(tx, caseId, true, user.id, now);
    if (meetingId) addToAgendaIn(tx, user, meetingId, caseId, now);
  });
}

/**
 * Declines with a reason the referring agency will see. The reason is free text like any other:
 * tagged by the detector and sealed, and shown to each reader only through the projection.
 */
export function declineReferral(db: Db, cipher: FieldCipher, user: SessionUser, caseId: string, reason: string, now: Date): void {
  db.transaction((tx) => {
    referredCase(tx, caseId);
    tx.update(cases)
      .set({ status: "declined", triagedAt: now, triagedByUserId: user.id, declineReasonSealed: sealFreeText(cipher, reason, PLACES.declineReason(caseId)), updatedAt: now })
      .where(eq(cases.id, caseId))
      .run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "referral.declined", targetType: "case", targetId: caseId });
    notifyReferralDecision(tx, caseId, false, user.id, now);
  });
}

/** The decline reason, for the case page of those who may open the case, as this viewer may read it. */
export function declineReasonOf(db: Db, cipher: FieldCipher, user: SessionUser, caseId: string, now: Date): ProjectedText | null {
  const row = db
    .select({ sealed: cases.declineReasonSealed, authorAgencyId: users.agencyId })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.triagedByUserId))
    .where(eq(cases.id, caseId))
    .get();
  if (!row?.sealed) return null;
  const viewer = { userId: user.id, role: user.role, agencyId: user.agencyId, agencyType: user.agencyType };
  const rules = readSharingRules(db, cipher, now);
  return projectItemText(openFreeText(cipher, row.sealed, PLACES.declineReason(caseId)), [], viewer, rules.policy, rules.grants, readCaseSharing(db, cipher, caseId), now, { agencyId: row.authorAgencyId });
}

/** Earlier referrals linked to a case (matches and possible matches), newest first. */
export function listRepeatLinks(db: Pick<Db, "select">, caseId: string) {
  return db
    .select({ id: caseRepeatLinks.id, kind: caseRepeatLinks.kind, status: caseRepeatLinks.status, reason: caseRepeatLinks.reason, earlierCaseId: cases.id, caseNumber: cases.caseNumber, referralDate: cases.referralDate })
    .from(caseRepeatLinks)
    .innerJoin(cases, eq(cases.id, caseRepeatLinks.earlierCaseId))
    .where(eq(caseRepeatLinks.caseId, caseId))
    .all()
    .sort((a, b) => b.referralDate.localeCompare(a.referralDate));
}

/**
 * A coordinator confirms or rejects a possible match; the repeat criterion is then worked out again
 * from the confirmed matches, and saved through the one case write path.
 */
export function decidePossibleMatch(db: Db, cipher: FieldCipher, user: SessionUser, linkId: number, confirm: boolean, now: Date): void {
  db.transaction((tx) => {
    const link = tx.select().from(caseRepeatLinks).where(and(eq(caseRepeatLinks.id, linkId), eq(caseRepeatLinks.kind, "possible"))).get();
    if (!link) throw new AppError("NOT_FOUND", "There is no possible match with that reference.");
    if (link.status !== "pending") throw new AppError("CONFLICT", `This possible match has already been ${link.status}.`);
    tx.update(caseRepeatLinks).set({ status: confirm ? "confirmed" : "rejected", decidedByUserId: user.id, decidedAt: now }).where(eq(caseRepeatLinks.id, linkId)).run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: confirm ? "repeat.confirmed" : "repeat.rejected", targetType: "case", targetId: link.caseId, details: { linkId } });
    if (!confirm) return;
    const settings = getSettings(db);
    const current = tx.select({ version: cases.version, referralDate: cases.referralDate }).from(cases).where(eq(cases.id, link.caseId)).get();
    if (!current) return;
    const confirmed = listRepeatLinks(tx, link.caseId).filter((l) => l.status === "confirmed");
    const repeat = repeatStatus(current.referralDate, confirmed, settings.repeatWindowMonths);
    updateCase(tx, cipher, user, link.caseId, current.version, (c) => ({
      ...c,
      criteria: {
        ...c.criteria,
        repeat: c.criteria.repeat || repeat.isRepeat,
        lastMaracReferralDate: repeat.lastReferralDate ?? c.criteria.lastMaracReferralDate,
        lastMaracCaseNumber: repeat.lastCaseNumber ?? c.criteria.lastMaracCaseNumber,
      },
    }), now);
    if (repeat.isRepeat) tx.update(cases).set({ isRepeat: true }).where(eq(cases.id, link.caseId)).run();
  });
}
