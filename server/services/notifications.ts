import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { preparedQuery } from "~/db/prepared";
import { agencies, agendaItems, caseResearch, cases, meetingActions, meetingInvitations, meetings, notifications, users } from "~/db/schema";
import { canOpenCase, takesPartInMarac, type AccessUser } from "~/server/cases/access";
import { isOverdue } from "~/server/domain/meeting/actions";
import { addDays } from "~/server/domain/referral/dates";
import { deadlineOf } from "~/server/domain/meeting/research-deadline";
import { DUE_SOON_DAYS, isDueSoon, notificationText, type NotificationKind } from "~/server/domain/notifications";
import { AppError } from "~/server/errors";
import { ukDate } from "./referral-submit";
import type { SessionUser } from "./sessions";

type Tx = Pick<Db, "select" | "insert">;
const bound = sql.placeholder;
type Recipient = AccessUser & { id: string };
type About = {
  kind: NotificationKind;
  /** The case it is about: its number is shown, and its link kept, only to a recipient who may open it. */
  case?: { id: string; caseNumber: string; referringAgencyId: string | null; acceptedAt: Date | null };
  meetingDate?: string;
  dueDate?: string;
  link: string;
  /** What it is about, e.g. "action_assigned:42": the same key for the same user adds nothing. */
  key: string;
};

/**
 * Adds a notification for each recipient inside the caller's transaction, so it exists exactly
 * when the event does. `email` marks it to be emailed once the transaction has committed
 * (notification-email.ts); notifications raised while the user is in the app are not emailed.
 */
export function notify(tx: Tx, recipients: readonly Recipient[], about: About, now: Date, email = true): void {
  for (const r of recipients) {
    const mayOpen = about.case !== undefined && canOpenCase(r, about.case);
    const row: Required<NewNotification> = {
      userId: r.id,
      kind: about.kind,
      caseId: about.case?.id ?? null,
      caseNumber: mayOpen ? (about.case?.caseNumber ?? null) : null,
      meetingDate: about.meetingDate ?? null,
      dueDate: about.dueDate ?? null,
      link: about.case && !mayOpen ? "/notifications" : about.link,
      dedupeKey: about.key,
      emailState: email ? "pending" : "none",
      createdAt: now,
    };
    insertNotification(tx).run(row);
  }
}

type NewNotification = Omit<typeof notifications.$inferInsert, "id" | "readAt">;
// Raised again on every visit (and kept once by its key): built once per connection. Every column
// is bound (`satisfies` keeps the list whole), each through its column's encoding.
const insertNotification = preparedQuery((db) =>
  db
    .insert(notifications)
    .values({
      userId: bound("userId"),
      kind: bound("kind"),
      caseId: bound("caseId"),
      caseNumber: bound("caseNumber"),
      meetingDate: bound("meetingDate"),
      dueDate: bound("dueDate"),
      link: bound("link"),
      dedupeKey: bound("dedupeKey"),
      emailState: bound("emailState"),
      createdAt: bound("createdAt"),
    } satisfies Record<keyof NewNotification, unknown>)
    .onConflictDoNothing()
    .prepare(),
);

const recipientColumns = { id: users.id, role: users.role, agencyId: users.agencyId, agencyIsMember: agencies.isMaracMember };

/**
 * The people who act for an agency: its active agency representatives and IDVAs. A non-member
 * agency's are returned only when `memberOnly` is false (its own referral's status).
 */
export function representativesOf(tx: Tx, agencyIds: readonly string[], opts: { memberOnly: boolean; except?: string }): Recipient[] {
  if (agencyIds.length === 0) return [];
  return tx
    .select(recipientColumns)
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(inArray(users.agencyId, [...agencyIds]), eq(users.active, true), eq(agencies.active, true), inArray(users.role, ["agency_rep", "idva"])))
    .all()
    .filter((u) => u.id !== opts.except && (!opts.memberOnly || takesPartInMarac(u)));
}

/** Active chairs: they approve privileged changes. */
export function activeChairs(tx: Tx, except?: string): Recipient[] {
  return tx.select(recipientColumns).from(users).innerJoin(agencies, eq(agencies.id, users.agencyId)).where(and(eq(users.role, "chair"), eq(users.active, true))).all().filter((u) => u.id !== except);
}

export function userAsRecipient(tx: Tx, userId: string): Recipient[] {
  return tx.select(recipientColumns).from(users).innerJoin(agencies, eq(agencies.id, users.agencyId)).where(and(eq(users.id, userId), eq(users.active, true))).all();
}

const caseFactsRow = preparedQuery((db) => db.select({ id: cases.id, caseNumber: cases.caseNumber, referringAgencyId: cases.referringAgencyId, acceptedAt: cases.acceptedAt }).from(cases).where(eq(cases.id, sql.placeholder("caseId"))).prepare());

export function caseFacts(tx: Tx, caseId: string) {
  const c = caseFactsRow(tx).get({ caseId });
  if (!c) throw new AppError("NOT_FOUND", "There is no case with that reference.");
  return c;
}

/** The published agenda: each invited member agency's representatives, with a link to their pack. */
export function notifyAgendaPublished(tx: Tx, meeting: { id: string; date: string }, now: Date): void {
  const invited = tx.select({ agencyId: meetingInvitations.agencyId }).from(meetingInvitations).where(eq(meetingInvitations.meetingId, meeting.id)).all().map((r) => r.agencyId);
  notify(tx, representativesOf(tx, invited, { memberOnly: true }), { kind: "agenda_published", meetingDate: meeting.date, link: `/meetings/${meeting.id}/pack`, key: `agenda_published:${meeting.id}` }, now);
}

/** A new action: the owning agency's representatives (the owner is always a member agency). */
export function notifyActionAssigned(tx: Tx, action: { id: number; caseId: string; owningAgencyId: string }, now: Date): void {
  notify(tx, representativesOf(tx, [action.owningAgencyId], { memberOnly: true }), { kind: "action_assigned", case: caseFacts(tx, action.caseId), link: "/actions", key: `action_assigned:${action.id}` }, now);
}

/**
 * A triage decision: the referring agency's representatives, a non-member agency's included, since
 * whether its referral was accepted is the one thing it is told (decision 032).
 */
export function notifyReferralDecision(tx: Tx, caseId: string, accepted: boolean, actorId: string, now: Date): void {
  const c = caseFacts(tx, caseId);
  if (!c.referringAgencyId) return;
  const kind = accepted ? "referral_accepted" : "referral_declined";
  notify(tx, representativesOf(tx, [c.referringAgencyId], { memberOnly: false, except: actorId }), { kind, case: c, link: `/cases/${c.id}`, key: `${kind}:${c.id}` }, now);
}

/** A proposal waiting for a chair. */
export function notifyApprovalRequest(tx: Tx, changeId: string, proposerId: string, now: Date): void {
  notify(tx, activeChairs(tx, proposerId), { kind: "approval_request", link: "/approvals", key: `approval_request:${changeId}` }, now);
}

/** A password reset was approved: the user is told, in the app and by email, in case it was not them. */
export function notifyPasswordReset(tx: Tx, userId: string, changeId: string, now: Date): void {
  notify(tx, userAsRecipient(tx, userId), { kind: "password_reset", link: "/account", key: `password_reset:${changeId}` }, now);
}

// Asked on every page an agency rep or IDVA opens: built once per connection.
const due = {
  openActions: preparedQuery((db) =>
    db
      .select({ id: meetingActions.id, caseId: meetingActions.caseId, dueDate: meetingActions.dueDate, status: meetingActions.status })
      .from(meetingActions)
      .where(and(eq(meetingActions.owningAgencyId, bound("agencyId")), eq(meetingActions.status, "open"), sql`${meetingActions.dueDate} <= ${bound("dueBy")}`))
      .prepare(),
  ),
  upcomingMeetings: preparedQuery((db) =>
    db
      .select({ id: meetings.id, date: meetings.date, researchDeadline: meetings.researchDeadline })
      .from(meetings)
      .innerJoin(meetingInvitations, and(eq(meetingInvitations.meetingId, meetings.id), eq(meetingInvitations.agencyId, bound("agencyId"))))
      .where(and(sql`${meetings.publishedAt} IS NOT NULL`, sql`${meetings.date} >= ${bound("today")}`))
      .prepare(),
  ),
  casesWithoutResearch: preparedQuery((db) =>
    db
      .select({ n: count() })
      .from(agendaItems)
      .leftJoin(caseResearch, and(eq(caseResearch.meetingId, agendaItems.meetingId), eq(caseResearch.caseId, agendaItems.caseId), eq(caseResearch.agencyId, bound("agencyId"))))
      .where(and(eq(agendaItems.meetingId, bound("meetingId")), isNull(caseResearch.caseId)))
      .prepare(),
  ),
};

/**
 * What falls due is raised when the user opens the app (decision 057): their agency's open actions
 * due within a few days or overdue, and research due for a published meeting its agency is invited
 * to while some case on the agenda has none from it. Idempotent: each is raised once per user.
 */
export function raiseDueNotifications(db: Db, user: SessionUser, now: Date): void {
  if (!takesPartInMarac(user) || (user.role !== "agency_rep" && user.role !== "idva")) return;
  const today = ukDate(now);
  const me: Recipient = { id: user.id, role: user.role, agencyId: user.agencyId, agencyIsMember: user.agencyIsMember };
  db.transaction((tx) => {
    const open = due.openActions(tx).all({ agencyId: user.agencyId, dueBy: addDays(today, DUE_SOON_DAYS) });
    for (const a of open) {
      const base = { case: caseFacts(tx, a.caseId), link: "/actions", dueDate: a.dueDate };
      if (isOverdue(a, today)) notify(tx, [me], { ...base, kind: "action_overdue", key: `action_overdue:${a.id}` }, now, false);
      else if (isDueSoon(a.dueDate, today)) notify(tx, [me], { ...base, kind: "action_due", key: `action_due:${a.id}` }, now, false);
    }
    const upcoming = due.upcomingMeetings(tx).all({ agencyId: user.agencyId, today });
    for (const m of upcoming) {
      const deadline = deadlineOf(m);
      if (today < addDays(deadline, -DUE_SOON_DAYS)) continue;
      const missing = due.casesWithoutResearch(tx).get({ agencyId: user.agencyId, meetingId: m.id });
      if ((missing?.n ?? 0) > 0) notify(tx, [me], { kind: "research_due", meetingDate: m.date, dueDate: deadline, link: `/meetings/${m.id}/pack`, key: `research_due:${m.id}` }, now, false);
    }
  });
}

/** The signed-in user's notifications, newest first, as sentences. */
export function listNotifications(db: Db, user: SessionUser) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, user.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(200)
    .all()
    .map((n) => ({ id: n.id, text: notificationText(n), link: n.link, createdAt: n.createdAt, read: n.readAt !== null }));
}

const unreadOf = preparedQuery((db) => db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, sql.placeholder("userId")), isNull(notifications.readAt))).prepare());

export function unreadCount(db: Db, user: SessionUser): number {
  return unreadOf(db).get({ userId: user.id })?.n ?? 0;
}

/** Marks one of the user's own notifications (or all of them) read; someone else's is not found. */
export function markRead(db: Db, user: SessionUser, id: number | "all", now: Date): void {
  const own = eq(notifications.userId, user.id);
  const res = db.update(notifications).set({ readAt: now }).where(and(own, isNull(notifications.readAt), id === "all" ? undefined : eq(notifications.id, id))).run();
  if (id !== "all" && res.changes === 0 && !db.select({ id: notifications.id }).from(notifications).where(and(own, eq(notifications.id, id))).get()) {
    throw new AppError("NOT_FOUND", "There is no such notification.");
  }
}
