import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { preparedQuery } from "~/db/prepared";
import { caseRiskFlags, cases, users } from "~/db/schema";
import { alias } from "drizzle-orm/sqlite-core";
import { writeAudit } from "~/server/audit/log";
import { openFreeText, PLACES, sealFreeText } from "~/server/cases/sealed-values";
import { readCaseSharing } from "~/server/cases/case-store";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { readSharingRules } from "~/server/cases/sharing-rules";
import { hasFullAccess } from "~/server/domain/policy/access";
import { HOLDERS_ONLY } from "~/server/domain/review/review";
import { projectItemText, visibleItems } from "~/server/domain/projection/items";
import { riskFactorById } from "~/server/domain/referral/risk-factors";
import { AppError } from "~/server/errors";
import type { SessionUser } from "./sessions";

/** IDVAs and chairs flag risk factors from the curated list, each with a note. */
export function addRiskFlag(db: Db, cipher: FieldCipher, user: SessionUser, input: { caseId: string; factorId: string; note: string }, now: Date): { id: number } {
  const factor = riskFactorById(input.factorId);
  if (!factor) throw new AppError("BAD_REQUEST", "Choose a risk factor from the list.", { factorId: ["Choose a risk factor from the list"] });
  return db.transaction((tx) => {
    if (!tx.select({ id: cases.id }).from(cases).where(eq(cases.id, input.caseId)).get()) throw new AppError("NOT_FOUND", "There is no case with that reference.");
    const row = tx.insert(caseRiskFlags).values({ caseId: input.caseId, factorId: "", noteSealed: "", flaggedByUserId: user.id, flaggedAt: now }).returning({ id: caseRiskFlags.id }).get();
    // Sealed to its own row once the row has an id. The factor is sealed too: "immigration status
    // abuse" or a health factor is itself a restricted fact. The note is tagged by the detector.
    tx.update(caseRiskFlags)
      .set({ factorId: cipher.seal(factor.id, PLACES.flagFactor(row.id)), noteSealed: sealFreeText(cipher, input.note, PLACES.flagNote(row.id)) })
      .where(eq(caseRiskFlags.id, row.id))
      .run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "flag.added", targetType: "case", targetId: input.caseId, details: { flagId: row.id } });
    return row;
  });
}

/** The risk factor of a stored flag (sealed to its row). */
export function openFactorId(cipher: FieldCipher, flag: { id: number; factorId: string }): string {
  return cipher.open(flag.factorId, PLACES.flagFactor(flag.id));
}

export function withdrawRiskFlag(db: Db, cipher: FieldCipher, user: SessionUser, input: { flagId: number; reason: string }, now: Date): void {
  db.transaction((tx) => {
    const flag = tx.select().from(caseRiskFlags).where(and(eq(caseRiskFlags.id, input.flagId), isNull(caseRiskFlags.withdrawnAt))).get();
    if (!flag) throw new AppError("NOT_FOUND", "There is no current flag with that reference.");
    tx.update(caseRiskFlags)
      .set({ withdrawnAt: now, withdrawnByUserId: user.id, withdrawReasonSealed: sealFreeText(cipher, input.reason, PLACES.flagWithdrawReason(flag.id)) })
      .where(eq(caseRiskFlags.id, flag.id))
      .run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "flag.withdrawn", targetType: "case", targetId: flag.caseId, details: { flagId: flag.id } });
  });
}

// Read for every case page: built once per connection.
const flagger = alias(users, "flagger");
const withdrawer = alias(users, "withdrawer");
const caseFlags = preparedQuery((db) =>
  db
    .select({ flag: caseRiskFlags, flaggedBy: flagger.name, flaggerAgencyId: flagger.agencyId, withdrawnBy: withdrawer.name })
    .from(caseRiskFlags)
    .innerJoin(flagger, eq(flagger.id, caseRiskFlags.flaggedByUserId))
    .leftJoin(withdrawer, eq(withdrawer.id, caseRiskFlags.withdrawnByUserId))
    .where(eq(caseRiskFlags.caseId, sql.placeholder("caseId")))
    .orderBy(asc(caseRiskFlags.flaggedAt), asc(caseRiskFlags.id))
    .prepare(),
);

/**
 * A case's flags as this viewer may see them: through the same tag rules as the case itself, so a
 * viewer sees only the flags they may see and nothing shows that others exist.
 */
export function listRiskFlags(db: Db, cipher: FieldCipher, user: SessionUser, caseId: string, now: Date) {
  const rows = caseFlags(db)
    .all({ caseId })
    .map((r) => ({ ...r, factor: riskFactorById(openFactorId(cipher, r.flag)) }))
    .filter((r): r is typeof r & { factor: NonNullable<typeof r.factor> } => r.factor !== undefined)
    .map((r) => ({ ...r, tags: r.factor.tags }));
  const viewer = { userId: user.id, role: user.role, agencyId: user.agencyId, agencyType: user.agencyType };
  const rules = readSharingRules(db, cipher, now);
  const theCase = readCaseSharing(db, cipher, caseId);
  return visibleItems(rows, viewer, rules.policy, rules.grants, theCase, now).map((r) => ({
    id: r.flag.id,
    factorId: r.factor.id,
    label: r.factor.label,
    tags: [...r.factor.tags],
    note: projectItemText(openFreeText(cipher, r.flag.noteSealed, PLACES.flagNote(r.flag.id)), r.factor.tags, viewer, rules.policy, rules.grants, theCase, now, { agencyId: r.flaggerAgencyId }),
    flaggedBy: r.flaggedBy,
    flaggedAt: r.flag.flaggedAt,
    // The reason for withdrawing is for those who hold the whole case, through their tag rules too.
    withdrawn: r.flag.withdrawnAt
      ? {
          at: r.flag.withdrawnAt,
          by: r.withdrawnBy ?? "",
          reason: hasFullAccess(user.role) || user.role === "idva"
            ? projectItemText(r.flag.withdrawReasonSealed ? openFreeText(cipher, r.flag.withdrawReasonSealed, PLACES.flagWithdrawReason(r.flag.id)) : { text: "", spans: [] }, r.factor.tags, viewer, rules.policy, rules.grants, theCase, now, HOLDERS_ONLY)
            : null,
        }
      : null,
  }));
}
