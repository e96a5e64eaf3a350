import { desc, isNotNull } from "drizzle-orm";
import { auditLog } from "~/db/schema";
import type { Db } from "~/db/client";
import { entryHash, GENESIS_HASH } from "./chain";

export type AuditAction =
  | "sign_in.success"
  | "sign_in.second_factor"
  | "two_factor.enrolled"
  | "user.sessions_ended"
  | "sign_in.sso"
  | "sign_in.sso_refused"
  | "agency.identity_provider_removed"
  | "sign_in.failure"
  | "sign_in.locked_out"
  | "sign_in.refused_locked"
  | "sign_in.refused_throttled"
  | "sign_out"
  | "session.ended"
  | "password.changed"
  | "agency.created"
  | "agency.updated"
  | "user.created"
  | "user.updated"
  | "user.password_reset"
  | "user.one_time_password_used"
  | "change.proposed"
  | "change.approved"
  | "change.rejected"
  | "settings.updated"
  | "cases.imported"
  | "case.updated"
  | "case.status_changed"
  | "case.suggestion_removed"
  | "referral.submitted"
  | "referral.accepted"
  | "referral.declined"
  | "repeat.confirmed"
  | "repeat.rejected"
  | "flag.added"
  | "flag.withdrawn"
  | "meeting.created"
  | "meeting.updated"
  | "agenda.case_added"
  | "agenda.case_removed"
  | "agenda.reordered"
  | "agenda.published"
  | "action.created"
  | "action.status_changed"
  | "research.saved"
  | "meeting.recorded"
  | "meeting.case_notes_saved"
  | "meeting.case_timer_started"
  | "meeting.case_completed"
  | "meeting.case_reopened"
  | "text.reviewed"
  | "report.viewed"
  | "report.exported"
  | "retention.proposed"
  | "retention.rejected"
  | "case.deleted"
  | "override.recorded"
  | "override.approved"
  | "override.revoked"
  | "victim_task.completed";

export type AuditEntry = {
  at: Date;
  actorUserId?: string | null;
  actorEmail?: string | null;
  action: AuditAction;
  targetType?: "user" | "agency" | "settings" | "session" | "case" | "meeting" | "report" | null;
  targetId?: string | null;
  /** Field names, ids and outcomes only: never passwords, hashes or restricted values. */
  details?: Record<string, unknown> | null;
};

type DbOrTx = Pick<Db, "insert" | "select">;

/**
 * Appends one entry, chained to the last one (decision 035). Pass the transaction when the audited
 * change is in one, so both commit together. better-sqlite3 is synchronous, so nothing in this
 * process runs between reading the head and appending; a writer in another process that raced us
 * would reuse the same predecessor, which the unique index on prev_hash refuses.
 */
export function writeAudit(db: DbOrTx, entry: AuditEntry): void {
  const fields = {
    at: entry.at,
    actorUserId: entry.actorUserId ?? null,
    actorEmail: entry.actorEmail ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? null,
  };
  const head = db.select({ hash: auditLog.hash }).from(auditLog).where(isNotNull(auditLog.hash)).orderBy(desc(auditLog.id)).limit(1).get();
  const prevHash = head?.hash ?? GENESIS_HASH;
  // Drizzle stores a JSON column as JSON.stringify of the value: hash that same text.
  const hash = entryHash(prevHash, { ...fields, at: fields.at.getTime(), details: fields.details === null ? null : JSON.stringify(fields.details) });
  db.insert(auditLog).values({ ...fields, prevHash, hash }).run();
}
