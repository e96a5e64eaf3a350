import { createHash } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { preparedQuery } from "~/db/prepared";
import { agencies, sessions, users } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, SECOND_FACTOR_PENDING_MS, SESSION_TOUCH_INTERVAL_MS } from "~/server/auth/rules";
import { summariseUserAgent } from "~/server/auth/user-agent";
import type { AgencyType } from "~/server/domain/agency-types";
import { AppError } from "~/server/errors";
import type { Role } from "~/server/domain/roles";

/** Who is signed in, read fresh from the database on every request. */
export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  agencyId: string;
  agencyName: string;
  agencyType: AgencyType;
  /** Whether the user's agency sits at MARAC (Immigration Enforcement never does). */
  agencyIsMember: boolean;
  sessionId: string;
  /** Signed in with a one-time password: nothing but choosing a new one is allowed (decision 033). */
  mustChangePassword?: boolean;
  /** Password checked, authenticator code not yet: nothing but the code step is allowed (decision 051). */
  secondFactorPending?: boolean;
  /** Whether the user has an authenticator set up. */
  secondFactorEnrolled?: boolean;
  /**
   * A role that must use an authenticator and has none yet: nothing but setting one up is allowed.
   * Set by applySecondFactorRule (server/auth/second-factor-roles.ts), which reads the configuration.
   */
  mustEnrolSecondFactor?: boolean;
  /** When this session last proved the authenticator (or a recovery code); null when never. */
  secondFactorAt?: Date | null;
  /** Signed in with a password here, or through the agency's identity provider (decision 063). */
  signInMethod?: "password" | "sso";
};

/**
 * Starts a session after the agency's identity provider signed the user in (decision 063). Its
 * multi-factor check was the provider's, so it counts as the second factor at this moment.
 */
export function startSsoSession(tx: Pick<Db, "insert">, userId: string, now: Date, userAgent: string | null): string {
  const id = crypto.randomUUID();
  tx.insert(sessions)
    .values({ id, userId, createdAt: now, lastSeenAt: now, userAgent: userAgent?.slice(0, 300) ?? null, signInMethod: "sso", secondFactorAt: now })
    .run();
  return id;
}

/**
 * Starts a session after a correct password. A user with an authenticator gets a session that
 * waits for its code: until then it allows nothing else.
 */
export function startSession(db: Db, userId: string, now: Date, userAgent: string | null = null): string {
  const id = crypto.randomUUID();
  const user = db.select({ totpSecret: users.totpSecret }).from(users).where(eq(users.id, userId)).get();
  db.insert(sessions)
    .values({ id, userId, createdAt: now, lastSeenAt: now, userAgent: userAgent?.slice(0, 300) ?? null, secondFactorPending: user?.totpSecret != null })
    .run();
  return id;
}

type EndReason = NonNullable<typeof sessions.$inferSelect.endReason>;

export function endSession(db: Db, sessionId: string, now: Date, reason: EndReason): void {
  db.transaction((tx) => {
    const res = tx
      .update(sessions)
      .set({ endedAt: now, endReason: reason })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
      .returning({ userId: sessions.userId })
      .get();
    if (!res) return;
    writeAudit(tx, {
      at: now,
      actorUserId: res.userId,
      action: reason === "signed_out" ? "sign_out" : "session.ended",
      targetType: "session",
      targetId: sessionId,
      details: { reason },
    });
  });
}

/** Ends every open session of a user (deactivation, password reset). */
export function endUserSessions(db: Pick<Db, "update">, userId: string, now: Date, reason: EndReason): void {
  db.update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .run();
}

// Read on every request: built once per connection.
const sessionWithUser = preparedQuery((db) =>
  db
    .select({ session: sessions, user: users, agency: agencies })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .innerJoin(agencies, eq(users.agencyId, agencies.id))
    .where(eq(sessions.id, sql.placeholder("sessionId")))
    .prepare(),
);

/**
 * Returns the user behind a live session, or null. A session dies when signed out, after 30
 * minutes without a request, 12 hours after sign-in, or as soon as its user or agency is
 * deactivated: the check runs on every request, not when the cookie expires.
 */
export function resolveSession(db: Db, sessionId: string, now: Date): SessionUser | null {
  const row = sessionWithUser(db).get({ sessionId });
  if (!row || row.session.endedAt) return null;

  const t = now.getTime();
  let ended: EndReason | null = null;
  if (t - row.session.createdAt.getTime() >= ABSOLUTE_TIMEOUT_MS) ended = "expired";
  else if (t - row.session.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) ended = "idle";
  else if (!row.user.active || !row.agency.active) ended = "deactivated";
  else if (row.session.secondFactorPending && t - row.session.createdAt.getTime() >= SECOND_FACTOR_PENDING_MS) ended = "expired";
  if (ended) {
    endSession(db, sessionId, now, ended);
    return null;
  }

  if (t - row.session.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
    db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId)).run();
  }
  return {
    id: row.user.id,
    name: row.user.name,
    email: row.user.email,
    role: row.user.role,
    agencyId: row.agency.id,
    agencyName: row.agency.name,
    agencyType: row.agency.type,
    agencyIsMember: row.agency.isMaracMember,
    sessionId,
    // A password still to replace matters only to a session that signed in with one.
    mustChangePassword: row.session.signInMethod === "password" && row.user.mustChangePassword,
    secondFactorPending: row.session.secondFactorPending,
    secondFactorEnrolled: row.user.totpSecret !== null,
    secondFactorAt: row.session.secondFactorAt,
    signInMethod: row.session.signInMethod,
  };
}

/** One of the user's own live sessions, as the sessions page lists it. */
export type OwnSession = { handle: string; browser: string; signedInAt: Date; lastSeenAt: Date; current: boolean };

/** Names a session on a page without showing its id (the id is what the signed cookie carries). */
function sessionHandle(sessionId: string): string {
  return createHash("sha256").update(`session-handle:${sessionId}`).digest("base64url").slice(0, 22);
}

function liveSessionsOf(db: Db, userId: string, now: Date) {
  const t = now.getTime();
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .orderBy(desc(sessions.lastSeenAt))
    .all()
    .filter((s) => t - s.createdAt.getTime() < ABSOLUTE_TIMEOUT_MS && t - s.lastSeenAt.getTime() < IDLE_TIMEOUT_MS);
}

export function listOwnSessions(db: Db, user: SessionUser, now: Date): OwnSession[] {
  return liveSessionsOf(db, user.id, now).map((s) => ({
    handle: sessionHandle(s.id),
    browser: summariseUserAgent(s.userAgent),
    signedInAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    current: s.id === user.sessionId,
  }));
}

/** Ends one of the caller's own sessions; a handle that is not one of theirs ends nothing. */
export function endOwnSession(db: Db, user: SessionUser, handle: string, now: Date): void {
  const target = liveSessionsOf(db, user.id, now).find((s) => sessionHandle(s.id) === handle);
  if (!target) throw new AppError("NOT_FOUND", "That session has already ended.");
  endSession(db, target.id, now, "ended_by_user");
}

/** The admin ends every session of a user (a lost laptop, a suspected break-in); audited with the count. */
export function endAllSessionsOf(db: Db, admin: SessionUser, userId: string, now: Date): { ended: number } {
  return db.transaction((tx) => {
    const user = tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
    if (!user) throw new AppError("NOT_FOUND", "There is no such user.");
    const ended = tx
      .update(sessions)
      .set({ endedAt: now, endReason: "ended_by_admin" })
      .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
      .returning({ id: sessions.id })
      .all().length;
    writeAudit(tx, { at: now, actorUserId: admin.id, action: "user.sessions_ended", targetType: "user", targetId: userId, details: { ended } });
    return { ended };
  });
}
