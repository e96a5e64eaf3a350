import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { PRIVILEGED_CHANGE_KINDS, PRIVILEGED_CHANGE_STATUSES } from "../../server/domain/privileged-changes";
import { users } from "./users";

/**
 * Changes that widen someone's access (a role, an agency's type or membership, a new account, a
 * password reset) take two people: an admin proposes, a chair who is not the proposer approves.
 * `change` holds the proposed values only, never a password: a one-time password is generated at
 * approval and shown once to the approving chair.
 */
export const privilegedChanges = sqliteTable(
  "privileged_changes",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    kind: text("kind", { enum: PRIVILEGED_CHANGE_KINDS }).notNull(),
    targetType: text("target_type", { enum: ["user", "agency"] }).notNull(),
    /** Null for a new account until it is approved and created. */
    targetId: text("target_id"),
    change: text("change", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: PRIVILEGED_CHANGE_STATUSES }).notNull().default("pending"),
    proposedBy: text("proposed_by").notNull().references(() => users.id),
    proposedAt: integer("proposed_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("privileged_changes_status_idx").on(t.status, t.expiresAt), index("privileged_changes_target_idx").on(t.targetType, t.targetId)],
);
