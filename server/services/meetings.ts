import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { preparedQuery } from "~/db/prepared";
import { agencies, agendaChanges, agendaItems, casePerpetrators, caseRiskFlags, cases, caseVictims, meetingInvitations, meetings, users } from "~/db/schema";
import { maySeeTag, type AccessUser } from "~/server/cases/access";
import type { Viewer } from "~/server/domain/policy/access";
import { readSharingRules } from "~/server/cases/sharing-rules";
import { visibleItems } from "~/server/domain/projection/items";
import { riskFactorById } from "~/server/domain/referral/risk-factors";
import { writeAudit } from "~/server/audit/log";
import { readCaseSharing } from "~/server/cases/case-store";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { canBeMaracMember } from "~/server/domain/agency-types";
import { moveBlockedBy, moveOnAgenda, orderAgenda } from "~/server/domain/meeting/agenda";
import { deadlineOf } from "~/server/domain/meeting/research-deadline";
import { addCalendarMonths } from "~/server/domain/referral/dates";
import { formatDate } from "~/server/domain/dates";
import { AppError, staleVersion } from "~/server/errors";
import type { TAgendaFilters, TMeetingFields } from "~/server/schemas/meetings";
import { notifyAgendaPublished } from "./notifications";
import { openFactorId } from "./risk-flags";
import { ukDate } from "./referral-submit";
import { getSettings } from "./settings";
import { repeatFactsFor, withRepeatFacts } from "./repeat-view";
import type { SessionUser } from "./sessions";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
const NOT_FOUND = "There is no meeting with that reference that you can see.";
const isHolder = (u: SessionUser) => u.role === "chair" || u.role === "coordinator";
const viewerOf = (u: SessionUser): Viewer => ({ userId: u.id, role: u.role, agencyId: u.agencyId, agencyType: u.agencyType });

/**
 * Only active MARAC member agencies can be invited. Immigration Enforcement never: it does not
 * attend MARAC (SafeLives), and the refusal says so.
 */
function assertInvitable(db: Pick<Db, "select">, agencyIds: readonly string[]): void {
  if (agencyIds.length === 0) return;
  const rows = db.select().from(agencies).where(inArray(agencies.id, [...agencyIds])).all();
  for (const id of agencyIds) {
    const a = rows.find((r) => r.id === id);
    if (!a) throw new AppError("BAD_REQUEST", "Choose agencies from the list.", { invitedAgencyIds: ["Choose agencies from the list"] });
    if (!canBeMaracMember(a.type) || !a.isMaracMember) {
      throw new AppError(
        "BAD_REQUEST",
        `${a.name} cannot be invited. Under this MARAC's information-sharing rules Immigration Enforcement does not attend MARAC and receives no MARAC information (SafeLives guidance).`,
        { invitedAgencyIds: [`${a.name} cannot be invited to a MARAC meeting`] },
      );
    }
    if (!a.active) throw new AppError("BAD_REQUEST", `${a.name} is not active.`, { invitedAgencyIds: [`${a.name} is not active`] });
  }
}

function assertChair(db: Pick<Db, "select">, userId: string): void {
  const u = db.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, userId)).get();
  if (!u || !u.active || (u.role !== "chair" && u.role !== "coordinator")) {
    throw new AppError("BAD_REQUEST", "Choose the meeting's chair from the list.", { chairUserId: ["Choose the meeting's chair from the list"] });
  }
}

function setInvitations(tx: Tx, meetingId: string, agencyIds: readonly string[]): void {
  tx.delete(meetingInvitations).where(eq(meetingInvitations.meetingId, meetingId)).run();
  for (const agencyId of new Set(agencyIds)) tx.insert(meetingInvitations).values({ meetingId, agencyId }).run();
}

/** A deadline the chair sets must fall before the meeting (research is read before it). */
function assertDeadline(input: TMeetingFields): void {
  if (input.researchDeadline && input.researchDeadline >= input.date) {
    throw new AppError("BAD_REQUEST", "The research deadline must be before the meeting date.", { researchDeadline: ["The research deadline must be before the meeting date"] });
  }
}


export function createMeeting(db: Db, user: SessionUser, input: TMeetingFields, now: Date): { id: string } {
  assertDeadline(input);
  assertInvitable(db, input.invitedAgencyIds);
  assertChair(db, input.chairUserId);
  return db.transaction((tx) => {
    const id = crypto.randomUUID();
    const { invitedAgencyIds, ...fields } = input;
    tx.insert(meetings).values({ id, ...fields, createdAt: now, updatedAt: now }).run();
    setInvitations(tx, id, invitedAgencyIds);
    writeAudit(tx, { at: now, actorUserId: user.id, action: "meeting.created", targetType: "meeting", targetId: id, details: { date: input.date, invited: invitedAgencyIds.length } });
    return { id };
  });
}

export function updateMeeting(db: Db, user: SessionUser, id: string, version: number, input: TMeetingFields, now: Date): void {
  assertDeadline(input);
  assertInvitable(db, input.invitedAgencyIds);
  assertChair(db, input.chairUserId);
  db.transaction((tx) => {
    const m = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!m) throw new AppError("NOT_FOUND", NOT_FOUND);
    if (m.version !== version) throw staleVersion("meeting");
    const { invitedAgencyIds, ...fields } = input;
    tx.update(meetings).set({ ...fields, version: version + 1, updatedAt: now }).where(eq(meetings.id, id)).run();
    setInvitations(tx, id, invitedAgencyIds);
    if (m.publishedAt) tx.insert(agendaChanges).values({ meetingId: id, at: now, description: "Meeting details or invitations changed" }).run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "meeting.updated", targetType: "meeting", targetId: id });
  });
}

/**
 * Meetings this user may see: all for chairs and coordinators; published ones their agency is
 * invited to otherwise. Upcoming ones (from today, UK time) soonest first, then past ones latest first.
 */
export function listMeetings(db: Db, user: SessionUser, now: Date) {
  const today = ukDate(now);
  const rows = db.select().from(meetings).orderBy(asc(meetings.date), asc(meetings.time)).all();
  const invited = new Set(db.select({ meetingId: meetingInvitations.meetingId }).from(meetingInvitations).where(eq(meetingInvitations.agencyId, user.agencyId)).all().map((r) => r.meetingId));
  const visible = rows
    .filter((m) => isHolder(user) || (m.publishedAt !== null && invited.has(m.id)))
    .map((m) => ({ id: m.id, date: m.date, time: m.time, venue: m.venue, online: m.online, published: m.publishedAt !== null, upcoming: m.date >= today }));
  return [...visible.filter((m) => m.upcoming), ...visible.filter((m) => !m.upcoming).reverse()];
}

/** The meeting row if this user may know of it; NOT_FOUND otherwise (also the cheap check before a long task). */
export function visibleMeeting(db: Pick<Db, "select">, user: SessionUser, id: string) {
  const m = db.select().from(meetings).where(eq(meetings.id, id)).get();
  if (!m) throw new AppError("NOT_FOUND", NOT_FOUND);
  if (isHolder(user)) return m;
  const invited = db.select().from(meetingInvitations).where(and(eq(meetingInvitations.meetingId, id), eq(meetingInvitations.agencyId, user.agencyId))).get();
  if (!invited || !m.publishedAt) throw new AppError("NOT_FOUND", NOT_FOUND);
  return m;
}

/**
 * A meeting with its agenda lines: only the untagged facts agencies need to search their own
 * records (case number, names, dates of birth, score, criteria, referring agency), the repeat
 * criterion as far as the viewer may see the links behind it, and whether there are children in
 * the household (yes or no, never who) only for agencies allowed the children tag: for others it is
 * null, and the order (children's cases first) is the same with nothing saying why.
 * `viewer` is whose view the lines are in: the user, or a pack's recipient agency.
 */
export function getMeeting(db: Db, cipher: FieldCipher, user: SessionUser, id: string, now: Date = new Date(), viewer: Viewer & AccessUser = { ...viewerOf(user), agencyIsMember: user.agencyIsMember }) {
  const m = visibleMeeting(db, user, id);
  const chair = db.select({ name: users.name }).from(users).where(eq(users.id, m.chairUserId)).get();
  const invited = db.select({ id: agencies.id, name: agencies.name }).from(meetingInvitations).innerJoin(agencies, eq(agencies.id, meetingInvitations.agencyId)).where(eq(meetingInvitations.meetingId, id)).orderBy(asc(agencies.name)).all();
  const items = db
    .select({
      caseId: cases.id,
      position: agendaItems.position,
      hasChildren: cases.hasChildren,
      caseNumber: cases.caseNumber,
      victimName: caseVictims.name,
      victimDateOfBirth: caseVictims.dateOfBirth,
      isRepeat: cases.isRepeat,
      dashScore: cases.dashScore,
      referringAgencyName: cases.referringAgencyName,
      data: cases.data,
      perpetrators: sql<string | null>`(SELECT json_group_array(json_array(${casePerpetrators.name}, ${casePerpetrators.dateOfBirth})) FROM ${casePerpetrators} WHERE ${casePerpetrators.caseId} = ${cases.id})`,
    })
    .from(agendaItems)
    .innerJoin(cases, eq(cases.id, agendaItems.caseId))
    .innerJoin(caseVictims, eq(caseVictims.caseId, cases.id))
    .where(eq(agendaItems.meetingId, id))
    .all();
  const rules = readSharingRules(db, cipher, now);
  const lines = orderAgenda(items).map(({ data, perpetrators, position: _p, hasChildren, isRepeat, ...r }) => {
    const facts = repeatFactsFor(db, viewer, r.caseId);
    const theCase = readCaseSharing(db, cipher, r.caseId);
    const c = withRepeatFacts((data.criteria ?? {}) as Record<string, unknown>, facts);
    // Current risk-factor flags, each shown only if this viewer may see its tags (issue 5).
    const flags = db
      .select({ id: caseRiskFlags.id, factorId: caseRiskFlags.factorId })
      .from(caseRiskFlags)
      .where(and(eq(caseRiskFlags.caseId, r.caseId), isNull(caseRiskFlags.withdrawnAt)))
      .all()
      .map((f) => riskFactorById(openFactorId(cipher, f)))
      .filter((f): f is NonNullable<typeof f> => f !== undefined);
    return {
      ...r,
      isRepeat: facts ? facts.repeat : isRepeat,
      hasChildren: maySeeTag(viewer, "children", theCase, rules, now) ? hasChildren : null,
      flags: visibleItems(flags, viewer, rules.policy, rules.grants, theCase, now).map((f) => f.label),
      perpetrators: perpetratorLine(perpetrators),
      criteria: (["visibleHighRisk", "potentialEscalation", "professionalJudgement", "repeat"] as const).filter((k) => c[k] === true),
    };
  });
  const changes = m.publishedAt ? db.select({ at: agendaChanges.at, description: agendaChanges.description }).from(agendaChanges).where(eq(agendaChanges.meetingId, id)).orderBy(asc(agendaChanges.at), asc(agendaChanges.id)).all() : [];
  return {
    id: m.id,
    date: m.date,
    time: m.time,
    venue: m.venue,
    online: m.online,
    chairUserId: m.chairUserId,
    chairName: chair?.name ?? "",
    version: m.version,
    publishedAt: m.publishedAt,
    researchDeadline: deadlineOf(m),
    researchDeadlineSet: m.researchDeadline !== null,
    invited,
    lines,
    changes,
    reviewDue: isHolder(user) ? casesDueForReview(db, m.date) : [],
  };
}

/** "Name (born 5 March 1990); Name": the perpetrators as an agenda line reads them, dates in UK form. */
function perpetratorLine(json: string | null): string {
  const rows = json ? (JSON.parse(json) as [string, string | null][]) : [];
  return rows.map(([name, born]) => (born ? `${name} (born ${formatDate(born)})` : name)).join("; ");
}

/** Accepted cases whose repeat window (12 months by default) has passed by the given date (a meeting's, or today): to review or close. */
export function casesDueForReview(db: Db, meetingDate: string) {
  const { repeatWindowMonths } = getSettings(db);
  return db
    .select({ caseId: cases.id, caseNumber: cases.caseNumber, referralDate: cases.referralDate, victimName: caseVictims.name })
    .from(cases)
    .innerJoin(caseVictims, eq(caseVictims.caseId, cases.id))
    .where(eq(cases.status, "accepted"))
    .all()
    .filter((c) => addCalendarMonths(c.referralDate, repeatWindowMonths) < meetingDate);
}

function logChangeIfPublished(tx: Tx, meetingId: string, now: Date, description: string): void {
  const m = tx.select({ publishedAt: meetings.publishedAt }).from(meetings).where(eq(meetings.id, meetingId)).get();
  if (m?.publishedAt) tx.insert(agendaChanges).values({ meetingId, at: now, description }).run();
}

export function addToAgenda(db: Db, user: SessionUser, meetingId: string, caseId: string, now: Date): void {
  db.transaction((tx) => addToAgendaIn(tx, user, meetingId, caseId, now));
}

/** Adds several accepted cases at once: all of them, or none if one cannot go on. */
export function addCasesToAgenda(db: Db, user: SessionUser, meetingId: string, caseIds: readonly string[], now: Date): { added: number } {
  return db.transaction((tx) => {
    for (const caseId of new Set(caseIds)) addToAgendaIn(tx, user, meetingId, caseId, now);
    return { added: new Set(caseIds).size };
  });
}

/**
 * Accepted cases the organiser may add to this meeting's agenda, by the filters of the add-cases
 * form. `heard`: "unscheduled" (the default) leaves out cases on any meeting's agenda;
 * "not_heard" leaves out cases on the agenda of a meeting already held (before today); "any" all.
 */
export function agendaCandidates(db: Db, meetingId: string, filters: TAgendaFilters, now: Date) {
  if (!db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).get()) throw new AppError("NOT_FOUND", NOT_FOUND);
  const today = ukDate(now);
  const scheduled = db.select({ caseId: agendaItems.caseId, meetingId: agendaItems.meetingId, date: meetings.date }).from(agendaItems).innerJoin(meetings, eq(meetings.id, agendaItems.meetingId)).all();
  const onThis = new Set(scheduled.filter((s) => s.meetingId === meetingId).map((s) => s.caseId));
  const excluded = new Set(
    scheduled.filter((s) => (filters.heard === "unscheduled" ? true : filters.heard === "not_heard" ? s.date < today : false)).map((s) => s.caseId),
  );
  return db
    .select({ id: cases.id, caseNumber: cases.caseNumber, victimName: caseVictims.name, referralDate: cases.referralDate, isRepeat: cases.isRepeat, hasChildren: cases.hasChildren })
    .from(cases)
    .innerJoin(caseVictims, eq(caseVictims.caseId, cases.id))
    .where(eq(cases.status, "accepted"))
    .orderBy(asc(cases.referralDate), asc(cases.caseNumber))
    .all()
    .filter((c) => !onThis.has(c.id) && !excluded.has(c.id))
    .filter((c) => (!filters.referredFrom || c.referralDate >= filters.referredFrom) && (!filters.referredTo || c.referralDate <= filters.referredTo))
    .filter((c) => (!filters.repeatOnly || c.isRepeat) && (!filters.childrenOnly || c.hasChildren));
}

/** Adds an accepted case to a meeting's agenda inside the caller's transaction (triage uses it too). */
export function addToAgendaIn(tx: Tx, user: SessionUser, meetingId: string, caseId: string, now: Date): void {
  {
    if (!tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).get()) throw new AppError("NOT_FOUND", NOT_FOUND);
    const c = tx.select({ status: cases.status, caseNumber: cases.caseNumber }).from(cases).where(eq(cases.id, caseId)).get();
    if (!c) throw new AppError("NOT_FOUND", "There is no case with that reference.");
    if (c.status !== "accepted") throw new AppError("BAD_REQUEST", `${c.caseNumber} is ${c.status}: only accepted referrals go on an agenda.`);
    if (tx.select().from(agendaItems).where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.caseId, caseId))).get()) {
      throw new AppError("CONFLICT", `${c.caseNumber} is already on this agenda.`);
    }
    const last = tx.select({ n: sql<number>`coalesce(max(${agendaItems.position}), -1)` }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).get();
    tx.insert(agendaItems).values({ meetingId, caseId, position: (last?.n ?? -1) + 1, addedAt: now }).run();
    logChangeIfPublished(tx, meetingId, now, `${c.caseNumber} added`);
    writeAudit(tx, { at: now, actorUserId: user.id, action: "agenda.case_added", targetType: "meeting", targetId: meetingId, details: { caseNumber: c.caseNumber } });
  }
}

/** Meetings from today on, soonest first: where triage can send an accepted referral. */
export function upcomingMeetings(db: Db, today: string) {
  return db.select({ id: meetings.id, date: meetings.date, time: meetings.time }).from(meetings).where(sql`${meetings.date} >= ${today}`).orderBy(asc(meetings.date), asc(meetings.time)).all();
}

export function removeFromAgenda(db: Db, user: SessionUser, meetingId: string, caseId: string, now: Date): void {
  db.transaction((tx) => {
    const c = tx.select({ caseNumber: cases.caseNumber }).from(cases).where(eq(cases.id, caseId)).get();
    const res = tx.delete(agendaItems).where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.caseId, caseId))).run();
    if (res.changes === 0) throw new AppError("NOT_FOUND", "That case is not on this agenda.");
    logChangeIfPublished(tx, meetingId, now, `${c?.caseNumber ?? "A case"} removed`);
    writeAudit(tx, { at: now, actorUserId: user.id, action: "agenda.case_removed", targetType: "meeting", targetId: meetingId, details: { caseNumber: c?.caseNumber } });
  });
}

/** Why a move changed nothing, in words: the order has not been changed. */
const MOVE_BLOCKED = {
  first: (n: string) => `${n} was not moved: it is already first on the agenda.`,
  last: (n: string) => `${n} was not moved: it is already last on the agenda.`,
  children_first: (n: string) =>
    `${n} was not moved: cases with children in the household stay before adult-only cases, so children's agencies can leave after them. The order has not been changed.`,
} as const;

export function moveAgendaItem(db: Db, user: SessionUser, meetingId: string, caseId: string, direction: "up" | "down", now: Date): void {
  db.transaction((tx) => {
    const entries = tx
      .select({ caseId: agendaItems.caseId, position: agendaItems.position, hasChildren: cases.hasChildren, caseNumber: cases.caseNumber })
      .from(agendaItems)
      .innerJoin(cases, eq(cases.id, agendaItems.caseId))
      .where(eq(agendaItems.meetingId, meetingId))
      .all();
    const moved = entries.find((e) => e.caseId === caseId);
    if (!moved) throw new AppError("NOT_FOUND", "That case is not on this agenda.");
    const blocked = moveBlockedBy(entries, caseId, direction);
    if (blocked) throw new AppError("BAD_REQUEST", MOVE_BLOCKED[blocked](moved.caseNumber));
    for (const e of moveOnAgenda(entries, caseId, direction)) {
      tx.update(agendaItems).set({ position: e.position }).where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.caseId, e.caseId))).run();
    }
    logChangeIfPublished(tx, meetingId, now, `${moved.caseNumber} moved ${direction}`);
    writeAudit(tx, { at: now, actorUserId: user.id, action: "agenda.reordered", targetType: "meeting", targetId: meetingId });
  });
}

export function publishAgenda(db: Db, user: SessionUser, meetingId: string, now: Date): void {
  db.transaction((tx) => {
    const m = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!m) throw new AppError("NOT_FOUND", NOT_FOUND);
    if (m.publishedAt) throw new AppError("CONFLICT", "This agenda is already published; later changes are shown to invited agencies as changes.");
    tx.update(meetings).set({ publishedAt: now, updatedAt: now }).where(eq(meetings.id, meetingId)).run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "agenda.published", targetType: "meeting", targetId: meetingId });
    notifyAgendaPublished(tx, m, now);
  });
}

// Asked by a chair's or coordinator's case page (the action form): built once per connection.
const formOptionRows = {
  users: preparedQuery((db) => db.select({ id: users.id, name: users.name, role: users.role, active: users.active }).from(users).orderBy(asc(users.name)).prepare()),
  agencies: preparedQuery((db) => db.select().from(agencies).orderBy(asc(agencies.name)).prepare()),
  acceptedCases: preparedQuery((db) =>
    db
      .select({ id: cases.id, caseNumber: cases.caseNumber, victimName: caseVictims.name })
      .from(cases)
      .innerJoin(caseVictims, eq(caseVictims.caseId, cases.id))
      .where(eq(cases.status, "accepted"))
      .orderBy(desc(cases.referralDate))
      .prepare(),
  ),
};

/** Chairs (chairs and coordinators), invitable agencies (active members) and accepted cases. */
export function meetingFormOptions(db: Db) {
  const chairs = formOptionRows.users(db).all()
    .filter((u) => u.active && (u.role === "chair" || u.role === "coordinator"))
    .map(({ id, name }) => ({ id, name }));
  const agencyRows = formOptionRows.agencies(db).all()
    .filter((a) => a.active && a.isMaracMember && canBeMaracMember(a.type))
    .map(({ id, name }) => ({ id, name }));
  const acceptedCases = formOptionRows.acceptedCases(db).all();
  return { chairs, agencies: agencyRows, acceptedCases };
}

/** Meetings with this case on the agenda, newest first: where its actions are agreed. */
// Asked by a chair's or coordinator's every case page: built once per connection.
const caseMeetings = preparedQuery((db) =>
  db
    .select({ id: meetings.id, date: meetings.date, time: meetings.time })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(eq(agendaItems.caseId, sql.placeholder("caseId")))
    .orderBy(desc(meetings.date))
    .prepare(),
);

export function meetingsForCase(db: Db, caseId: string) {
  return caseMeetings(db).all({ caseId });
}
