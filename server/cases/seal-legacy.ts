import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { caseOverrides, caseRevisions, caseRiskFlags, cases, caseSuggestionRemovals, disclosures, meetingActions } from "~/db/schema";
import { isSealed, type FieldCipher } from "~/server/crypto/field-cipher";
import { taggedTextSchema } from "~/server/domain/case/text";
import { isTag } from "~/server/domain/tags";
import { PLACES, sealFreeText, sealTags } from "./sealed-values";

/**
 * Brings rows written before restricted facts were sealed (decision 037) up to date: plaintext
 * risk factors, action tags, removal tags, override categories, changed paths and disclosure tags
 * and purposes are
 * sealed; reasons and notes sealed as plain strings become sealed tagged text, with the detector's
 * suggestions. SQL migrations cannot do this (they have no key), so `npm start` runs it after
 * migrating. Idempotent: a second run changes nothing. Returns how many values it sealed.
 */
export function sealLegacyValues(db: Db, cipher: FieldCipher): number {
  let count = 0;
  // A reason sealed as a plain string is re-sealed as tagged text, in the same place.
  const retag = (sealed: string, place: string): string | null => {
    const opened = cipher.open(sealed, place);
    try {
      if (taggedTextSchema.safeParse(JSON.parse(opened)).success) return null;
    } catch {
      // Not JSON: a plain reason.
    }
    count += 1;
    return sealFreeText(cipher, opened, place);
  };
  // A plaintext value is sealed; one already sealed is left as it is.
  const sealPlain = (value: string, seal: (plain: string) => string): string => {
    if (isSealed(value)) return value;
    count += 1;
    return seal(value);
  };
  const tagsOf = (json: string) => {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? parsed.filter(isTag) : [];
  };
  db.transaction((tx) => {
    for (const f of tx.select().from(caseRiskFlags).all()) {
      const factorId = sealPlain(f.factorId, (v) => cipher.seal(v, PLACES.flagFactor(f.id)));
      const reason = f.withdrawReasonSealed ? retag(f.withdrawReasonSealed, PLACES.flagWithdrawReason(f.id)) : null;
      if (factorId !== f.factorId || reason) tx.update(caseRiskFlags).set({ factorId, ...(reason ? { withdrawReasonSealed: reason } : {}) }).where(eq(caseRiskFlags.id, f.id)).run();
    }
    for (const a of tx.select().from(meetingActions).all()) {
      const tags = sealPlain(a.tags, (v) => sealTags(cipher, tagsOf(v), PLACES.actionTags(a.id)));
      const note = a.statusNoteSealed ? retag(a.statusNoteSealed, PLACES.actionStatusNote(a.id)) : null;
      if (tags !== a.tags || note) tx.update(meetingActions).set({ tags, ...(note ? { statusNoteSealed: note } : {}) }).where(eq(meetingActions.id, a.id)).run();
    }
    for (const c of tx.select({ id: cases.id, sealed: cases.declineReasonSealed }).from(cases).where(isNotNull(cases.declineReasonSealed)).all()) {
      const reason = c.sealed ? retag(c.sealed, PLACES.declineReason(c.id)) : null;
      if (reason) tx.update(cases).set({ declineReasonSealed: reason }).where(eq(cases.id, c.id)).run();
    }
    for (const r of tx.select().from(caseRevisions).all()) {
      const changedPaths = sealPlain(r.changedPaths, (v) => cipher.seal(v, PLACES.changedPaths(r.caseId, r.version)));
      if (changedPaths !== r.changedPaths) tx.update(caseRevisions).set({ changedPaths }).where(and(eq(caseRevisions.caseId, r.caseId), eq(caseRevisions.version, r.version))).run();
    }
    for (const r of tx.select().from(caseSuggestionRemovals).all()) {
      const tag = sealPlain(r.tag, (v) => cipher.seal(v, PLACES.removalTag(r.id)));
      const reason = retag(r.reasonSealed, PLACES.removalReason(r.id));
      if (tag !== r.tag || reason) tx.update(caseSuggestionRemovals).set({ tag, ...(reason ? { reasonSealed: reason } : {}) }).where(eq(caseSuggestionRemovals.id, r.id)).run();
    }
    for (const o of tx.select({ id: caseOverrides.id, tag: caseOverrides.tag }).from(caseOverrides).all()) {
      const tag = sealPlain(o.tag, (v) => cipher.seal(v, PLACES.overrideTag(o.id)));
      if (tag !== o.tag) tx.update(caseOverrides).set({ tag }).where(eq(caseOverrides.id, o.id)).run();
    }
    // The disclosure log's trigger allows exactly this one update: plaintext to sealed, once.
    for (const d of tx.select().from(disclosures).all()) {
      if (isSealed(d.tagsShown)) continue;
      const tagsShown = sealPlain(d.tagsShown, (v) => sealTags(cipher, tagsOf(v), PLACES.disclosureTagsShown(d.caseId, d.userId)));
      const purpose = d.purpose === null ? null : sealPlain(d.purpose, (v) => sealFreeText(cipher, v, PLACES.disclosurePurpose(d.caseId, d.userId)));
      tx.update(disclosures).set({ tagsShown, purpose }).where(eq(disclosures.id, d.id)).run();
    }
  });
  return count;
}
