import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

export const DELETION_REASONS = ["retention_period_ended", "erasure_request"] as const;
export type DeletionReason = (typeof DELETION_REASONS)[number];

/**
 * A chair's proposal to delete a closed case, decided by a second chair or coordinator (never the
 * proposer). The reason is chosen from a list, never typed, so no free text sits here. No foreign
 * key to the case: the proposal outlives it as part of the deletion's record.
 */
export const deletionProposals = sqliteTable(
  "deletion_proposals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: text("case_id").notNull(),
    caseNumber: text("case_number").notNull(),
    reason: text("reason", { enum: DELETION_REASONS }).notNull(),
    proposedByUserId: text("proposed_by_user_id").notNull().references(() => users.id),
    proposedAt: integer("proposed_at", { mode: "timestamp_ms" }).notNull(),
    status: text("status", { enum: ["pending", "approved", "rejected"] }).notNull(),
    decidedByUserId: text("decided_by_user_id").references(() => users.id),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("deletion_proposals_case_idx").on(t.caseId, t.status)],
);

/** What remains of a deleted case: when it was referred, closed and deleted, why, and by whose decision. */
export const caseTombstones = sqliteTable("case_tombstones", {
  caseId: text("case_id").primaryKey(),
  caseNumber: text("case_number").notNull(),
  referralDate: text("referral_date").notNull(),
  closedAt: integer("closed_at", { mode: "timestamp_ms" }),
  deletedAt: integer("deleted_at", { mode: "timestamp_ms" }).notNull(),
  reason: text("reason", { enum: DELETION_REASONS }).notNull(),
  proposedByUserId: text("proposed_by_user_id").notNull().references(() => users.id),
  approvedByUserId: text("approved_by_user_id").notNull().references(() => users.id),
});
