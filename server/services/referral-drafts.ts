import { and, desc, eq, lt, or } from "drizzle-orm";
import type { Db } from "~/db/client";
import { referralDrafts } from "~/db/schema";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { AppError, ConflictError } from "~/server/errors";
import { DRAFT_LIFETIME_DAYS, DRAFT_MAX_BYTES, type TDraftPatch } from "~/server/schemas/referral-draft";
import type { SessionUser } from "./sessions";

/** A draft's content: whatever the form has so far, not yet valid. Validated on submit. */
export type DraftContent = Record<string, unknown>;

const place = (id: string) => `referral_drafts:${id}:content`;
const NOT_FOUND = "There is no draft referral with that reference that you can open.";

const TOO_LARGE = `This draft referral is too large to save: a draft may hold at most ${DRAFT_MAX_BYTES / 1024} kB. Shorten the longest answers, then save again.`;

const seesAgencyDrafts = (user: SessionUser) => user.role === "chair" || user.role === "coordinator";

/** A draft is visible to its author and to the chairs and coordinators of the author's agency. */
function canOpen(user: SessionUser, draft: { authorId: string; agencyId: string }): boolean {
  return draft.authorId === user.id || (seesAgencyDrafts(user) && draft.agencyId === user.agencyId);
}

/** Drafts last saved before this are expired. */
function expiryCutoff(now: Date): Date {
  return new Date(now.getTime() - DRAFT_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
}

/** Deletes every draft not saved for DRAFT_LIFETIME_DAYS (run on start, list and open). */
export function purgeExpiredDrafts(db: Pick<Db, "delete">, now: Date): void {
  db.delete(referralDrafts).where(lt(referralDrafts.updatedAt, expiryCutoff(now))).run();
}

export function createDraft(db: Db, cipher: FieldCipher, user: SessionUser, now: Date): { id: string } {
  purgeExpiredDrafts(db, now);
  const id = crypto.randomUUID();
  db.insert(referralDrafts).values({ id, authorId: user.id, agencyId: user.agencyId, sealed: cipher.seal("{}", place(id)), createdAt: now, updatedAt: now }).run();
  return { id };
}

/** An expired draft is not found, even before the next purge deletes it. */
export function getDraft(db: Pick<Db, "select">, cipher: FieldCipher, user: SessionUser, id: string, now: Date) {
  const row = db.select().from(referralDrafts).where(eq(referralDrafts.id, id)).get();
  if (!row || !canOpen(user, row) || row.updatedAt < expiryCutoff(now)) throw new AppError("NOT_FOUND", NOT_FOUND);
  return { id: row.id, version: row.version, updatedAt: row.updatedAt, authorId: row.authorId, content: JSON.parse(cipher.open(row.sealed, place(id))) as DraftContent };
}

/**
 * Merges one page's answers into the draft. A stale version is a conflict, not an overwrite; a
 * draft that would grow past DRAFT_MAX_BYTES is refused and left as it was.
 */
export function saveDraft(db: Db, cipher: FieldCipher, user: SessionUser, id: string, version: number, patch: TDraftPatch, now: Date) {
  return db.transaction((tx) => {
    const current = getDraft(tx, cipher, user, id, now);
    if (current.version !== version) throw new ConflictError("draft referral", Object.keys(patch), current.version);
    const json = JSON.stringify({ ...current.content, ...patch });
    if (Buffer.byteLength(json, "utf8") > DRAFT_MAX_BYTES) throw new AppError("BAD_REQUEST", TOO_LARGE);
    tx.update(referralDrafts)
      .set({ sealed: cipher.seal(json, place(id)), version: version + 1, updatedAt: now })
      .where(and(eq(referralDrafts.id, id), eq(referralDrafts.version, version)))
      .run();
    return { version: version + 1 };
  });
}

export function deleteDraft(db: Pick<Db, "delete">, id: string): void {
  db.delete(referralDrafts).where(eq(referralDrafts.id, id)).run();
}

/**
 * The user's own drafts, and (for chairs and coordinators) their agency's, newest first. Names
 * only. Only those rows are read and opened: another user's drafts cost this list nothing.
 */
export function listDrafts(db: Db, cipher: FieldCipher, user: SessionUser, now: Date) {
  purgeExpiredDrafts(db, now);
  const visible = seesAgencyDrafts(user)
    ? or(eq(referralDrafts.authorId, user.id), eq(referralDrafts.agencyId, user.agencyId))
    : eq(referralDrafts.authorId, user.id);
  const rows = db.select().from(referralDrafts).where(visible).orderBy(desc(referralDrafts.updatedAt)).all();
  return rows.map((r) => {
    const content = JSON.parse(cipher.open(r.sealed, place(r.id))) as { victim?: { name?: unknown } };
    return { id: r.id, updatedAt: r.updatedAt, mine: r.authorId === user.id, victimName: typeof content.victim?.name === "string" ? content.victim.name : "" };
  });
}
