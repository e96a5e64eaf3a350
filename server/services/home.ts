import { and, asc, count, desc, eq, gte, isNull, ne } from "drizzle-orm";
import type { Db } from "~/db/client";
import { agendaItems, caseResearch, caseRiskFlags, cases, caseVictims, meetingInvitations, meetings } from "~/db/schema";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { listAgencyActions, listOverdueActions } from "./actions";
import { casesDueForReview, getMeeting } from "./meetings";
import { ukDate } from "./referral-submit";
import { reviewQueueCount } from "./review";
import { listVictimTasks } from "./overrides";
import { listRiskFlags } from "./risk-flags";
import type { SessionUser } from "./sessions";

/** How far back the IDVA's home page looks for new risk-factor flags. */
const RECENT_FLAG_DAYS = 14;
const DAY = 24 * 60 * 60 * 1000;

/** The soonest meeting from today (UK date) that the filter allows, or null. */
function nextMeetingId(db: Db, today: string, only?: { publishedFor: string }): string | null {
  const rows = db.select({ id: meetings.id, publishedAt: meetings.publishedAt }).from(meetings).where(gte(meetings.date, today)).orderBy(asc(meetings.date), asc(meetings.time)).all();
  if (!only) return rows[0]?.id ?? null;
  const invited = new Set(db.select({ meetingId: meetingInvitations.meetingId }).from(meetingInvitations).where(eq(meetingInvitations.agencyId, only.publishedFor)).all().map((r) => r.meetingId));
  return rows.find((m) => m.publishedAt !== null && invited.has(m.id))?.id ?? null;
}

/**
 * The chair's and coordinator's home: the next meeting with its cases and how much research each
 * invited agency has returned, the triage and review counts, overdue actions and cases due for review.
 */
export function organiserHome(db: Db, cipher: FieldCipher, user: SessionUser, now: Date) {
  const today = ukDate(now);
  const nextId = nextMeetingId(db, today);
  const next = nextId ? getMeeting(db, cipher, user, nextId, now) : null;
  const returned = nextId
    ? db.select({ agencyId: caseResearch.agencyId, n: count() }).from(caseResearch)
        .innerJoin(agendaItems, and(eq(agendaItems.meetingId, caseResearch.meetingId), eq(agendaItems.caseId, caseResearch.caseId)))
        .where(eq(caseResearch.meetingId, nextId)).groupBy(caseResearch.agencyId).all()
    : [];
  return {
    nextMeeting: next && {
      id: next.id,
      date: next.date,
      time: next.time,
      published: next.publishedAt !== null,
      cases: next.lines.map((l) => ({ caseId: l.caseId, caseNumber: l.caseNumber, victimName: l.victimName, isRepeat: l.isRepeat })),
      research: next.invited.map((a) => ({ agencyName: a.name, returned: returned.find((r) => r.agencyId === a.id)?.n ?? 0, of: next.lines.length })),
    },
    triageCount: db.select({ n: count() }).from(cases).where(eq(cases.status, "referred")).get()?.n ?? 0,
    reviewCount: reviewQueueCount(db, cipher, now),
    overdueActions: listOverdueActions(db, cipher, user, now).map((a) => ({ id: a.id, caseId: a.caseId, caseNumber: a.caseNumber, owningAgencyName: a.owningAgencyName, dueDate: a.dueDate })),
    dueForReview: casesDueForReview(db, today),
  };
}

/**
 * An agency's home (representatives and the IDVA service): its next published pack, the cases on it
 * it has not yet researched, and its own actions still open (overdue first).
 */
export function agencyHome(db: Db, cipher: FieldCipher, user: SessionUser, now: Date) {
  const today = ukDate(now);
  const nextId = nextMeetingId(db, today, { publishedFor: user.agencyId });
  const next = nextId ? getMeeting(db, cipher, user, nextId, now) : null;
  const researched = new Set(
    nextId ? db.select({ caseId: caseResearch.caseId }).from(caseResearch).where(and(eq(caseResearch.meetingId, nextId), eq(caseResearch.agencyId, user.agencyId))).all().map((r) => r.caseId) : [],
  );
  const open = listAgencyActions(db, cipher, user, now).filter((a) => a.status === "open");
  return {
    nextPack: next && {
      meetingId: next.id,
      date: next.date,
      time: next.time,
      caseCount: next.lines.length,
      researchDue: next.lines.filter((l) => !researched.has(l.caseId)).map((l) => ({ caseId: l.caseId, caseNumber: l.caseNumber, victimName: l.victimName })),
    },
    actions: [...open.filter((a) => a.overdue), ...open.filter((a) => !a.overdue)].map((a) => ({ id: a.id, caseId: a.caseId, caseNumber: a.caseNumber, description: a.description, dueDate: a.dueDate, overdue: a.overdue })),
  };
}

/**
 * The IDVA's home: the open cases their service referred, risk-factor flags added in the last two
 * weeks (each read through the IDVA's own view of the case), and the "tell the victim" tasks still
 * to do, overdue first.
 */
export function idvaHome(db: Db, cipher: FieldCipher, user: SessionUser, now: Date) {
  const ownCases = db
    .select({ caseId: cases.id, caseNumber: cases.caseNumber, status: cases.status, referralDate: cases.referralDate, victimName: caseVictims.name })
    .from(cases)
    .innerJoin(caseVictims, eq(caseVictims.caseId, cases.id))
    .where(and(eq(cases.referringAgencyId, user.agencyId), ne(cases.status, "closed"), ne(cases.status, "declined")))
    .orderBy(desc(cases.referralDate))
    .all();
  const since = new Date(now.getTime() - RECENT_FLAG_DAYS * DAY);
  const flagged = db
    .select({ caseId: caseRiskFlags.caseId, caseNumber: cases.caseNumber })
    .from(caseRiskFlags)
    .innerJoin(cases, eq(cases.id, caseRiskFlags.caseId))
    .where(and(gte(caseRiskFlags.flaggedAt, since), isNull(caseRiskFlags.withdrawnAt)))
    .groupBy(caseRiskFlags.caseId)
    .all();
  const recentFlags = flagged
    .flatMap((c) => listRiskFlags(db, cipher, user, c.caseId, now)
      .filter((f) => f.withdrawn === null && f.flaggedAt >= since)
      .map((f) => ({ id: f.id, caseId: c.caseId, caseNumber: c.caseNumber, label: f.label, flaggedBy: f.flaggedBy, flaggedAt: f.flaggedAt })))
    .sort((a, b) => b.flaggedAt.getTime() - a.flaggedAt.getTime());
  const tasks = listVictimTasks(db, cipher, user, now)
    .filter((t) => t.status === "open")
    .map((t) => ({ overrideId: t.overrideId, caseId: t.caseId, caseNumber: t.caseNumber, agencyName: t.override.agencyName, dueDate: t.dueDate, overdue: t.overdue }));
  return { cases: ownCases, recentFlags, victimTasks: [...tasks.filter((t) => t.overdue), ...tasks.filter((t) => !t.overdue)] };
}
