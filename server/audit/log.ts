import { auditLog } from "~/db/schema";
import type { Db } from "~/db/client";

export type AuditAction =
  | "sign_in.success"
  | "sign_in.failure"
  | "sign_in.locked_out"
  | "sign_in.refused_locked"
  | "sign_out"
  | "session.ended"
  | "password.changed"
  | "agency.created"
  | "agency.updated"
  | "user.created"
  | "user.updated"
  | "user.password_reset"
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
  | "report.viewed"
  | "report.exported"
  | "retention.proposed"
  | "retention.rejected"
  | "case.deleted";

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

type DbOrTx = Pick<Db, "insert">;

/** Appends one entry. Pass the transaction when the audited change is in one, so both commit together. */
export function writeAudit(db: DbOrTx, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      at: entry.at,
      actorUserId: entry.actorUserId ?? null,
      actorEmail: entry.actorEmail ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      details: entry.details ?? null,
    })
    .run();
}
