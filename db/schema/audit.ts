import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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
    /**
     * The signed-in actor's email. Failed sign-ins never store what was typed (it may be a password
     * typed into the wrong box): they carry a keyed digest in details, and the user id if it matched.
     */
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    /** Tamper evidence (decision 035): SHA-256 over this entry and the previous entry's hash. */
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_target_idx").on(t.targetType, t.targetId),
    // Two entries chained to the same predecessor would fork the chain: refuse the second.
    uniqueIndex("audit_log_prev_hash_idx").on(t.prevHash),
  ],
);
