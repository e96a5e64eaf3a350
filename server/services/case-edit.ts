import { and, asc, desc, eq, gt } from "drizzle-orm";
import type { Db } from "~/db/client";
import { caseRevisions, caseSuggestionRemovals, users } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { readCase, readCaseSharing, writeCaseRows } from "~/server/cases/case-store";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { labelFor, nameablePaths } from "~/server/cases/field-names";
import { openFreeText, PLACES, sealFreeText } from "~/server/cases/sealed-values";
import { readSharingRules } from "~/server/cases/sharing-rules";
import { projectItemText, visibleItems } from "~/server/domain/projection/items";
import { changedPaths } from "~/server/domain/case/diff";
import { removeSuggestedTag, retagText, tagSentence } from "~/server/domain/case/retag";
import { caseRecordSchema, type CaseRecord } from "~/server/domain/case/schema";
import type { Victim } from "~/server/domain/case/victim";
import { touchesVictimContact } from "~/server/domain/notifications";
import { listTaggedTexts, mapTaggedTexts } from "~/server/domain/case/map-texts";
import { carryReviews, HOLDERS_ONLY } from "~/server/domain/review/review";
import type { Tag } from "~/server/domain/tags";
import { AppError, ConflictError } from "~/server/errors";
import { alertContactDetailsChanged } from "./contact-change-alerts";
import type { SessionUser } from "./sessions";

const NOT_FOUND = "There is no case with that reference.";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The one write path for changing a case: optimistic concurrency on the version, validation of the
 * whole record, detector suggestions on any free text that changed, all rows rewritten in one
 * transaction, a revision listing the changed fields, and an audit entry with field names only.
 */
export function updateCase(
  db: Db | Tx,
  cipher: FieldCipher,
  user: SessionUser,
  caseId: string,
  baseVersion: number,
  change: (current: CaseRecord, isRemoved: (path: string) => (sentence: string, tag: Tag) => boolean) => CaseRecord,
  now: Date,
  options: { spansEdited?: boolean; alsoWrite?: (tx: Tx) => void } = {},
): { version: number; changed: string[] } {
  return db.transaction((tx) => {
    const loaded = readCase(tx, cipher, caseId);
    if (!loaded) throw new AppError("NOT_FOUND", NOT_FOUND);
    if (loaded.meta.version !== baseVersion) {
      const since = tx.select({ version: caseRevisions.version, paths: caseRevisions.changedPaths }).from(caseRevisions).where(and(eq(caseRevisions.caseId, caseId), gt(caseRevisions.version, baseVersion))).all();
      const paths = since.flatMap((r) => JSON.parse(cipher.open(r.paths, PLACES.changedPaths(caseId, r.version))) as string[]);
      const fields = [...new Set(paths)].map(labelFor);
      throw new ConflictError("case", fields, loaded.meta.version);
    }
    const removals = tx.select().from(caseSuggestionRemovals).where(eq(caseSuggestionRemovals.caseId, caseId)).all()
      .map((r) => ({ ...r, tag: cipher.open(r.tag, PLACES.removalTag(r.id)) }));
    const isRemoved = (path: string) => (sentence: string, tag: Tag) =>
      removals.some((r) => r.path === path && r.tag === tag && r.sentenceDigest === cipher.digest(sentence));
    const proposed = caseRecordSchema.parse(change(loaded.record, isRemoved));
    // Tags change only through tagSentence and removeSuggestion (each recorded). Any other save keeps
    // the stored tags of unchanged text, and re-tags changed text with fresh suggestions (fail closed).
    const before = new Map(listTaggedTexts(loaded.record).map(({ path, text }) => [path, text]));
    const next = options.spansEdited
      ? proposed
      : mapTaggedTexts(proposed, (t, path) => {
          const old = before.get(path) ?? { text: "", spans: [] };
          return old.text === t.text ? old : carryReviews(old, retagText(old, t.text, isRemoved(path)));
        });
    const changed = changedPaths(loaded.record, next);
    if (changed.length === 0) return { version: baseVersion, changed };
    const version = baseVersion + 1;
    writeCaseRows(tx, cipher, { ...next, caseId, caseNumber: loaded.record.caseNumber }, { ...loaded.meta, version, updatedAt: now });
    tx.insert(caseRevisions).values({ caseId, version, at: now, userId: user.id, changedPaths: cipher.seal(JSON.stringify(changed), PLACES.changedPaths(caseId, version)) }).run();
    // The admin reads the audit log: it names only untagged fields, and counts the others.
    const nameable = nameablePaths(changed);
    writeAudit(tx, { at: now, actorUserId: user.id, action: "case.updated", targetType: "case", targetId: caseId, details: { version, fieldsChanged: nameable, restrictedFieldsChanged: changed.length - nameable.length } });
    if (touchesVictimContact(changed)) alertContactDetailsChanged(tx, cipher, caseId, version, now);
    options.alsoWrite?.(tx);
    return { version, changed };
  });
}

export function updateVictim(db: Db, cipher: FieldCipher, user: SessionUser, caseId: string, version: number, victim: Victim, now: Date) {
  return updateCase(db, cipher, user, caseId, version, (c) => ({ ...c, victim }), now);
}

export function updateNarrativeText(db: Db, cipher: FieldCipher, user: SessionUser, caseId: string, version: number, text: string, now: Date) {
  return updateCase(db, cipher, user, caseId, version, (c) => ({ ...c, narrative: { text, spans: c.narrative.spans } }), now);
}

export function tagNarrativeSentence(db: Db, cipher: FieldCipher, user: SessionUser, caseId: string, version: number, span: { start: number; end: number; tag: Tag }, now: Date) {
  return updateCase(db, cipher, user, caseId, version, (c) => {
    if (span.end > c.narrative.text.length || span.start >= span.end) throw new AppError("BAD_REQUEST", "That sentence is no longer in the narrative. Reload the page.");
    return { ...c, narrative: tagSentence(c.narrative, span.start, span.end, span.tag) };
  }, now, { spansEdited: true });
}

/** Removes one detector suggestion from a sentence; allowed only with a reason, which is kept (sealed) and audited. */
export function removeNarrativeSuggestion(
  db: Db,
  cipher: FieldCipher,
  user: SessionUser,
  caseId: string,
  version: number,
  input: { start: number; end: number; tag: Tag; reason: string },
  now: Date,
) {
  let sentence = "";
  return updateCase(
    db,
    cipher,
    user,
    caseId,
    version,
    (c) => {
      const covering = c.narrative.spans.some((s) => s.source === "detector" && s.start < input.end && s.end > input.start && s.tags.includes(input.tag));
      if (!covering) throw new AppError("BAD_REQUEST", "There is no such suggestion on that sentence any more. Reload the page.");
      sentence = c.narrative.text.slice(input.start, input.end);
      return { ...c, narrative: removeSuggestedTag(c.narrative, input.start, input.end, input.tag) };
    },
    now,
    { spansEdited: true, alsoWrite: (tx) => {
      const row = recordSuggestionRemoval(tx, cipher, { caseId, path: "narrative", sentence, tag: input.tag, reason: input.reason, userId: user.id, at: now });
      writeAudit(tx, { at: now, actorUserId: user.id, action: "case.suggestion_removed", targetType: "case", targetId: caseId, details: { field: "narrative", removalId: row.id } });
    } },
  );
}

/**
 * Records that a suggested tag was removed from a sentence, so the detector does not suggest it
 * again for that sentence. The tag and reason are sealed to their own row, so neither can be copied
 * onto another removal; the reason is free text another reader sees (tagged by the detector).
 */
export function recordSuggestionRemoval(
  tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  cipher: FieldCipher,
  r: { caseId: string; path: string; sentence: string; tag: Tag; reason: string; userId: string; at: Date },
): { id: number } {
  const row = tx
    .insert(caseSuggestionRemovals)
    .values({ caseId: r.caseId, path: r.path, sentenceDigest: cipher.digest(r.sentence), tag: "", reasonSealed: "", userId: r.userId, at: r.at })
    .returning({ id: caseSuggestionRemovals.id })
    .get();
  tx.update(caseSuggestionRemovals)
    .set({ tag: cipher.seal(r.tag, PLACES.removalTag(row.id)), reasonSealed: sealFreeText(cipher, r.reason, PLACES.removalReason(row.id)) })
    .where(eq(caseSuggestionRemovals.id, row.id))
    .run();
  return row;
}

/**
 * Removed suggestions with their reasons, for those who hold the whole case: each only if the
 * viewer may see its tag, and its reason through the viewer's sentence rules.
 */
export function listRemovals(db: Db, cipher: FieldCipher, user: SessionUser, caseId: string, now: Date) {
  const viewer = { userId: user.id, role: user.role, agencyId: user.agencyId, agencyType: user.agencyType };
  const rows = db
    .select({ id: caseSuggestionRemovals.id, path: caseSuggestionRemovals.path, tag: caseSuggestionRemovals.tag, reasonSealed: caseSuggestionRemovals.reasonSealed, at: caseSuggestionRemovals.at, userName: users.name })
    .from(caseSuggestionRemovals)
    .innerJoin(users, eq(users.id, caseSuggestionRemovals.userId))
    .where(eq(caseSuggestionRemovals.caseId, caseId))
    .orderBy(desc(caseSuggestionRemovals.at), asc(caseSuggestionRemovals.id))
    .all()
    .map((r) => {
      const tag = cipher.open(r.tag, PLACES.removalTag(r.id)) as Tag;
      return { ...r, tag, tags: [tag] };
    });
  const rules = readSharingRules(db, cipher, now);
  const theCase = readCaseSharing(db, cipher, caseId);
  return visibleItems(rows, viewer, rules.policy, rules.grants, theCase, now).map(({ reasonSealed, tags, ...r }) => ({
    ...r,
    reason: projectItemText(openFreeText(cipher, reasonSealed, PLACES.removalReason(r.id)), tags, viewer, rules.policy, rules.grants, theCase, now, HOLDERS_ONLY),
  }));
}
