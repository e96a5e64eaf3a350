import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Append-only audit log. The migration adds triggers that refuse UPDATE and DELETE, so the
 * application cannot rewrite history. `details` holds field names and ids, never passwords
 * or restricted values.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorUserId: text("actor_user_id"),
    /** For sign-in events the email typed; kept so that attacks on an address can be reviewed. */
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_target_idx").on(t.targetType, t.targetId)],
);
