import { and, gte, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { caseOverrides } from "~/db/schema";
import { addDays } from "~/server/domain/referral/dates";
import type { Grant } from "~/server/domain/policy/grants";
import { grantOf } from "~/server/domain/policy/overrides";

/**
 * The overrides in effect at `now` as grants: approved, not revoked, and not past their end date.
 * Nothing has to run for an override to end: a read after its end date no longer finds it (and the
 * projection checks each grant's expiry again).
 */
export function readGrantsInEffect(db: Pick<Db, "select">, now: Date): Grant[] {
  // Rows whose end date is yesterday or later (UTC); grantOf's exact instant then decides.
  const earliest = addDays(now.toISOString().slice(0, 10), -1);
  return db
    .select({ id: caseOverrides.id, caseId: caseOverrides.caseId, agencyId: caseOverrides.agencyId, tag: caseOverrides.tag, endDate: caseOverrides.endDate, decisionRef: caseOverrides.decisionRef, recordedBy: caseOverrides.recordedByUserId })
    .from(caseOverrides)
    .where(and(isNotNull(caseOverrides.approvedAt), isNull(caseOverrides.revokedAt), gte(caseOverrides.endDate, earliest)))
    .all()
    .map(grantOf)
    .filter((g) => g.expiresAt.getTime() > now.getTime());
}
