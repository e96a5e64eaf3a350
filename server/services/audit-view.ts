import { count, desc, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { auditLog, users } from "~/db/schema";

export const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first, with the actor's name where there is one. */
export function listAudit(db: Db, page: number) {
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorName: users.name,
      actorEmail: auditLog.actorEmail,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(auditLog.actorUserId, users.id))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  const total = db.select({ n: count() }).from(auditLog).get()?.n ?? 0;
  return { rows: rows.map((r) => ({ ...r, details: r.details ? JSON.stringify(r.details) : null })), total, page, pageSize: AUDIT_PAGE_SIZE };
}
