import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { agencies, agendaItems, meetingActions, meetingCaseNotes, meetingInvitations, meetingRecords, meetings, users } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { openFreeText, PLACES, type NotePart } from "~/server/cases/sealed-values";
import { caseSharingReader, readCaseSharing } from "~/server/cases/case-store";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import type { TaggedText } from "~/server/domain/case/text";
import type { Viewer } from "~/server/domain/policy/access";
import { readSharingRules } from "~/server/cases/sharing-rules";
import { projectItemText, visibleItems } from "~/server/domain/projection/items";
import { carryReviews } from "~/server/domain/review/review";
import { withSuggestions } from "~/server/domain/suggest";
import { TAGS, type Tag } from "~/server/domain/tags";
import { decideTagAccess } from "~/server/domain/policy/access";
import { AppError, staleVersion } from "~/server/errors";
import { logDisclosure } from "./disclosures";
import { openActionTags } from "./actions";
import { getMeeting } from "./meetings";
import { getSettings } from "./settings";
import type { SessionUser } from "./sessions";

type Attendance = { agencyId: string; status: "attended" | "apologies" | "absent"; names: string };
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
const viewerOf = (u: SessionUser): Viewer => ({ userId: u.id, role: u.role, agencyId: u.agencyId, agencyType: u.agencyType });
const isOrganiser = (u: SessionUser) => u.role === "chair" || u.role === "coordinator";

/**
 * The chair's record of the meeting: attendance and apologies (only agencies whose attendance is
 * recorded; the rest stay unset), and whether the confidentiality statement was read and agreed,
 * with who confirmed it and when (kept from the first confirmation; cleared if it is unticked).
 */
export function saveMeetingRecord(db: Db, user: SessionUser, input: { meetingId: string; version: number | null; confidentialityAgreed: boolean; attendance: Attendance[] }, now: Date): { version: number } {
  return db.transaction((tx) => {
    if (!tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, input.meetingId)).get()) throw new AppError("NOT_FOUND", "There is no such meeting.");
    const invited = new Set(tx.select().from(meetingInvitations).where(eq(meetingInvitations.meetingId, input.meetingId)).all().map((i) => i.agencyId));
    const stray = input.attendance.find((a) => !invited.has(a.agencyId));
    if (stray) throw new AppError("BAD_REQUEST", "Attendance can only be recorded for invited agencies.");
    const current = tx.select().from(meetingRecords).where(eq(meetingRecords.meetingId, input.meetingId)).get();
    if ((current?.version ?? null) !== input.version) throw staleVersion("meeting record");
    const version = (current?.version ?? 0) + 1;
    const confirmation = !input.confidentialityAgreed
      ? { statementConfirmedByUserId: null, statementConfirmedAt: null }
      : current?.confidentialityAgreed && current.statementConfirmedAt
        ? { statementConfirmedByUserId: current.statementConfirmedByUserId, statementConfirmedAt: current.statementConfirmedAt }
        : { statementConfirmedByUserId: user.id, statementConfirmedAt: now };
    const values = { confidentialityAgreed: input.confidentialityAgreed, ...confirmation, attendance: input.attendance, version, updatedAt: now };
    if (current) tx.update(meetingRecords).set(values).where(eq(meetingRecords.meetingId, input.meetingId)).run();
    else tx.insert(meetingRecords).values({ meetingId: input.meetingId, ...values }).run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "meeting.recorded", targetType: "meeting", targetId: input.meetingId, details: { statementConfirmed: input.confidentialityAgreed } });
    return { version };
  });
}

/** The chair writes the minutes: the chair's agency reads them before review (decision 042). */
function minutesAuthorOf(db: Pick<Db, "select">, meetingId: string) {
  const chairAgency = db.select({ agencyId: users.agencyId }).from(meetings).innerJoin(users, eq(users.id, meetings.chairUserId)).where(eq(meetings.id, meetingId)).get();
  return { agencyId: chairAgency?.agencyId ?? null };
}

type NoteKey = { meetingId: string; caseId: string };
const noteKey = (k: NoteKey) => and(eq(meetingCaseNotes.meetingId, k.meetingId), eq(meetingCaseNotes.caseId, k.caseId));
const EMPTY: TaggedText = { text: "", spans: [] };

function assertOnAgenda(tx: Tx, k: NoteKey): void {
  if (!tx.select().from(agendaItems).where(and(eq(agendaItems.meetingId, k.meetingId), eq(agendaItems.caseId, k.caseId))).get()) {
    throw new AppError("NOT_FOUND", "That case is not on this meeting's agenda.");
  }
}

/** A case's notes row, created empty (version 0: no notes yet) when the timer starts or the case is completed before any note. */
function ensureNotesRow(tx: Tx, cipher: FieldCipher, k: NoteKey, now: Date) {
  const current = tx.select().from(meetingCaseNotes).where(noteKey(k)).get();
  if (current) return current;
  const seal = (part: NotePart) => cipher.seal(JSON.stringify(EMPTY), PLACES.minutesNote(k.meetingId, k.caseId, part));
  return tx.insert(meetingCaseNotes).values({ ...k, discussionSealed: seal("discussion"), risksSealed: seal("risks"), version: 0, updatedAt: now }).returning().get();
}

const openNote = (cipher: FieldCipher, k: NoteKey, part: NotePart, sealed: string | null | undefined): TaggedText =>
  sealed ? openFreeText(cipher, sealed, PLACES.minutesNote(k.meetingId, k.caseId, part)) : EMPTY;

export type TCaseNotesInput = NoteKey & { version: number | null; discussion: string; risks: string; safetyPlan: string };
export type TCaseNotesSaved = { saved: true; version: number } | { saved: false; message: string; current: { version: number; discussion: string; risks: string; safetyPlan: string } };

/**
 * Saves one case's discussion, summary of risks and safety plan (the chair's words; sentences are
 * tagged by the detector). The version guards these texts: a save based on an older version is
 * refused and the newer texts are returned (as the chair may see them), never overwritten.
 * Only this case's row is touched.
 */
export function saveCaseNotes(db: Db, cipher: FieldCipher, user: SessionUser, input: TCaseNotesInput, now: Date): TCaseNotesSaved {
  return db.transaction((tx) => {
    assertOnAgenda(tx, input);
    const current = tx.select().from(meetingCaseNotes).where(noteKey(input)).get();
    // Version 0 is a row the timer made before any note was written: nothing to conflict with.
    if (current && current.version !== (input.version ?? 0)) {
      const theCase = readCaseSharing(tx, cipher, input.caseId);
      const rules = readSharingRules(tx, cipher, now);
      const asChair = (part: NotePart, sealed: string | null) => projectItemText(openNote(cipher, input, part, sealed), [], viewerOf(user), rules.policy, rules.grants, theCase, now, minutesAuthorOf(tx, input.meetingId)).text;
      return {
        saved: false,
        message: "Someone else saved notes for this case while you were typing. Your changes have not been saved. Their notes are shown below: copy anything of yours you still need, then save again.",
        current: { version: current.version, discussion: asChair("discussion", current.discussionSealed), risks: asChair("risks", current.risksSealed), safetyPlan: asChair("safetyPlan", current.safetyPlanSealed) },
      };
    }
    if (!current && input.version !== null) throw staleVersion("case notes");
    const version = (current?.version ?? 0) + 1;
    // Sentences a case holder reviewed keep their review if unchanged (decision 042).
    const seal = (part: NotePart, sealed: string | null | undefined, text: string) =>
      cipher.seal(JSON.stringify(carryReviews(openNote(cipher, input, part, sealed), withSuggestions({ text, spans: [] }))), PLACES.minutesNote(input.meetingId, input.caseId, part));
    const values = {
      discussionSealed: seal("discussion", current?.discussionSealed, input.discussion),
      risksSealed: seal("risks", current?.risksSealed, input.risks),
      safetyPlanSealed: seal("safetyPlan", current?.safetyPlanSealed, input.safetyPlan),
      version,
      updatedAt: now,
    };
    if (current) tx.update(meetingCaseNotes).set(values).where(noteKey(input)).run();
    else tx.insert(meetingCaseNotes).values({ meetingId: input.meetingId, caseId: input.caseId, ...values }).run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "meeting.case_notes_saved", targetType: "meeting", targetId: input.meetingId, details: { caseId: input.caseId } });
    return { saved: true, version };
  });
}

/** Starts (or restarts) a case's timer; the start is kept on the server so a reload does not lose it. */
export function startCaseTimer(db: Db, cipher: FieldCipher, user: SessionUser, k: NoteKey, now: Date): { startedAt: Date } {
  return db.transaction((tx) => {
    assertOnAgenda(tx, k);
    ensureNotesRow(tx, cipher, k, now);
    tx.update(meetingCaseNotes).set({ timerStartedAt: now, completedAt: null }).where(noteKey(k)).run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "meeting.case_timer_started", targetType: "meeting", targetId: k.meetingId, details: { caseId: k.caseId } });
    return { startedAt: now };
  });
}

/**
 * Marks a case complete (recording the minutes taken by the server's timer) or reopens it. The
 * notes' version is left alone: completing a case never conflicts with notes being typed.
 */
export function setCaseComplete(db: Db, cipher: FieldCipher, user: SessionUser, k: NoteKey & { complete: boolean }, now: Date): void {
  db.transaction((tx) => {
    assertOnAgenda(tx, k);
    const row = ensureNotesRow(tx, cipher, k, now);
    const minutesTaken = row.timerStartedAt ? Math.min(600, Math.round((now.getTime() - row.timerStartedAt.getTime()) / 60_000)) : row.minutesTaken;
    tx.update(meetingCaseNotes).set(k.complete ? { completedAt: now, minutesTaken } : { completedAt: null }).where(noteKey({ meetingId: k.meetingId, caseId: k.caseId })).run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: k.complete ? "meeting.case_completed" : "meeting.case_reopened", targetType: "meeting", targetId: k.meetingId, details: { caseId: k.caseId } });
  });
}

/**
 * The minutes of a meeting as one agency may see them: who attended, the confidentiality
 * statement, and for each case its discussion, risks and actions through that agency's rules.
 * Chairs and coordinators may read any invited agency's minutes (`asAgencyId`), or their own full view.
 */
export function getMinutes(db: Db, cipher: FieldCipher, user: SessionUser, meetingId: string, now: Date, asAgencyId?: string, surface: "minutes" | "minutes_pdf" = "minutes") {
  const meeting = getMeeting(db, cipher, user, meetingId);
  const recipientId = isOrganiser(user) && asAgencyId ? asAgencyId : user.agencyId;
  const recipient = db.select().from(agencies).where(eq(agencies.id, recipientId)).get();
  if (!recipient || (!isOrganiser(user) && !meeting.invited.some((a) => a.id === recipientId))) throw new AppError("NOT_FOUND", "There are no minutes for your agency for that meeting.");
  const viewer: Viewer = isOrganiser(user) && !asAgencyId
    ? { userId: user.id, role: user.role, agencyId: user.agencyId, agencyType: user.agencyType }
    : { userId: user.id, role: recipient.id === user.agencyId && user.role === "idva" ? "idva" : "agency_rep", agencyId: recipient.id, agencyType: recipient.type };
  const record = db.select().from(meetingRecords).where(eq(meetingRecords.meetingId, meetingId)).get();
  const names = new Map(meeting.invited.map((a) => [a.id, a.name]));
  const attendance = (record?.attendance ?? []).map((a) => ({ agencyName: names.get(a.agencyId) ?? "", status: a.status, names: a.names }));
  const minutesAuthor = minutesAuthorOf(db, meetingId);
  // Her views on each case narrow what its minutes show; read once per case, never returned.
  const rules = readSharingRules(db, cipher, now);
  const sharingOf = caseSharingReader(db, cipher);
  const cases = meeting.lines.map((line) => {
    const theCase = sharingOf(line.caseId);
    const notes = db.select().from(meetingCaseNotes).where(and(eq(meetingCaseNotes.meetingId, meetingId), eq(meetingCaseNotes.caseId, line.caseId))).get();
    const open = (part: NotePart, sealed: string | null | undefined) =>
      projectItemText(openNote(cipher, { meetingId, caseId: line.caseId }, part, sealed), [], viewer, rules.policy, rules.grants, theCase, now, minutesAuthor);
    const actions = db
      .select({ a: meetingActions, owner: agencies.name, authorAgencyId: users.agencyId })
      .from(meetingActions)
      .innerJoin(agencies, eq(agencies.id, meetingActions.owningAgencyId))
      .innerJoin(users, eq(users.id, meetingActions.createdByUserId))
      .where(and(eq(meetingActions.meetingId, meetingId), eq(meetingActions.caseId, line.caseId)))
      .all()
      .map((r) => ({ ...r, tags: openActionTags(cipher, r.a) }));
    return {
      caseId: line.caseId,
      caseNumber: line.caseNumber,
      victimName: line.victimName,
      discussion: open("discussion", notes?.discussionSealed),
      risks: open("risks", notes?.risksSealed),
      safetyPlan: open("safetyPlan", notes?.safetyPlanSealed),
      notesVersion: notes && notes.version > 0 ? notes.version : null,
      minutesTaken: notes?.minutesTaken ?? null,
      timerStartedAt: notes?.timerStartedAt ?? null,
      completedAt: notes?.completedAt ?? null,
      actions: visibleItems(actions, viewer, rules.policy, rules.grants, theCase, now).map((r) => ({
        description: projectItemText(openFreeText(cipher, r.a.descriptionSealed, PLACES.actionDescription(r.a.id)), r.tags, viewer, rules.policy, rules.grants, theCase, now, { agencyId: r.authorAgencyId, addresseeAgencyId: r.a.owningAgencyId }),
        owningAgencyName: r.owner,
        ownerName: r.a.ownerName,
        dueDate: r.a.dueDate,
        status: r.a.status,
      })),
    };
  });
  // Each case's minutes are a disclosure (or, for a chair's or coordinator's look, a consultation).
  db.transaction((tx) => {
    for (const c of cases) {
      const access = decideTagAccess(viewer, rules.policy, rules.grants, sharingOf(c.caseId), now);
      const allowed = TAGS.filter((t) => access[t].shown);
      const shown = new Set<Tag>([...c.discussion.spans, ...c.risks.spans, ...c.safetyPlan.spans, ...c.actions.flatMap((a) => a.description.spans)].flatMap((sp) => sp.tags));
      logDisclosure(tx, cipher, {
        at: now,
        caseId: c.caseId,
        user,
        surface,
        tagsShown: TAGS.filter((t) => shown.has(t)),
        tagsWithheld: TAGS.filter((t) => !allowed.includes(t)),
        policyVersion: rules.policy.version,
        purpose: `minutes of the MARAC meeting on ${meeting.date}${recipient.id !== user.agencyId ? ` (as ${recipient.name})` : ""}`,
      });
    }
  });
  return {
    meeting: { id: meeting.id, date: meeting.date, time: meeting.time, venue: meeting.venue, online: meeting.online, chairName: meeting.chairName },
    recipient: { agencyId: recipient.id, agencyName: recipient.name, userName: user.name },
    confidentialityStatement: getSettings(db).confidentialityStatement,
    confidentialityAgreed: record?.confidentialityAgreed ?? false,
    statementConfirmedBy: record?.statementConfirmedByUserId ? (db.select({ name: users.name }).from(users).where(eq(users.id, record.statementConfirmedByUserId)).get()?.name ?? null) : null,
    statementConfirmedAt: record?.statementConfirmedAt ?? null,
    recordVersion: record?.version ?? null,
    attendance,
    invited: meeting.invited,
    cases,
  };
}
