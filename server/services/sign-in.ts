import { and, count, eq, gt } from "drizzle-orm";
import type { Db } from "~/db/client";
import { agencies, signInFailures, signInLocks, users } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { burnVerifyTime, verifyPassword } from "~/server/auth/password-hash";
import { FAILURE_WINDOW_MS, LOCK_DURATION_MS, MAX_FAILED_SIGN_INS } from "~/server/auth/rules";

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; lockedUntil: Date };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an email and password. Failures and lock-outs are counted per typed address, whether or
 * not an account has it, so neither the message nor the lock reveals which addresses exist.
 * Inactive users and users of inactive agencies fail exactly as a wrong password does.
 */
export async function authenticate(db: Db, rawEmail: string, password: string, now: Date): Promise<SignInResult> {
  const email = normaliseEmail(rawEmail);
  const lock = db.select().from(signInLocks).where(eq(signInLocks.email, email)).get();
  if (lock && lock.lockedUntil > now) {
    writeAudit(db, { at: now, actorEmail: email, action: "sign_in.refused_locked" });
    return { ok: false, reason: "locked", lockedUntil: lock.lockedUntil };
  }

  const row = db
    .select({ id: users.id, hash: users.passwordHash, active: users.active, agencyActive: agencies.active })
    .from(users)
    .innerJoin(agencies, eq(users.agencyId, agencies.id))
    .where(eq(users.email, email))
    .get();

  let passwordOk = false;
  if (row) passwordOk = await verifyPassword(row.hash, password);
  else await burnVerifyTime(password);

  if (row && passwordOk && row.active && row.agencyActive) {
    db.transaction((tx) => {
      tx.delete(signInFailures).where(eq(signInFailures.email, email)).run();
      tx.delete(signInLocks).where(eq(signInLocks.email, email)).run();
      writeAudit(tx, { at: now, actorUserId: row.id, actorEmail: email, action: "sign_in.success" });
    });
    return { ok: true, userId: row.id };
  }

  return db.transaction((tx): SignInResult => {
    tx.insert(signInFailures).values({ email, at: now }).run();
    const reason = !row ? "unknown_email" : !passwordOk ? "wrong_password" : "inactive";
    writeAudit(tx, { at: now, actorUserId: row?.id ?? null, actorEmail: email, action: "sign_in.failure", details: { reason } });
    const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS);
    const recent = tx
      .select({ n: count() })
      .from(signInFailures)
      .where(and(eq(signInFailures.email, email), gt(signInFailures.at, windowStart)))
      .get();
    if ((recent?.n ?? 0) < MAX_FAILED_SIGN_INS) return { ok: false, reason: "invalid" };

    const lockedUntil = new Date(now.getTime() + LOCK_DURATION_MS);
    tx.insert(signInLocks).values({ email, lockedUntil }).onConflictDoUpdate({ target: signInLocks.email, set: { lockedUntil } }).run();
    tx.delete(signInFailures).where(eq(signInFailures.email, email)).run();
    writeAudit(tx, { at: now, actorUserId: row?.id ?? null, actorEmail: email, action: "sign_in.locked_out", details: { until: lockedUntil.toISOString() } });
    return { ok: false, reason: "locked", lockedUntil };
  });
}
