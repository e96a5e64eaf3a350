import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import {
  agendaItems,
  caseResearch,
  cases,
  caseTombstones,
  deletionProposals,
  disclosures,
  meetingActions,
  meetingCaseNotes,
  users,
  type DeletionReason,
} from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { isPastRetention, retentionEnds } from "~/server/domain/reports/retention-schedule";
import { AppError } from "~/server/errors";
import { forgetReportFacts } from "./reports";
import { getSettings } from "./settings";
import type { SessionUser } from "./sessions";

/**
 * Closed cases past the MARAC's retention period, with any pending proposal to delete them. Case
 * numbers and dates only: the reviewer opens the case itself (logged as any view) if they need to.
 */
export function retentionSchedule(db: Db, now: Date) {
  const { retentionMonths } = getSettings(db);
  const pending = new Map(
    db
      .select({ id: deletionProposals.id, caseId: deletionProposals.caseId, caseNumber: deletionProposals.caseNumber, reason: deletionProposals.reason, proposedAt: deletionProposals.proposedAt, proposedByUserId: deletionProposals.proposedByUserId, proposedByName: users.name })
      .from(deletionProposals)
      .innerJoin(users, eq(users.id, deletionProposals.proposedByUserId))
      .where(eq(deletionProposals.status, "pending"))
      .all()
      .map((p) => [p.caseId, p]),
  );
  const closed = db
    .select({ id: cases.id, caseNumber: cases.caseNumber, referralDate: cases.referralDate, closedAt: cases.closedAt })
    .from(cases)
    .where(and(eq(cases.status, "closed"), isNotNull(cases.closedAt)))
    .orderBy(asc(cases.closedAt))
    .all();
  const due = closed.flatMap((c) => (c.closedAt && isPastRetention(c.closedAt, retentionMonths, now) ? [{ ...c, closedAt: c.closedAt, keptUntil: retentionEnds(c.closedAt, retentionMonths) }] : []));
  return { retentionMonths, due: due.map((c) => ({ ...c, proposal: pending.get(c.id) ?? null })), erasureRequests: [...pending.values()].filter((p) => p.reason === "erasure_request" && !due.some((c) => c.id === p.caseId)) };
}

/** A chair proposes deleting a closed case. Past its retention period unless it is an erasure request. */
export function proposeDeletion(db: Db, user: SessionUser, input: { caseId: string; reason: DeletionReason }, now: Date): { id: number } {
  return db.transaction((tx) => {
    const row = tx.select({ id: cases.id, caseNumber: cases.caseNumber, status: cases.status, closedAt: cases.closedAt }).from(cases).where(eq(cases.id, input.caseId)).get();
    if (!row) throw new AppError("NOT_FOUND", "There is no such case.");
    if (row.status !== "closed" || !row.closedAt) throw new AppError("BAD_REQUEST", `${row.caseNumber} is not closed. Only closed cases can be deleted.`);
    const { retentionMonths } = getSettings(db);
    if (input.reason === "retention_period_ended" && !isPastRetention(row.closedAt, retentionMonths, now)) {
      throw new AppError("BAD_REQUEST", `${row.caseNumber} is kept until ${retentionEnds(row.closedAt, retentionMonths).toISOString().slice(0, 10)} under the MARAC's retention period.`);
    }
    if (tx.select({ id: deletionProposals.id }).from(deletionProposals).where(and(eq(deletionProposals.caseId, row.id), eq(deletionProposals.status, "pending"))).get()) {
      throw new AppError("CONFLICT", `Deleting ${row.caseNumber} has already been proposed and waits for a second person.`);
    }
    const created = tx
      .insert(deletionProposals)
      .values({ caseId: row.id, caseNumber: row.caseNumber, reason: input.reason, proposedByUserId: user.id, proposedAt: now, status: "pending" })
      .returning({ id: deletionProposals.id })
      .get();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "retention.proposed", targetType: "case", targetId: row.id, details: { proposalId: created.id, reason: input.reason } });
    return created;
  });
}

/**
 * A second chair or coordinator (never the proposer) approves or rejects. Approval deletes the
 * case's content from every table in one transaction (`deleteCaseContent`), then vacuums the
 * database and checkpoints the WAL so that no page of it is left in either file.
 */
export function decideDeletion(db: Db, user: SessionUser, input: { proposalId: number; approve: boolean }, now: Date): { deleted: boolean } {
  const deleted = db.transaction((tx) => {
    const p = tx.select().from(deletionProposals).where(eq(deletionProposals.id, input.proposalId)).get();
    if (!p || p.status !== "pending") throw new AppError("NOT_FOUND", "There is no such proposal waiting for a decision.");
    if (p.proposedByUserId === user.id) throw new AppError("FORBIDDEN", "A second person must decide: you proposed this deletion.");
    tx.update(deletionProposals).set({ status: input.approve ? "approved" : "rejected", decidedByUserId: user.id, decidedAt: now }).where(eq(deletionProposals.id, p.id)).run();
    if (!input.approve) {
      writeAudit(tx, { at: now, actorUserId: user.id, action: "retention.rejected", targetType: "case", targetId: p.caseId, details: { proposalId: p.id } });
      return false;
    }
    const row = tx.select({ id: cases.id, caseNumber: cases.caseNumber, referralDate: cases.referralDate, closedAt: cases.closedAt, status: cases.status }).from(cases).where(eq(cases.id, p.caseId)).get();
    if (!row) throw new AppError("NOT_FOUND", "The case no longer exists.");
    if (row.status !== "closed") throw new AppError("BAD_REQUEST", `${row.caseNumber} has been reopened since the deletion was proposed.`);
    tx.insert(caseTombstones)
      .values({ caseId: row.id, caseNumber: row.caseNumber, referralDate: row.referralDate, closedAt: row.closedAt, deletedAt: now, reason: p.reason, proposedByUserId: p.proposedByUserId, approvedByUserId: user.id })
      .run();
    const removed = deleteCaseContent(tx, row.id);
    forgetReportFacts(row.id);
    writeAudit(tx, { at: now, actorUserId: user.id, action: "case.deleted", targetType: "case", targetId: row.id, details: { proposalId: p.id, reason: p.reason, ...removed } });
    return true;
  });
  if (deleted) compactDatabase(db);
  return { deleted };
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Every table that holds a case's content. Rows keyed to the case without ON DELETE CASCADE are
 * deleted here; `cases` cascades to the victim, perpetrators, household, Dash answers, narrative,
 * victim's views, name tokens, revisions, removed suggestions, repeat links and risk flags.
 * Referral drafts are deleted when submitted, so none belongs to a case. The disclosure log keeps
 * its rows (who saw the case, when, as whom) without the tags shown or the purpose (decision 046).
 */
function deleteCaseContent(tx: Tx, caseId: string) {
  const count = (r: { changes: number }) => r.changes;
  return {
    actions: count(tx.delete(meetingActions).where(eq(meetingActions.caseId, caseId)).run()),
    research: count(tx.delete(caseResearch).where(eq(caseResearch.caseId, caseId)).run()),
    minutesNotes: count(tx.delete(meetingCaseNotes).where(eq(meetingCaseNotes.caseId, caseId)).run()),
    agendaItems: count(tx.delete(agendaItems).where(eq(agendaItems.caseId, caseId)).run()),
    disclosuresEmptied: count(tx.update(disclosures).set({ tagsShown: "", purpose: null }).where(eq(disclosures.caseId, caseId)).run()),
    cases: count(tx.delete(cases).where(eq(cases.id, caseId)).run()),
  };
}

/** Rewrites the database without the freed pages and empties the WAL, so deleted content is in neither file. */
function compactDatabase(db: Db): void {
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.exec("VACUUM");
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
}

/** Deleted cases: the tombstones, newest first, with who proposed and approved. */
export function listTombstones(db: Db) {
  const rows = db.select().from(caseTombstones).orderBy(desc(caseTombstones.deletedAt)).all();
  const ids = [...new Set(rows.flatMap((r) => [r.proposedByUserId, r.approvedByUserId]))];
  const names = new Map(ids.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)).all().map((u) => [u.id, u.name]) : []);
  return rows.map((r) => ({ ...r, proposedBy: names.get(r.proposedByUserId) ?? "", approvedBy: names.get(r.approvedByUserId) ?? "" }));
}
