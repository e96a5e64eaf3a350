import { and, gte, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { caseOverrides } from "~/db/schema";
import { getAppCipher } from "~/server/crypto/app-cipher";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { addDays } from "~/server/domain/referral/dates";
import type { Grant } from "~/server/domain/policy/grants";
import { grantOf } from "~/server/domain/policy/overrides";
import type { Tag } from "~/server/domain/tags";
import { openTags, PLACES } from "./sealed-values";

/** An override's category, sealed to its row; a row whose seal does not open gives no tag (fail closed). */
export function openOverrideTag(cipher: FieldCipher, id: string, sealed: string): Tag | undefined {
  return openTags(cipher, sealed, PLACES.overrideTag(id))[0];
}

/**
 * The overrides in effect at `now` as grants: approved, not revoked, and not past their end date.
 * Nothing has to run for an override to end: a read after its end date no longer finds it (and the
 * projection checks each grant's expiry again).
 */
export function readGrantsInEffect(db: Pick<Db, "select">, now: Date): Grant[] {
  // Rows whose end date is yesterday or later (UTC); grantOf's exact instant then decides.
  const earliest = addDays(now.toISOString().slice(0, 10), -1);
  const rows = db
    .select({ id: caseOverrides.id, caseId: caseOverrides.caseId, agencyId: caseOverrides.agencyId, tag: caseOverrides.tag, endDate: caseOverrides.endDate, decisionRef: caseOverrides.decisionRef, recordedBy: caseOverrides.recordedByUserId })
    .from(caseOverrides)
    .where(and(isNotNull(caseOverrides.approvedAt), isNull(caseOverrides.revokedAt), gte(caseOverrides.endDate, earliest)))
    .all();
  if (rows.length === 0) return [];
  const cipher = getAppCipher();
  return rows
    .flatMap((r) => {
      const tag = openOverrideTag(cipher, r.id, r.tag);
      return tag ? [grantOf({ ...r, tag })] : [];
    })
    .filter((g) => g.expiresAt.getTime() > now.getTime());
}
