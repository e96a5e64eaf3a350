import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { agencies, meetingActions, meetingCaseNotes, meetingInvitations, meetingRecords, meetings, users } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { openFreeText, PLACES } from "~/server/cases/sealed-values";
import { caseSharingReader } from "~/server/cases/case-store";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import type { TaggedText } from "~/server/domain/case/text";
import type { Viewer } from "~/server/domain/policy/access";
import { DEFAULT_POLICY } from "~/server/domain/policy/default-policy";
import { projectItemText, visibleItems } from "~/server/domain/projection/items";
import { carryReviews } from "~/server/domain/review/review";
import { withSuggestions } from "~/server/domain/suggest";
import { TAGS, type Tag } from "~/server/domain/tags";
import { decideTagAccess } from "~/server/domain/policy/access";
import { AppError, staleVersion } from "~/server/errors";
import { logDisclosure } from "./disclosures";
import { openActionTags } from "./actions";
import { getMeeting } from "./meetings";
import type { SessionUser } from "./sessions";

type Attendance = { agencyId: string; status: "attended" | "apologies" | "absent"; names: string };
const notePlace = (meetingId: string, caseId: string, part: "discussion" | "risks") => `meeting_case_notes:${meetingId}/${caseId}:${part}`;
const isOrganiser = (u: SessionUser) => u.role === "chair" || u.role === "coordinator";

/** The chair's record of the meeting: attendance, apologies and the confidentiality statement. */
export function saveMeetingRecord(db: Db, user: SessionUser, input: { meetingId: string; version: number | null; confidentialityAgreed: boolean; attendance: Attendance[] }, now: Date): { version: number } {
  return db.transaction((tx) => {
    if (!tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, input.meetingId)).get()) throw new AppError("NOT_FOUND", "There is no such meeting.");
    const invited = new Set(tx.select().from(meetingInvitations).where(eq(meetingInvitations.meetingId, input.meetingId)).all().map((i) => i.agencyId));
    const stray = input.attendance.find((a) => !invited.has(a.agencyId));
    if (stray) throw new AppError("BAD_REQUEST", "Attendance can only be recorded for invited agencies.");
    const current = tx.select().from(meetingRecords).where(eq(meetingRecords.meetingId, input.meetingId)).get();
    if ((current?.version ?? null) !== input.version) throw staleVersion("meeting record");
    const version = (current?.version ?? 0) + 1;
    const values = { confidentialityAgreed: input.confidentialityAgreed, attendance: input.attendance, version, updatedAt: now };
    if (current) tx.update(meetingRecords).set(values).where(eq(meetingRecords.meetingId, input.meetingId)).run();
    else tx.insert(meetingRecords).values({ meetingId: input.meetingId, ...values }).run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "meeting.recorded", targetType: "meeting", targetId: input.meetingId });
    return { version };
  });
}

/** The discussion and risks for one case, in the chair's words; sentences are tagged by the detector. */
export function saveCaseNotes(db: Db, cipher: FieldCipher, user: SessionUser, input: { meetingId: string; caseId: string; version: number | null; discussion: string; risks: string; minutesTaken: number | null }, now: Date): { version: number } {
  return db.transaction((tx) => {
    const key = and(eq(meetingCaseNotes.meetingId, input.meetingId), eq(meetingCaseNotes.caseId, input.caseId));
    const current = tx.select().from(meetingCaseNotes).where(key).get();
    if ((current?.version ?? null) !== input.version) throw staleVersion("case notes");
    const version = (current?.version ?? 0) + 1;
    const previous = (part: "discussion" | "risks", sealed: string | undefined): TaggedText =>
      sealed ? (JSON.parse(cipher.open(sealed, notePlace(input.meetingId, input.caseId, part))) as TaggedText) : { text: "", spans: [] };
    const values = {
      // Sentences a case holder reviewed keep their review if unchanged (decision 042).
      discussionSealed: cipher.seal(JSON.stringify(carryReviews(previous("discussion", current?.discussionSealed), withSuggestions({ text: input.discussion, spans: [] }))), notePlace(input.meetingId, input.caseId, "discussion")),
      risksSealed: cipher.seal(JSON.stringify(carryReviews(previous("risks", current?.risksSealed), withSuggestions({ text: input.risks, spans: [] }))), notePlace(input.meetingId, input.caseId, "risks")),
      minutesTaken: input.minutesTaken,
      version,
      updatedAt: now,
    };
    if (current) tx.update(meetingCaseNotes).set(values).where(key).run();
    else tx.insert(meetingCaseNotes).values({ meetingId: input.meetingId, caseId: input.caseId, ...values }).run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "meeting.case_notes_saved", targetType: "meeting", targetId: input.meetingId, details: { caseId: input.caseId } });
    return { version };
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
  // The chair writes the minutes: the chair's agency reads them before review (decision 042).
  const chairAgency = db.select({ agencyId: users.agencyId }).from(meetings).innerJoin(users, eq(users.id, meetings.chairUserId)).where(eq(meetings.id, meetingId)).get();
  const minutesAuthor = { agencyId: chairAgency?.agencyId ?? null };
  // Her views on each case narrow what its minutes show; read once per case, never returned.
  const sharingOf = caseSharingReader(db, cipher);
  const cases = meeting.lines.map((line) => {
    const theCase = sharingOf(line.caseId);
    const notes = db.select().from(meetingCaseNotes).where(and(eq(meetingCaseNotes.meetingId, meetingId), eq(meetingCaseNotes.caseId, line.caseId))).get();
    const open = (part: "discussion" | "risks", sealed: string | undefined) =>
      projectItemText(sealed ? (JSON.parse(cipher.open(sealed, notePlace(meetingId, line.caseId, part))) as TaggedText) : { text: "", spans: [] }, [], viewer, DEFAULT_POLICY, [], theCase, now, minutesAuthor);
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
      notesVersion: notes?.version ?? null,
      minutesTaken: notes?.minutesTaken ?? null,
      actions: visibleItems(actions, viewer, DEFAULT_POLICY, [], theCase, now).map((r) => ({
        description: projectItemText(openFreeText(cipher, r.a.descriptionSealed, PLACES.actionDescription(r.a.id)), r.tags, viewer, DEFAULT_POLICY, [], theCase, now, { agencyId: r.authorAgencyId }),
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
      const access = decideTagAccess(viewer, DEFAULT_POLICY, [], sharingOf(c.caseId), now);
      const allowed = TAGS.filter((t) => access[t].shown);
      const shown = new Set<Tag>([...c.discussion.spans, ...c.risks.spans, ...c.actions.flatMap((a) => a.description.spans)].flatMap((sp) => sp.tags));
      logDisclosure(tx, cipher, {
        at: now,
        caseId: c.caseId,
        user,
        surface,
        tagsShown: TAGS.filter((t) => shown.has(t)),
        tagsWithheld: TAGS.filter((t) => !allowed.includes(t)),
        policyVersion: DEFAULT_POLICY.version,
        purpose: `minutes of the MARAC meeting on ${meeting.date}${recipient.id !== user.agencyId ? ` (as ${recipient.name})` : ""}`,
      });
    }
  });
  return {
    meeting: { id: meeting.id, date: meeting.date, time: meeting.time, venue: meeting.venue, online: meeting.online, chairName: meeting.chairName },
    recipient: { agencyId: recipient.id, agencyName: recipient.name, userName: user.name },
    confidentialityAgreed: record?.confidentialityAgreed ?? false,
    recordVersion: record?.version ?? null,
    attendance,
    invited: meeting.invited,
    cases,
  };
}
