import { and, desc, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { referralDrafts } from "~/db/schema";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { AppError, ConflictError } from "~/server/errors";
import type { SessionUser } from "./sessions";

/** A draft's content: whatever the form has so far, not yet valid. Validated on submit. */
export type DraftContent = Record<string, unknown>;

const place = (id: string) => `referral_drafts:${id}:content`;
const NOT_FOUND = "There is no draft referral with that reference that you can open.";

/** A draft is visible to its author and to the chairs and coordinators of the author's agency. */
function canOpen(user: SessionUser, draft: { authorId: string; agencyId: string }): boolean {
  return draft.authorId === user.id || ((user.role === "chair" || user.role === "coordinator") && draft.agencyId === user.agencyId);
}

export function createDraft(db: Db, cipher: FieldCipher, user: SessionUser, now: Date): { id: string } {
  const id = crypto.randomUUID();
  db.insert(referralDrafts).values({ id, authorId: user.id, agencyId: user.agencyId, sealed: cipher.seal("{}", place(id)), createdAt: now, updatedAt: now }).run();
  return { id };
}

export function getDraft(db: Pick<Db, "select">, cipher: FieldCipher, user: SessionUser, id: string) {
  const row = db.select().from(referralDrafts).where(eq(referralDrafts.id, id)).get();
  if (!row || !canOpen(user, row)) throw new AppError("NOT_FOUND", NOT_FOUND);
  return { id: row.id, version: row.version, updatedAt: row.updatedAt, authorId: row.authorId, content: JSON.parse(cipher.open(row.sealed, place(id))) as DraftContent };
}

/** Merges one page's answers into the draft. A stale version is a conflict, not an overwrite. */
export function saveDraft(db: Db, cipher: FieldCipher, user: SessionUser, id: string, version: number, patch: DraftContent, now: Date) {
  return db.transaction((tx) => {
    const current = getDraft(tx, cipher, user, id);
    if (current.version !== version) throw new ConflictError("draft referral", Object.keys(patch), current.version);
    const content = { ...current.content, ...patch };
    tx.update(referralDrafts)
      .set({ sealed: cipher.seal(JSON.stringify(content), place(id)), version: version + 1, updatedAt: now })
      .where(and(eq(referralDrafts.id, id), eq(referralDrafts.version, version)))
      .run();
    return { version: version + 1 };
  });
}

export function deleteDraft(db: Pick<Db, "delete">, id: string): void {
  db.delete(referralDrafts).where(eq(referralDrafts.id, id)).run();
}

/** The user's own drafts, and (for chairs and coordinators) their agency's, newest first. Names only. */
export function listDrafts(db: Db, cipher: FieldCipher, user: SessionUser) {
  const rows = db.select().from(referralDrafts).orderBy(desc(referralDrafts.updatedAt)).all().filter((r) => canOpen(user, r));
  return rows.map((r) => {
    const content = JSON.parse(cipher.open(r.sealed, place(r.id))) as { victim?: { name?: unknown } };
    return { id: r.id, updatedAt: r.updatedAt, mine: r.authorId === user.id, victimName: typeof content.victim?.name === "string" ? content.victim.name : "" };
  });
}
