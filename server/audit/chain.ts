import { createHash } from "node:crypto";
import type { Db } from "~/db/client";

/** The predecessor of the first chained entry. */
export const GENESIS_HASH = "0".repeat(64);

/** The stored columns an entry's hash covers, as SQLite holds them. */
export type ChainedFields = {
  at: number;
  actorUserId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** The JSON text exactly as stored. */
  details: string | null;
};

/**
 * SHA-256 over a canonical serialisation (a JSON array in fixed column order) of the entry and
 * the previous entry's hash, so changing, removing or reordering any entry breaks every later link.
 */
export function entryHash(prevHash: string, f: ChainedFields): string {
  const canonical = JSON.stringify([prevHash, f.at, f.actorUserId, f.actorEmail, f.action, f.targetType, f.targetId, f.details]);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

type RawRow = {
  id: number;
  at: number;
  actor_user_id: string | null;
  actor_email: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string | null;
  prev_hash: string | null;
  hash: string | null;
};

export type ChainReport =
  | { ok: true; entries: number; unchained: number; head: string }
  | { ok: false; id: number; problem: string };

/**
 * Walks the whole log in id order. Entries written before the chain existed (no hash) may only
 * come first; after that every entry must link to its predecessor and hash to what it stores.
 */
export function verifyAuditChain(db: Db): ChainReport {
  const rows = db.$client
    .prepare("SELECT id, at, actor_user_id, actor_email, action, target_type, target_id, details, prev_hash, hash FROM audit_log ORDER BY id")
    .iterate() as IterableIterator<RawRow>;
  let prev = GENESIS_HASH;
  let chained = 0;
  let unchained = 0;
  for (const r of rows) {
    if (r.hash === null && r.prev_hash === null && chained === 0) {
      unchained++;
      continue;
    }
    if (r.prev_hash !== prev) return { ok: false, id: r.id, problem: "does not link to the entry before it (an entry was removed, inserted or reordered)" };
    const expected = entryHash(prev, {
      at: r.at,
      actorUserId: r.actor_user_id,
      actorEmail: r.actor_email,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      details: r.details,
    });
    if (r.hash !== expected) return { ok: false, id: r.id, problem: "its contents do not match its hash (the entry was changed)" };
    prev = expected;
    chained++;
  }
  return { ok: true, entries: chained, unchained, head: prev };
}
