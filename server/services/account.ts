import { and, eq, isNull, ne } from "drizzle-orm";
import type { Db } from "~/db/client";
import { sessions, users } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { hashPassword, verifyPassword } from "~/server/auth/password-hash";
import { AppError } from "~/server/errors";
import type { SessionUser } from "./sessions";

/** A user changes their own password; the current one is required. Other sessions are ended. */
export async function changeOwnPassword(db: Db, user: SessionUser, currentPassword: string, newPassword: string, now: Date) {
  const row = db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  if (!row || !(await verifyPassword(row.hash, currentPassword))) {
    throw new AppError("BAD_REQUEST", "Your current password is not correct.", { currentPassword: ["Your current password is not correct"] });
  }
  const passwordHash = await hashPassword(newPassword);
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, user.id)).run();
    tx.update(sessions)
      .set({ endedAt: now, endReason: "password_changed" })
      .where(and(eq(sessions.userId, user.id), isNull(sessions.endedAt), ne(sessions.id, user.sessionId)))
      .run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "password.changed", targetType: "user", targetId: user.id });
  });
}

/**
 * After signing in with a one-time password the user chooses their own; the live session is the
 * proof (the one-time password no longer works). Their other sessions, if any, are ended.
 */
export async function chooseFirstPassword(db: Db, user: SessionUser, newPassword: string, now: Date) {
  if (!user.mustChangePassword) {
    throw new AppError("BAD_REQUEST", "Your password is already your own: change it from Your account, with your current password.");
  }
  const passwordHash = await hashPassword(newPassword);
  db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, passwordChangedAt: now, mustChangePassword: false, passwordSetByChangeId: null, updatedAt: now })
      .where(eq(users.id, user.id))
      .run();
    tx.update(sessions)
      .set({ endedAt: now, endReason: "password_changed" })
      .where(and(eq(sessions.userId, user.id), isNull(sessions.endedAt), ne(sessions.id, user.sessionId)))
      .run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "password.changed", targetType: "user", targetId: user.id, details: { replacedOneTimePassword: true } });
  });
}
