import { and, count, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "~/db/client";
import { recoveryCodes, sessions, users } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { SECOND_FACTOR_FRESH_MS } from "~/server/auth/rules";
import { secondFactorRequiredFor } from "~/server/auth/second-factor-roles";
import { matchTotpStep, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, totpQrDataUrl } from "~/server/auth/totp";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { AppError } from "~/server/errors";
import { endSession, type SessionUser } from "./sessions";
import { attemptKeys, clearAttempts, closeFailedAttempt, openAttempt } from "./sign-in";

/** Where each sealed secret belongs: a secret copied to another user's row fails to open. */
const secretPlace = (userId: string) => `users:${userId}:totp_secret`;
const pendingPlace = (userId: string) => `users:${userId}:totp_pending_secret`;
const recoveryDigest = (userId: string, code: string) => getAppCipher().digest(`recovery-code:${userId}:${normaliseRecoveryCode(code)}`);

/** The refusal a sensitive action gives when the authenticator was last checked too long ago. */
export const STALE_SECOND_FACTOR_MESSAGE = "Enter a code from your authenticator app to confirm it is you: this needs one from the last 15 minutes.";

export class StaleSecondFactor extends AppError {
  constructor() {
    super("FORBIDDEN", STALE_SECOND_FACTOR_MESSAGE);
  }
}

/**
 * Sensitive actions (approving privileged changes, proposing password resets, downloading reports)
 * call this first: the session must have checked an authenticator code within the last 15 minutes
 * (decision 051). Only a user whose role the configuration exempts, and who has set up no
 * authenticator, has nothing to confirm with; every role that can take these actions needs one by default.
 */
export function requireFreshSecondFactor(user: SessionUser, now: Date): void {
  if (user.secondFactorEnrolled === false && !secondFactorRequiredFor(user.role)) return;
  const at = user.secondFactorAt;
  if (!at || now.getTime() - at.getTime() > SECOND_FACTOR_FRESH_MS) throw new StaleSecondFactor();
}

export type TwoFactorSetup = {
  enrolled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
  /** An authenticator being set up and not yet confirmed: what the app needs to read. */
  pending: { secret: string; qrDataUrl: string } | null;
};

export async function twoFactorSetup(db: Db, user: SessionUser): Promise<TwoFactorSetup> {
  const row = db.select({ secret: users.totpSecret, pending: users.totpPendingSecret }).from(users).where(eq(users.id, user.id)).get();
  if (!row) throw new AppError("NOT_FOUND", "There is no such user.");
  const left = db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt))).get()?.n ?? 0;
  let pending: TwoFactorSetup["pending"] = null;
  if (row.pending) {
    const secret = getAppCipher().open(row.pending, pendingPlace(user.id));
    pending = { secret, qrDataUrl: await totpQrDataUrl(secret, user.email) };
  }
  return { enrolled: row.secret !== null, required: secondFactorRequiredFor(user.role), recoveryCodesLeft: left, pending };
}

/**
 * Starts setting up an authenticator: a new secret, sealed, waiting for a code to confirm it.
 * Replacing an authenticator already set up needs a fresh code from it first.
 */
export function beginEnrolment(db: Db, user: SessionUser, now: Date): void {
  const row = db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, user.id)).get();
  if (row?.secret) requireFreshSecondFactor(user, now);
  db.update(users).set({ totpPendingSecret: getAppCipher().seal(newTotpSecret(), pendingPlace(user.id)) }).where(eq(users.id, user.id)).run();
}

/**
 * Confirms the authenticator with a code from it, and returns ten recovery codes: shown this once,
 * stored only as keyed digests. Any earlier authenticator and recovery codes stop working.
 */
export function confirmEnrolment(db: Db, user: SessionUser, code: string, now: Date): { recoveryCodes: string[] } {
  const cipher = getAppCipher();
  const row = db.select({ pending: users.totpPendingSecret }).from(users).where(eq(users.id, user.id)).get();
  if (!row?.pending) throw new AppError("BAD_REQUEST", "Start setting up your authenticator app first.");
  const secret = cipher.open(row.pending, pendingPlace(user.id));
  const step = matchTotpStep(secret, code, now);
  if (step === null) {
    throw new AppError("BAD_REQUEST", "That code is not right.", { code: ["Enter the 6-digit code your authenticator app shows now"] });
  }
  const codes = newRecoveryCodes();
  db.transaction((tx) => {
    tx.update(users)
      .set({ totpSecret: cipher.seal(secret, secretPlace(user.id)), totpPendingSecret: null, totpLastStep: step, updatedAt: now })
      .where(eq(users.id, user.id))
      .run();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id)).run();
    tx.insert(recoveryCodes).values(codes.map((c) => ({ userId: user.id, digest: recoveryDigest(user.id, c) }))).run();
    // The code just typed proves the second factor for this session.
    tx.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.id, user.sessionId)).run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "two_factor.enrolled", targetType: "user", targetId: user.id });
  });
  return { recoveryCodes: codes };
}

export type SecondFactorResult = { ok: true; method: "authenticator" | "recovery_code" } | { ok: false; reason: "invalid" | "locked" | "throttled" };

/**
 * Checks an authenticator code (or a recovery code) for this session: the second step of signing
 * in, or a fresh check before a sensitive action. Failures count towards the same lock-out as wrong
 * passwords, through the same atomic gate (decision 034); a lock-out ends this session. A code is
 * accepted once only: its 30-second step must come after the last one accepted.
 */
export function verifySecondFactor(db: Db, user: SessionUser, code: string, now: Date, address: string | null): SecondFactorResult {
  const row = db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, user.id)).get();
  if (!row?.secret) throw new AppError("BAD_REQUEST", "You have no authenticator app set up.");
  const keys = attemptKeys(user.email, address, user.id);
  const gate = openAttempt(db, keys, now);
  if (!gate.ok) {
    const locked = !gate.result.ok && gate.result.reason === "locked";
    if (locked) endSession(db, user.sessionId, now, "second_factor_locked");
    return { ok: false, reason: locked ? "locked" : "throttled" };
  }

  const secret = getAppCipher().open(row.secret, secretPlace(user.id));
  const step = matchTotpStep(secret, code, now);
  const method = step !== null ? "authenticator" : "recovery_code";
  const accepted = db.transaction((tx) => {
    const used =
      step !== null
        ? tx
            .update(users)
            .set({ totpLastStep: step })
            .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
            .returning({ id: users.id })
            .get()
        : tx
            .update(recoveryCodes)
            .set({ usedAt: now })
            .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.digest, recoveryDigest(user.id, code)), isNull(recoveryCodes.usedAt)))
            .returning({ id: recoveryCodes.id })
            .get();
    if (!used) return false;
    clearAttempts(tx, keys, gate.addressAttemptId);
    tx.update(sessions).set({ secondFactorPending: false, secondFactorAt: now }).where(eq(sessions.id, user.sessionId)).run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "sign_in.second_factor", targetType: "session", targetId: user.sessionId, details: { method } });
    return true;
  }, { behavior: "immediate" });
  if (accepted) return { ok: true, method };

  const failed = closeFailedAttempt(db, keys, now, step !== null ? "authenticator_code_reused" : "wrong_code");
  if (failed.ok) return { ok: false, reason: "invalid" };
  if (failed.reason === "locked") {
    endSession(db, user.sessionId, now, "second_factor_locked");
    return { ok: false, reason: "locked" };
  }
  return { ok: false, reason: "invalid" };
}
