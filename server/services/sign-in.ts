import { and, count, eq, gt, lte } from "drizzle-orm";
import type { Db } from "~/db/client";
import { agencies, agencyIdentityProviders, signInAddressFailures, signInFailures, signInLocks, users } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { burnVerifyTime, verifyPassword } from "~/server/auth/password-hash";
import { FAILURE_WINDOW_MS, LOCK_DURATION_MS, MAX_FAILED_SIGN_INS, MAX_FAILED_SIGN_INS_PER_ADDRESS } from "~/server/auth/rules";
import { getAppCipher } from "~/server/crypto/app-cipher";

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled" }
  | { ok: false; reason: "locked"; lockedUntil: Date };

/** A one-time password's hash after its one sign-in: no password verifies against it. */
const USED_ONE_TIME_PASSWORD = "!one-time-password-used";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * What sign-in stores instead of the text typed (which may be a password typed into the wrong box):
 * an HMAC under a key derived from DATA_KEY, so equal inputs can be counted and grouped, never read.
 */
export function signInDigest(kind: "email" | "address", value: string): string {
  return getAppCipher().digest(`sign-in:${kind}:${value}`);
}

type Gate = { ok: true; attemptId: number; addressAttemptId: number | null } | { ok: false; result: SignInResult };

/** Whose attempt is being counted: the keyed digests of the typed email and the client address. */
export type AttemptKeys = { emailKey: string; addressKey: string | null; actorUserId: string | null };

export function attemptKeys(email: string, address: string | null, actorUserId: string | null): AttemptKeys {
  return { emailKey: signInDigest("email", normaliseEmail(email)), addressKey: address ? signInDigest("address", address) : null, actorUserId };
}

/**
 * Counts an attempt as a failure BEFORE it is checked, in one immediate transaction, or refuses it
 * if the allowance is used up (decision 034). Passwords and authenticator codes share the count.
 */
export function openAttempt(db: Db, keys: AttemptKeys, now: Date): Gate {
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const refused = { actorUserId: keys.actorUserId, details: { emailDigest: keys.emailKey } };
  return db.transaction((tx): Gate => {
    const lock = tx.select().from(signInLocks).where(eq(signInLocks.email, keys.emailKey)).get();
    if (lock && lock.lockedUntil > now) {
      writeAudit(tx, { at: now, action: "sign_in.refused_locked", ...refused });
      return { ok: false, result: { ok: false, reason: "locked", lockedUntil: lock.lockedUntil } };
    }
    if (keys.addressKey) {
      tx.delete(signInAddressFailures).where(and(eq(signInAddressFailures.address, keys.addressKey), lte(signInAddressFailures.at, windowStart))).run();
      const fromAddress = tx.select({ n: count() }).from(signInAddressFailures).where(eq(signInAddressFailures.address, keys.addressKey)).get()?.n ?? 0;
      if (fromAddress >= MAX_FAILED_SIGN_INS_PER_ADDRESS) {
        writeAudit(tx, { at: now, action: "sign_in.refused_throttled", actorUserId: refused.actorUserId, details: { ...refused.details, addressDigest: keys.addressKey } });
        return { ok: false, result: { ok: false, reason: "throttled" } };
      }
    }
    const recent = tx
      .select({ n: count() })
      .from(signInFailures)
      .where(and(eq(signInFailures.email, keys.emailKey), gt(signInFailures.at, windowStart)))
      .get()?.n ?? 0;
    if (recent >= MAX_FAILED_SIGN_INS) {
      // Attempts still being checked have used up the allowance: refuse this one unchecked.
      writeAudit(tx, { at: now, action: "sign_in.refused_locked", actorUserId: refused.actorUserId, details: { ...refused.details, attemptsInFlight: true } });
      return { ok: false, result: { ok: false, reason: "locked", lockedUntil: new Date(now.getTime() + LOCK_DURATION_MS) } };
    }
    const attemptId = tx.insert(signInFailures).values({ email: keys.emailKey, at: now }).returning({ id: signInFailures.id }).get().id;
    const addressAttemptId = keys.addressKey
      ? tx.insert(signInAddressFailures).values({ address: keys.addressKey, at: now }).returning({ id: signInAddressFailures.id }).get().id
      : null;
    return { ok: true, attemptId, addressAttemptId };
  }, { behavior: "immediate" });
}

/** A checked attempt succeeded: clears the count for the email and this attempt's address entry. */
export function clearAttempts(tx: Pick<Db, "delete">, keys: AttemptKeys, addressAttemptId: number | null): void {
  tx.delete(signInFailures).where(eq(signInFailures.email, keys.emailKey)).run();
  tx.delete(signInLocks).where(eq(signInLocks.email, keys.emailKey)).run();
  if (addressAttemptId !== null) tx.delete(signInAddressFailures).where(eq(signInAddressFailures.id, addressAttemptId)).run();
}

/** A checked attempt failed (it was already counted): records why, and locks the email if that was the last try. */
export function closeFailedAttempt(db: Db, keys: AttemptKeys, now: Date, reason: string): SignInResult {
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const refused = { actorUserId: keys.actorUserId, details: { emailDigest: keys.emailKey } };
  return db.transaction((tx): SignInResult => {
    writeAudit(tx, { at: now, action: "sign_in.failure", actorUserId: refused.actorUserId, details: { ...refused.details, reason } });
    const recent = tx
      .select({ n: count() })
      .from(signInFailures)
      .where(and(eq(signInFailures.email, keys.emailKey), gt(signInFailures.at, windowStart)))
      .get()?.n ?? 0;
    if (recent < MAX_FAILED_SIGN_INS) return { ok: false, reason: "invalid" };

    const lockedUntil = new Date(now.getTime() + LOCK_DURATION_MS);
    tx.insert(signInLocks).values({ email: keys.emailKey, lockedUntil }).onConflictDoUpdate({ target: signInLocks.email, set: { lockedUntil } }).run();
    tx.delete(signInFailures).where(eq(signInFailures.email, keys.emailKey)).run();
    writeAudit(tx, { at: now, action: "sign_in.locked_out", actorUserId: refused.actorUserId, details: { ...refused.details, until: lockedUntil.toISOString() } });
    return { ok: false, reason: "locked", lockedUntil };
  }, { behavior: "immediate" });
}

/**
 * Checks an email and password. Failures and lock-outs are counted per typed address, whether or
 * not an account has it, so neither the message nor the lock reveals which addresses exist.
 * Inactive users and users of inactive agencies fail exactly as a wrong password does.
 *
 * Count-and-lock is atomic (decision 034): each attempt is counted as a failure in one immediate
 * transaction BEFORE the (asynchronous) password check, and refused there if the allowance is used
 * up, so parallel requests cannot all pass the check while the hashes are being verified. A success
 * clears the count. `address` is the client address, for the per-address throttle.
 */
export async function authenticate(db: Db, rawEmail: string, password: string, now: Date, address: string | null = null): Promise<SignInResult> {
  const email = normaliseEmail(rawEmail);
  const row = db
    .select({ id: users.id, hash: users.passwordHash, active: users.active, agencyActive: agencies.active, oneTime: users.mustChangePassword, sso: agencyIdentityProviders.agencyId })
    .from(users)
    .innerJoin(agencies, eq(users.agencyId, agencies.id))
    .leftJoin(agencyIdentityProviders, eq(agencyIdentityProviders.agencyId, agencies.id))
    .where(eq(users.email, email))
    .get();
  const keys = attemptKeys(email, address, row?.id ?? null);

  const gate = openAttempt(db, keys, now);
  if (!gate.ok) return gate.result;

  let passwordOk = false;
  if (row) passwordOk = await verifyPassword(row.hash, password);
  else await burnVerifyTime(password);

  // An agency with its own identity provider signs its users in there only (decision 063): a
  // leaver switched off there cannot come back with a password.
  const ssoOnly = row?.sso != null;
  if (row && passwordOk && row.active && row.agencyActive && !ssoOnly) {
    const signedIn = db.transaction((tx) => {
      if (row.oneTime) {
        // A one-time password works once: burn it, unless a parallel sign-in already did.
        const burned = tx
          .update(users)
          .set({ passwordHash: USED_ONE_TIME_PASSWORD })
          .where(and(eq(users.id, row.id), eq(users.passwordHash, row.hash)))
          .returning({ id: users.id })
          .get();
        if (!burned) return false;
        writeAudit(tx, { at: now, actorUserId: row.id, action: "user.one_time_password_used", targetType: "user", targetId: row.id });
      }
      clearAttempts(tx, keys, gate.addressAttemptId);
      writeAudit(tx, { at: now, actorUserId: row.id, actorEmail: email, action: "sign_in.success" });
      return true;
    }, { behavior: "immediate" });
    if (signedIn) return { ok: true, userId: row.id };
  }

  // The attempt was already counted in the gate; decide here whether it completes a lock-out.
  const reason = !row ? "unknown_email" : !passwordOk ? "wrong_password" : !(row.active && row.agencyActive) ? "inactive" : ssoOnly ? "agency_signs_in_through_its_provider" : "one_time_password_used";
  return closeFailedAttempt(db, keys, now, reason);
}
