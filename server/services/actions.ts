import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { preparedQuery } from "~/db/prepared";
import { alias } from "drizzle-orm/sqlite-core";
import { agencies, agendaItems, cases, meetingActions, meetings, users } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { caseSharingReader } from "~/server/cases/case-store";
import { openFreeText, openTags, PLACES, sealFreeText, sealTags } from "~/server/cases/sealed-values";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { canBeMaracMember } from "~/server/domain/agency-types";
import { isOverdue, type ActionStatus } from "~/server/domain/meeting/actions";
import type { Viewer } from "~/server/domain/policy/access";
import { allowedTags } from "~/server/domain/policy/define-policy";
import { readSharingRules, type ItemReads } from "~/server/cases/sharing-rules";
import { projectItemText, visibleItems } from "~/server/domain/projection/items";
import { withSuggestions } from "~/server/domain/suggest";
import { TAG_LABELS, type Tag } from "~/server/domain/tags";
import { AppError, staleVersion } from "~/server/errors";
import { notifyActionAssigned } from "./notifications";
import { ukDate } from "./referral-submit";
import type { SessionUser } from "./sessions";

const isOrganiser = (u: SessionUser) => u.role === "chair" || u.role === "coordinator";
const viewerOf = (u: SessionUser): Viewer => ({ userId: u.id, role: u.role, agencyId: u.agencyId, agencyType: u.agencyType });

export type TNewAction = { meetingId: string; caseId: string; description: string; tags: Tag[]; owningAgencyId: string; ownerName: string; dueDate: string };

/**
 * Records an action agreed at a meeting. The owning agency must be a MARAC member (never
 * Immigration Enforcement) and must be allowed to see every tag the action carries: an agency
 * cannot be asked to act on what it may not read.
 */
export function createAction(db: Db, cipher: FieldCipher, user: SessionUser, input: TNewAction, now: Date): { id: number } {
  return db.transaction((tx) => {
    if (!tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, input.meetingId)).get()) throw new AppError("NOT_FOUND", "There is no such meeting.");
    if (!tx.select().from(agendaItems).where(and(eq(agendaItems.meetingId, input.meetingId), eq(agendaItems.caseId, input.caseId))).get()) {
      throw new AppError("BAD_REQUEST", "That case is not on this meeting's agenda.");
    }
    const agency = tx.select().from(agencies).where(eq(agencies.id, input.owningAgencyId)).get();
    if (!agency) throw new AppError("BAD_REQUEST", "Choose the agency that owns the action.", { owningAgencyId: ["Choose the agency that owns the action"] });
    if (!canBeMaracMember(agency.type) || !agency.isMaracMember || !agency.active) {
      throw new AppError("BAD_REQUEST", `${agency.name} cannot be given a MARAC action. Under this MARAC's information-sharing rules Immigration Enforcement does not attend MARAC or receive MARAC information (SafeLives guidance).`, {
        owningAgencyId: [`${agency.name} cannot be given a MARAC action`],
      });
    }
    const description = withSuggestions({ text: input.description, spans: [] });
    // An action's own tags come from the chair and from what the detector is sure of. A sentence it is
    // unsure of stays withheld in the text until a case holder reviews it, but does not move the
    // whole action out of its owner's sight ("Fit a panic alarm" is not health information).
    const tags = [...new Set<Tag>([...input.tags, ...description.spans.filter((s) => !s.uncertain).flatMap((s) => s.tags)])];
    const rules = readSharingRules(db, cipher, now);
    const allowed = allowedTags(rules.policy, agency.id, agency.type);
    const blocked = tags.filter((t) => !allowed.has(t));
    if (blocked.length > 0) {
      throw new AppError("BAD_REQUEST", `${agency.name} may not see ${blocked.map((t) => TAG_LABELS[t]).join(", ")} information, so it cannot own this action. Give it to an agency that may (for example the IDVA service), or reword it.`, {
        owningAgencyId: [`${agency.name} may not see ${blocked.map((t) => TAG_LABELS[t]).join(", ")} information`],
      });
    }
    const row = tx
      .insert(meetingActions)
      .values({ ...input, descriptionSealed: "", tags: "", status: "open", createdByUserId: user.id, createdAt: now, updatedAt: now })
      .returning({ id: meetingActions.id })
      .get();
    // Sealed to the row once it has an id. The tags are sealed too: an action tagged immigration
    // says that the case holds immigration information.
    tx.update(meetingActions)
      .set({ descriptionSealed: cipher.seal(JSON.stringify(description), PLACES.actionDescription(row.id)), tags: sealTags(cipher, tags, PLACES.actionTags(row.id)) })
      .where(eq(meetingActions.id, row.id))
      .run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "action.created", targetType: "meeting", targetId: input.meetingId, details: { actionId: row.id, owningAgencyId: agency.id } });
    notifyActionAssigned(tx, { id: row.id, caseId: input.caseId, owningAgencyId: agency.id }, now);
    return row;
  });
}

type Row = typeof meetingActions.$inferSelect & { agencyName: string; caseNumber: string; authorAgencyId: string };

/** An action's own tags, sealed to its row. */
export function openActionTags(cipher: FieldCipher, action: { id: number; tags: string }): Tag[] {
  return openTags(cipher, action.tags, PLACES.actionTags(action.id));
}

/**
 * Actions as one viewer may see them. `seesNote` says whose status notes the viewer reads: the
 * owning agency's and, for those who hold the whole case, every one.
 */
function present(db: Db, rows: Row[], cipher: FieldCipher, user: SessionUser, now: Date) {
  return presentFor(db, rows, cipher, viewerOf(user), (owningAgencyId) => isOrganiser(user) || owningAgencyId === user.agencyId, now);
}

function presentFor(
  db: Db,
  rows: Row[],
  cipher: FieldCipher,
  viewer: Viewer,
  seesNote: (owningAgencyId: string) => boolean,
  now: Date,
  // Each action is decided on its own case's views (read once per case).
  { rules, sharingOf }: ItemReads = { rules: readSharingRules(db, cipher, now), sharingOf: caseSharingReader(db, cipher) },
) {
  const today = ukDate(now);
  const caseOf = (r: { caseId: string }) => sharingOf(r.caseId);
  return rows
    .map((r) => ({ ...r, tags: openActionTags(cipher, r) }))
    .filter((r) => visibleItems([r], viewer, rules.policy, rules.grants, caseOf(r), now).length > 0)
    .map((r) => ({
    id: r.id,
    meetingId: r.meetingId,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    description: projectItemText(openFreeText(cipher, r.descriptionSealed, PLACES.actionDescription(r.id)), r.tags, viewer, rules.policy, rules.grants, caseOf(r), now, { agencyId: r.authorAgencyId, addresseeAgencyId: r.owningAgencyId }),
    tags: r.tags,
    owningAgencyId: r.owningAgencyId,
    owningAgencyName: r.agencyName,
    ownerName: r.ownerName,
    dueDate: r.dueDate,
    status: r.status,
    // The status note is for the owning agency and those who hold the whole case, through the
    // reader's tag rules: a note the chair writes may say more than the owning agency may read.
    statusNote: r.statusNoteSealed && seesNote(r.owningAgencyId)
      ? projectItemText(openFreeText(cipher, r.statusNoteSealed, PLACES.actionStatusNote(r.id)), r.tags, viewer, rules.policy, rules.grants, caseOf(r), now, { agencyId: r.statusNoteAgencyId })
      : null,
    overdue: isOverdue({ status: r.status, dueDate: r.dueDate }, today),
    version: r.version,
  }));
}

const creator = alias(users, "creator");
function select(db: Db) {
  return db
    .select({ action: meetingActions, agencyName: agencies.name, caseNumber: cases.caseNumber, authorAgencyId: creator.agencyId })
    .from(meetingActions)
    .innerJoin(agencies, eq(agencies.id, meetingActions.owningAgencyId))
    .innerJoin(cases, eq(cases.id, meetingActions.caseId))
    .innerJoin(creator, eq(creator.id, meetingActions.createdByUserId));
}
/** The action's text is the words of whoever recorded it: their agency, and the agency that owns it, read it before review. */
const flat = (rows: { action: typeof meetingActions.$inferSelect; agencyName: string; caseNumber: string; authorAgencyId: string }[]): Row[] =>
  rows.map((r) => ({ ...r.action, agencyName: r.agencyName, caseNumber: r.caseNumber, authorAgencyId: r.authorAgencyId }));

// Read for every case page: built once per connection.
const caseActions = preparedQuery((db) => select(db).where(eq(meetingActions.caseId, sql.placeholder("caseId"))).orderBy(asc(meetingActions.dueDate)).prepare());

/** A case's actions as this viewer may see them (the same tag rules as the case). */
export function listCaseActions(db: Db, cipher: FieldCipher, user: SessionUser, caseId: string, now: Date) {
  return present(db, flat(caseActions(db).all({ caseId })), cipher, user, now);
}

// Read for every case of a pack: built once per connection.
const packActions = preparedQuery((db) =>
  db
    .select({ action: meetingActions, agencyName: agencies.name, caseNumber: cases.caseNumber, authorAgencyId: creator.agencyId, meetingDate: meetings.date })
    .from(meetingActions)
    .innerJoin(agencies, eq(agencies.id, meetingActions.owningAgencyId))
    .innerJoin(cases, eq(cases.id, meetingActions.caseId))
    .innerJoin(creator, eq(creator.id, meetingActions.createdByUserId))
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .where(eq(meetingActions.caseId, sql.placeholder("caseId")))
    .orderBy(asc(meetingActions.dueDate))
    .prepare(),
);

/**
 * A case's actions for a meeting pack, in the pack's recipient agency's view: those still open and
 * those from earlier meetings, with their status. Status notes only of the recipient's own actions.
 */
export function listPackActions(db: Db, cipher: FieldCipher, viewer: Viewer, caseId: string, meetingDate: string, now: Date, reads: ItemReads) {
  const rows = packActions(db)
    .all({ caseId })
    .filter((r) => r.action.status === "open" || r.meetingDate < meetingDate);
  const agreedAt = new Map(rows.map((r) => [r.action.id, r.meetingDate]));
  return presentFor(db, flat(rows), cipher, viewer, (owner) => owner === viewer.agencyId, now, reads).map((a) => ({ ...a, agreedAt: agreedAt.get(a.id) ?? "" }));
}

/** The signed-in agency's own actions across meetings, with what is overdue. */
export function listAgencyActions(db: Db, cipher: FieldCipher, user: SessionUser, now: Date) {
  return present(db, flat(select(db).where(eq(meetingActions.owningAgencyId, user.agencyId)).orderBy(asc(meetingActions.dueDate)).all()), cipher, user, now);
}

/** Every agency's overdue actions, for chairs and coordinators (and the next agenda). */
export function listOverdueActions(db: Db, cipher: FieldCipher, user: SessionUser, now: Date) {
  return present(db, flat(select(db).where(eq(meetingActions.status, "open")).orderBy(asc(meetingActions.dueDate)).all()), cipher, user, now).filter((a) => a.overdue);
}

/** The owning agency (or a chair or coordinator) updates an action's status, with a note. */
export function updateActionStatus(db: Db, cipher: FieldCipher, user: SessionUser, input: { actionId: number; version: number; status: ActionStatus; note: string }, now: Date): void {
  db.transaction((tx) => {
    const a = tx.select().from(meetingActions).where(eq(meetingActions.id, input.actionId)).get();
    if (!a || (!isOrganiser(user) && a.owningAgencyId !== user.agencyId)) throw new AppError("NOT_FOUND", "There is no action with that reference for your agency.");
    if (a.version !== input.version) throw staleVersion("action");
    tx.update(meetingActions)
      .set({ status: input.status, ...(input.note.trim() ? { statusNoteSealed: sealFreeText(cipher, input.note, PLACES.actionStatusNote(a.id)), statusNoteAgencyId: user.agencyId } : {}), version: a.version + 1, updatedAt: now })
      .where(eq(meetingActions.id, a.id))
      .run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "action.status_changed", targetType: "meeting", targetId: a.meetingId, details: { actionId: a.id, status: input.status } });
  });
}

/**
 * For a meeting's agenda (domain.md 1.6): the actions still open from the previous meeting, as
 * this viewer may see them.
 */
export function listOpenFromPreviousMeeting(db: Db, cipher: FieldCipher, user: SessionUser, meetingId: string, now: Date) {
  const current = db.select({ date: meetings.date }).from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!current) return [];
  const previous = db.select({ id: meetings.id, date: meetings.date }).from(meetings).all()
    .filter((m) => m.date < current.date)
    .sort((a, b) => b.date.localeCompare(a.date))[0];
  if (!previous) return [];
  return present(db, flat(select(db).where(and(eq(meetingActions.meetingId, previous.id), eq(meetingActions.status, "open"))).orderBy(asc(meetingActions.dueDate)).all()), cipher, user, now);
}

/**
 * The actions a meeting reviews (domain.md 1.6), each listed once: those still open from the
 * previous meeting, then other agencies' overdue actions not already in that list.
 */
export function listActionsToReview(db: Db, cipher: FieldCipher, user: SessionUser, meetingId: string, now: Date) {
  const fromLastMeeting = listOpenFromPreviousMeeting(db, cipher, user, meetingId, now);
  const listed = new Set(fromLastMeeting.map((a) => a.id));
  return { fromLastMeeting, otherOverdue: listOverdueActions(db, cipher, user, now).filter((a) => !listed.has(a.id)) };
}
