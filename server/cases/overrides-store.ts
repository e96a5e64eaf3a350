import { and, gte, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { preparedQuery } from "~/db/prepared";
import { caseOverrides } from "~/db/schema";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { addDays } from "~/server/domain/referral/dates";
import type { Grant } from "~/server/domain/policy/grants";
import { grantOf } from "~/server/domain/policy/overrides";
import { isTag, type Tag } from "~/server/domain/tags";
import { PLACES } from "./sealed-values";

/** An override's category, sealed in its row (decision 037): it says what the case holds. */
export function sealOverrideTag(cipher: FieldCipher, overrideId: string, tag: Tag): string {
  return cipher.seal(tag, PLACES.overrideTag(overrideId));
}

export function openOverrideTag(cipher: FieldCipher, overrideId: string, sealed: string): Tag {
  const tag = cipher.open(sealed, PLACES.overrideTag(overrideId));
  if (!isTag(tag)) throw new Error(`Override ${overrideId} holds no known category.`);
  return tag;
}

// Read for every projection: built once per connection.
const approvedFrom = preparedQuery((db) =>
  db
    .select({ id: caseOverrides.id, caseId: caseOverrides.caseId, agencyId: caseOverrides.agencyId, tag: caseOverrides.tag, endDate: caseOverrides.endDate, decisionRef: caseOverrides.decisionRef, recordedBy: caseOverrides.recordedByUserId })
    .from(caseOverrides)
    .where(and(isNotNull(caseOverrides.approvedAt), isNull(caseOverrides.revokedAt), gte(caseOverrides.endDate, sql.placeholder("earliest"))))
    .prepare(),
);

/**
 * The overrides in effect at `now` as grants: approved, not revoked, and not past their end date.
 * Nothing has to run for an override to end: a read after its end date no longer finds it (and the
 * projection checks each grant's expiry again).
 */
export function readGrantsInEffect(db: Pick<Db, "select">, cipher: FieldCipher, now: Date): Grant[] {
  // Rows whose end date is yesterday or later (UTC); grantOf's exact instant then decides.
  const earliest = addDays(now.toISOString().slice(0, 10), -1);
  return approvedFrom(db)
    .all({ earliest })
    .map((row) => grantOf({ ...row, tag: openOverrideTag(cipher, row.id, row.tag) }))
    .filter((g) => g.expiresAt.getTime() > now.getTime());
}
