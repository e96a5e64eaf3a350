import { PLACES } from "~/server/cases/sealed-values";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { preparedQuery } from "~/db/prepared";
import { agencies, agendaItems, caseResearch, meetingInvitations, meetings, users } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { caseSharingReader } from "~/server/cases/case-store";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import type { TaggedText } from "~/server/domain/case/text";
import { readSharingRules, type ItemReads } from "~/server/cases/sharing-rules";
import type { Viewer } from "~/server/domain/policy/access";
import { projectItemText } from "~/server/domain/projection/items";
import { carryReviews } from "~/server/domain/review/review";
import { withSuggestions } from "~/server/domain/suggest";
import { AppError, staleVersion } from "~/server/errors";
import { deadlineOf, isResearchLate } from "~/server/domain/meeting/research-deadline";
import { visibleMeeting } from "./meetings";
import { ukDate } from "./referral-submit";
import type { SessionUser } from "./sessions";

const place = PLACES.research;
const isOrganiser = (u: SessionUser) => u.role === "chair" || u.role === "coordinator";

/**
 * Saves the signed-in agency's research on a case for a meeting. Only an invited agency can, only
 * once the agenda is published (before that the agency cannot see the meeting at all), and only
 * for a case on that agenda. Sentences are tagged by the detector (fail closed).
 */
export function saveResearch(db: Db, cipher: FieldCipher, user: SessionUser, input: { meetingId: string; caseId: string; version: number | null; shared: string; withheld: string }, now: Date): { version: number } {
  return db.transaction((tx) => {
    const invited = tx.select().from(meetingInvitations).where(and(eq(meetingInvitations.meetingId, input.meetingId), eq(meetingInvitations.agencyId, user.agencyId))).get();
    const onAgenda = tx.select().from(agendaItems).where(and(eq(agendaItems.meetingId, input.meetingId), eq(agendaItems.caseId, input.caseId))).get();
    const published = tx.select({ publishedAt: meetings.publishedAt }).from(meetings).where(eq(meetings.id, input.meetingId)).get()?.publishedAt;
    if (!invited || !onAgenda || !published) throw new AppError("NOT_FOUND", "Your agency is not invited to research this case for that meeting.");
    const key = and(eq(caseResearch.meetingId, input.meetingId), eq(caseResearch.caseId, input.caseId), eq(caseResearch.agencyId, user.agencyId));
    const current = tx.select().from(caseResearch).where(key).get();
    if ((current?.version ?? null) !== input.version) throw staleVersion("research");
    const sealed = {
      // Sentences a case holder reviewed keep their review if unchanged (decision 042).
      sharedSealed: cipher.seal(
        JSON.stringify(carryReviews(current ? (JSON.parse(cipher.open(current.sharedSealed, place(input.meetingId, input.caseId, user.agencyId, "shared"))) as TaggedText) : { text: "", spans: [] }, withSuggestions({ text: input.shared, spans: [] }))),
        place(input.meetingId, input.caseId, user.agencyId, "shared"),
      ),
      withheldSealed: cipher.seal(JSON.stringify(withSuggestions({ text: input.withheld, spans: [] })), place(input.meetingId, input.caseId, user.agencyId, "withheld")),
    };
    const version = (current?.version ?? 0) + 1;
    if (current) tx.update(caseResearch).set({ ...sealed, version, updatedByUserId: user.id, updatedAt: now }).where(key).run();
    else tx.insert(caseResearch).values({ meetingId: input.meetingId, caseId: input.caseId, agencyId: user.agencyId, ...sealed, version, updatedByUserId: user.id, updatedAt: now, submittedAt: now }).run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "research.saved", targetType: "meeting", targetId: input.meetingId, details: { caseId: input.caseId, agencyId: user.agencyId } });
    return { version };
  });
}

/**
 * All agencies' research on a case for a meeting (or, without a case, on every case of the
 * meeting's agenda, for the pack page: one read instead of one per case), as this viewer may see it: each
 * agency's shared research through the sentence rules of the viewer's agency; the "held but not
 * shared" part only to its own agency and to chairs and coordinators.
 */
export function listResearch(db: Db, cipher: FieldCipher, user: SessionUser, meetingId: string, caseId: string | undefined, now: Date) {
  // Only those who may see the meeting (chairs, coordinators, invited agencies once published).
  // The meeting row alone: the whole agenda (every case's lines) is not needed here.
  const researchDeadline = deadlineOf(visibleMeeting(db, user, meetingId));
  const viewer = { userId: user.id, role: user.role, agencyId: user.agencyId, agencyType: user.agencyType };
  const rules = readSharingRules(db, cipher, now);
  const sharingOf = caseSharingReader(db, cipher);
  return db
    .select({ r: caseResearch, agencyName: agencies.name, updatedBy: users.name })
    .from(caseResearch)
    .innerJoin(agencies, eq(agencies.id, caseResearch.agencyId))
    .innerJoin(users, eq(users.id, caseResearch.updatedByUserId))
    // Only cases still on the agenda: research written for a case since taken off it is not listed,
    // so the meeting-wide call names no case the reader's pack does not.
    .innerJoin(agendaItems, and(eq(agendaItems.meetingId, caseResearch.meetingId), eq(agendaItems.caseId, caseResearch.caseId)))
    .where(and(eq(caseResearch.meetingId, meetingId), caseId === undefined ? undefined : eq(caseResearch.caseId, caseId)))
    .orderBy(asc(agencies.name))
    .all()
    .map(({ r, agencyName, updatedBy }) => {
      const own = r.agencyId === user.agencyId;
      const open = (sealed: string, part: "shared" | "withheld") => JSON.parse(cipher.open(sealed, place(meetingId, r.caseId, r.agencyId, part))) as TaggedText;
      // An agency always reads its own research whole: it wrote it.
      const forViewer = (t: TaggedText) => (own ? { text: t.text, spans: t.spans, notice: null } : projectItemText(t, [], viewer, rules.policy, rules.grants, sharingOf(r.caseId), now, { agencyId: r.agencyId }));
      return {
        caseId: r.caseId,
        agencyId: r.agencyId,
        agencyName,
        updatedBy,
        updatedAt: r.updatedAt,
        version: r.version,
        // Late: first submitted after the meeting's research deadline day (rows from before this was recorded: their last save).
        late: isResearchLate(ukDate(r.submittedAt ?? r.updatedAt), researchDeadline),
        own,
        shared: forViewer(open(r.sharedSealed, "shared")),
        withheld: own || isOrganiser(user) ? forViewer(open(r.withheldSealed, "withheld")) : null,
      };
    });
}

// Read for every case of a pack: built once per connection.
const packResearch = preparedQuery((db) =>
  db
    .select({ r: caseResearch, agencyName: agencies.name })
    .from(caseResearch)
    .innerJoin(agencies, eq(agencies.id, caseResearch.agencyId))
    .where(and(eq(caseResearch.meetingId, sql.placeholder("meetingId")), eq(caseResearch.caseId, sql.placeholder("caseId"))))
    .orderBy(asc(agencies.name))
    .prepare(),
);

/**
 * Every agency's shared research on a case, for a meeting pack: in the pack's recipient agency's
 * view (its own research whole, others' through its sentence rules). The "held but not shared"
 * part never goes into a pack.
 */
export function listPackResearch(db: Db, cipher: FieldCipher, viewer: Viewer, meetingId: string, caseId: string, now: Date, { rules, sharingOf }: ItemReads) {
  const theCase = sharingOf(caseId);
  return packResearch(db)
    .all({ meetingId, caseId })
    .map(({ r, agencyName }) => {
      const t = JSON.parse(cipher.open(r.sharedSealed, place(meetingId, caseId, r.agencyId, "shared"))) as TaggedText;
      const own = r.agencyId === viewer.agencyId;
      return {
        agencyId: r.agencyId,
        agencyName,
        updatedAt: r.updatedAt,
        shared: own ? { text: t.text, spans: t.spans, notice: null } : projectItemText(t, [], viewer, rules.policy, rules.grants, theCase, now, { agencyId: r.agencyId }),
      };
    });
}
