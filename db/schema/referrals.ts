import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { agencies } from "./agencies";
import { cases } from "./cases";
import { users } from "./users";

/**
 * A referral being written. The whole draft is sealed as one value (it holds restricted details
 * and free text). Visible to its author and their agency's chairs and coordinators.
 */
export const referralDrafts = sqliteTable(
  "referral_drafts",
  {
    id: text("id").primaryKey(),
    authorId: text("author_id").notNull().references(() => users.id),
    agencyId: text("agency_id").notNull().references(() => agencies.id),
    sealed: text("sealed").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("referral_drafts_author_idx").on(t.authorId), index("referral_drafts_agency_idx").on(t.agencyId)],
);

/** Earlier referrals of the same victim: certain matches, and possible ones for the coordinator to decide. */
export const caseRepeatLinks = sqliteTable(
  "case_repeat_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: text("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    earlierCaseId: text("earlier_case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["match", "possible"] }).notNull(),
    status: text("status", { enum: ["confirmed", "pending", "rejected"] }).notNull(),
    reason: text("reason").notNull(),
    decidedByUserId: text("decided_by_user_id").references(() => users.id),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("case_repeat_links_case_idx").on(t.caseId)],
);

/**
 * Risk-factor flags on a case (issue 5). A flag carries the tags of its risk factor and is shown
 * only to viewers who may see them. The factor is sealed (a flag "immigration status abuse" or a
 * health factor is itself a restricted fact); the note and withdrawal reason are sealed tagged text.
 */
export const caseRiskFlags = sqliteTable(
  "case_risk_flags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: text("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    /** Sealed risk-factor id. */
    factorId: text("factor_id").notNull(),
    noteSealed: text("note_sealed").notNull(),
    flaggedByUserId: text("flagged_by_user_id").notNull().references(() => users.id),
    flaggedAt: integer("flagged_at", { mode: "timestamp_ms" }).notNull(),
    withdrawnByUserId: text("withdrawn_by_user_id").references(() => users.id),
    withdrawnAt: integer("withdrawn_at", { mode: "timestamp_ms" }),
    withdrawReasonSealed: text("withdraw_reason_sealed"),
  },
  (t) => [index("case_risk_flags_case_idx").on(t.caseId)],
);
