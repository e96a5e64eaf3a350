import { and, eq, gte, like, lte, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { agencies, agendaItems, caseResearch, cases, meetingActions, meetingInvitations, meetings } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { actionsCompleted, daysToMeeting, overdueOverTime, referralsPerMonth, researchOnTime, type Dashboard } from "~/server/domain/reports/dashboards";
import type { SessionUser } from "./sessions";

export type Dashboards = {
  year: number;
  /** Whose referrals: the whole area, or the reader's own agency. */
  scope: "area" | "own_agency";
  referrals: Dashboard;
  daysToMeeting: (Dashboard & { median: number | null }) | null;
  research: Dashboard | null;
  actions: Dashboard | null;
  overdue: Dashboard | null;
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The dashboards for a calendar year, suppressed. Chairs, coordinators and the admin see the
 * area; an IDVA or agency representative sees only their own agency's referrals. Logged.
 */
export function dashboards(db: Db, user: SessionUser, year: number, now: Date): Dashboards {
  const today = isoDay(now);
  const area = user.role === "chair" || user.role === "coordinator" || user.role === "admin";
  const referralRows = db
    .select({ agencyName: cases.referringAgencyName, referralDate: cases.referralDate })
    .from(cases)
    // A range rather than LIKE, so SQLite answers from cases_referrals_idx instead of reading every case (decision 075).
    .where(and(gte(cases.referralDate, `${year}-01-01`), lte(cases.referralDate, `${year}-12-31`), area ? undefined : eq(cases.referringAgencyId, user.agencyId)))
    .all();
  writeAudit(db, { at: now, actorUserId: user.id, action: "report.viewed", targetType: "report", targetId: "dashboards", details: { year, scope: area ? "area" : "own_agency" } });
  if (!area) return { year, scope: "own_agency", referrals: referralsPerMonth(referralRows, year), daysToMeeting: null, research: null, actions: null, overdue: null };

  const held = and(like(meetings.date, `${year}-%`), lte(meetings.date, today));
  const hearings = db
    .select({ referralDate: cases.referralDate, meetingDate: meetings.date })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(cases, eq(cases.id, agendaItems.caseId))
    .where(held)
    .all();
  const expected = db
    // The UTC day of the last save, as isoDay would give, worked out in SQL: one row per case, meeting and invited agency.
    .select({ agencyName: agencies.name, meetingDate: meetings.date, savedOn: sql<string | null>`date(${caseResearch.updatedAt} / 1000, 'unixepoch')` })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(meetingInvitations, eq(meetingInvitations.meetingId, meetings.id))
    .innerJoin(agencies, eq(agencies.id, meetingInvitations.agencyId))
    .leftJoin(caseResearch, and(eq(caseResearch.meetingId, meetings.id), eq(caseResearch.caseId, agendaItems.caseId), eq(caseResearch.agencyId, agencies.id)))
    .where(held)
    .all();
  const actions = db
    .select({ agencyName: agencies.name, dueDate: meetingActions.dueDate, status: meetingActions.status, createdAt: meetingActions.createdAt, updatedAt: meetingActions.updatedAt })
    .from(meetingActions)
    .innerJoin(agencies, eq(agencies.id, meetingActions.owningAgencyId))
    .all();
  return {
    year,
    scope: "area",
    referrals: referralsPerMonth(referralRows, year),
    daysToMeeting: daysToMeeting(hearings, year),
    research: researchOnTime(expected, year),
    actions: actionsCompleted(actions, year),
    overdue: overdueOverTime(actions, year, today),
  };
}
