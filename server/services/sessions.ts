import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { agencies, sessions, users } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, SESSION_TOUCH_INTERVAL_MS } from "~/server/auth/rules";
import type { AgencyType } from "~/server/domain/agency-types";
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
};

export function startSession(db: Db, userId: string, now: Date): string {
  const id = crypto.randomUUID();
  db.insert(sessions).values({ id, userId, createdAt: now, lastSeenAt: now }).run();
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

/**
 * Returns the user behind a live session, or null. A session dies when signed out, after 30
 * minutes without a request, 12 hours after sign-in, or as soon as its user or agency is
 * deactivated: the check runs on every request, not when the cookie expires.
 */
export function resolveSession(db: Db, sessionId: string, now: Date): SessionUser | null {
  const row = db
    .select({ session: sessions, user: users, agency: agencies })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .innerJoin(agencies, eq(users.agencyId, agencies.id))
    .where(eq(sessions.id, sessionId))
    .get();
  if (!row || row.session.endedAt) return null;

  const t = now.getTime();
  let ended: EndReason | null = null;
  if (t - row.session.createdAt.getTime() >= ABSOLUTE_TIMEOUT_MS) ended = "expired";
  else if (t - row.session.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) ended = "idle";
  else if (!row.user.active || !row.agency.active) ended = "deactivated";
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
    mustChangePassword: row.user.mustChangePassword,
  };
}
