import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { agencies, meetingInvitations, meetings } from "~/db/schema";
import { caseSharingReader, readCase } from "~/server/cases/case-store";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import type { Viewer } from "~/server/domain/policy/access";
import { readSharingRules, type ItemReads } from "~/server/cases/sharing-rules";
import { deadlineOf } from "~/server/domain/meeting/research-deadline";
import { disclosedTags } from "~/server/domain/projection/disclosed";
import { project } from "~/server/domain/projection/project";
import { AppError } from "~/server/errors";
import { listPackActions } from "./actions";
import { logDisclosure, type DisclosureEntry } from "./disclosures";
import { getMeeting } from "./meetings";
import { listPackResearch } from "./research";
import { repeatFactsFor, withRepeatFacts } from "./repeat-view";
import type { SessionUser } from "./sessions";

const isOrganiser = (u: SessionUser) => u.role === "chair" || u.role === "coordinator";
const NOT_FOUND = "There is no pack for your agency for that meeting.";

/**
 * Which agency's pack this user may have. An agency's own users get their agency's pack once the
 * agenda is published and the agency is invited. Chairs and coordinators may preview any invited
 * agency's pack: logged as their consultation, not as a disclosure to that agency.
 */
function recipientFor(db: Db, user: SessionUser, meetingId: string, asAgencyId?: string) {
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) throw new AppError("NOT_FOUND", NOT_FOUND);
  const invitedIds = db.select({ agencyId: meetingInvitations.agencyId }).from(meetingInvitations).where(eq(meetingInvitations.meetingId, meetingId)).all().map((r) => r.agencyId);
  // Chairs and coordinators default to their own agency's pack, or the first invited agency's.
  const agencyId = isOrganiser(user) ? (asAgencyId ?? (invitedIds.includes(user.agencyId) ? user.agencyId : invitedIds[0] ?? user.agencyId)) : user.agencyId;
  const invited = db.select().from(meetingInvitations).where(and(eq(meetingInvitations.meetingId, meetingId), eq(meetingInvitations.agencyId, agencyId))).get();
  if (!invited || (!meeting.publishedAt && !isOrganiser(user))) throw new AppError("NOT_FOUND", NOT_FOUND);
  const agency = db.select().from(agencies).where(eq(agencies.id, agencyId)).get();
  if (!agency) throw new AppError("NOT_FOUND", NOT_FOUND);
  // A pack is always an agency's view: even a chair's own agency gets its policy view, not full access.
  const viewer: Viewer = {
    userId: user.id,
    role: agency.id === user.agencyId && user.role === "idva" ? "idva" : "agency_rep",
    agencyId: agency.id,
    agencyType: agency.type,
  };
  return { meeting, agency, viewer: { ...viewer, agencyIsMember: agency.isMaracMember }, preview: agency.id !== user.agencyId };
}

/**
 * A meeting pack for one agency: the agenda, and each case through the one projection for that
 * agency. Every case in it is logged as a disclosure (or, for a preview, as a consultation).
 */
export function getPack(db: Db, cipher: FieldCipher, user: SessionUser, meetingId: string, now: Date, opts: { asAgencyId?: string; surface: "meeting_pack" | "meeting_pack_pdf" }) {
  const { meeting, agency, viewer, preview } = recipientFor(db, user, meetingId, opts.asAgencyId);
  // The agenda lines as the recipient agency sees them (repeat, children, flags), also in a preview.
  const agenda = getMeeting(db, cipher, user, meetingId, now, viewer);
  const rules = readSharingRules(db, cipher, now);
  // Read in one snapshot, then log in a short write of its own: the packs zip builds packs on a
  // worker thread with its own connection (decision 076), and a read transaction that later writes
  // fails in WAL mode if the server thread wrote in between, and would hold the write lock (which the
  // server thread waits for) through the whole projection.
  const entries: DisclosureEntry[] = [];
  const cases = db.transaction((tx) => {
    const reads: ItemReads = { rules, sharingOf: caseSharingReader(tx, cipher) };
    return agenda.lines.map((line) => {
      const loaded = readCase(tx, cipher, line.caseId);
      if (!loaded) throw new AppError("NOT_FOUND", "A case on this agenda no longer exists.");
      const record = { ...loaded.record, criteria: withRepeatFacts(loaded.record.criteria, repeatFactsFor(tx, viewer, line.caseId)) };
      const projection = project(record, viewer, rules.policy, rules.grants, now);
      const tags = disclosedTags(record, projection);
      entries.push({
        at: now,
        caseId: line.caseId,
        user,
        surface: opts.surface,
        tagsShown: tags.shown,
        tagsWithheld: tags.withheld,
        policyVersion: projection.policyVersion,
        purpose: preview ? `preview of ${agency.name}'s pack for the MARAC meeting on ${meeting.date}` : `pack for the MARAC meeting on ${meeting.date}`,
      });
      return {
        line,
        caseNumber: loaded.meta.caseNumber,
        dashScore: loaded.meta.dashScore,
        view: projection.view,
        decisions: projection.decisions,
        // Research and actions in the recipient's view too, so a preview shows what the agency gets.
        research: listPackResearch(db, cipher, viewer, meetingId, line.caseId, now, reads),
        actions: listPackActions(db, cipher, viewer, line.caseId, meeting.date, now, reads),
      };
    });
  },
    // Reads only: without the write lock, which the app's transactions otherwise take first (db/client.ts).
    { behavior: "deferred" },
  );
  db.transaction((tx) => {
    for (const e of entries) logDisclosure(tx, cipher, e);
  }, { behavior: "immediate" });
  return {
    meeting: { id: meeting.id, date: meeting.date, time: meeting.time, venue: meeting.venue, online: meeting.online, chairName: agenda.chairName, publishedAt: meeting.publishedAt, researchDeadline: deadlineOf(meeting) },
    recipient: { agencyId: agency.id, agencyName: agency.name, agencyType: agency.type, userName: user.name },
    preview,
    invited: agenda.invited,
    cases,
  };
}
