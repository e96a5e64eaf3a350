import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { IE_ITEM_KEYS, type IeItem } from "../../server/domain/policy/overrides";
import { ROLES } from "../../server/domain/roles";
import { agencies } from "./agencies";
import { cases } from "./cases";
import { users } from "./users";

const ieItems = IE_ITEM_KEYS as [IeItem, ...IeItem[]];

/**
 * Overrides (design.md section 6): a case holder records sharing one category of one case with
 * one agency, until an end date; it takes effect when the approvals it needs are in
 * (`approved_at`), stops by itself after `end_date`, or when revoked. Reasons are sealed tagged
 * text (sealed-values PLACES), read by case holders through the projection. Deleting the case
 * deletes its overrides.
 */
export const caseOverrides = sqliteTable(
  "case_overrides",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    agencyId: text("agency_id").notNull().references(() => agencies.id),
    /** The category shared, sealed like an action's tags (decision 037): it says what the case holds. */
    tag: text("tag").notNull(),
    reasonSealed: text("reason_sealed").notNull(),
    /** The MARAC meeting or decision reference: letters, digits and simple punctuation only. */
    decisionRef: text("decision_ref").notNull(),
    /** The last day it works (YYYY-MM-DD). */
    endDate: text("end_date").notNull(),
    /** Immigration Enforcement only: the independent third-party route was considered first and is not enough. */
    thirdPartyConsidered: integer("third_party_considered", { mode: "boolean" }).notNull().default(false),
    recordedByUserId: text("recorded_by_user_id").notNull().references(() => users.id),
    recordedAt: integer("recorded_at", { mode: "timestamp_ms" }).notNull(),
    approvedAt: integer("approved_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    revokedByUserId: text("revoked_by_user_id").references(() => users.id),
    revokeReasonSealed: text("revoke_reason_sealed"),
  },
  (t) => [index("case_overrides_case_idx").on(t.caseId), index("case_overrides_effect_idx").on(t.approvedAt, t.revokedAt, t.endDate)],
);

/** Each approval of an override: who, in which role, when. The recorder never appears here. */
export const caseOverrideApprovals = sqliteTable(
  "case_override_approvals",
  {
    overrideId: text("override_id").notNull().references(() => caseOverrides.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id),
    role: text("role", { enum: ROLES }).notNull(),
    approvedAt: integer("approved_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.overrideId, t.userId] })],
);

/**
 * What an override to Immigration Enforcement covers, in the seed's tiers: basic items go by
 * default; each additional item carries her view (or why it could not be obtained) and a note on
 * why sharing it is proportionate. Both notes are sealed tagged text.
 */
export const caseOverrideItems = sqliteTable(
  "case_override_items",
  {
    overrideId: text("override_id").notNull().references(() => caseOverrides.id, { onDelete: "cascade" }),
    item: text("item", { enum: ieItems }).notNull(),
    /** Her view (ITEM_VIEWS), sealed: what she said is case content. */
    victimView: text("victim_view"),
    viewNoteSealed: text("view_note_sealed"),
    proportionalitySealed: text("proportionality_sealed"),
  },
  (t) => [primaryKey({ columns: [t.overrideId, t.item] })],
);

/**
 * "Tell the victim": one task per override that took effect, for the IDVA, due a week later.
 * Completed as told, or as not safe to tell her yet, with a sealed note saying how or why.
 */
export const victimTasks = sqliteTable(
  "victim_tasks",
  {
    overrideId: text("override_id").primaryKey().references(() => caseOverrides.id, { onDelete: "cascade" }),
    caseId: text("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    dueDate: text("due_date").notNull(),
    status: text("status", { enum: ["open", "told", "not_safe"] }).notNull(),
    noteSealed: text("note_sealed"),
    completedByUserId: text("completed_by_user_id").references(() => users.id),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("victim_tasks_status_idx").on(t.status, t.dueDate)],
);
