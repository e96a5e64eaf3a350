import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CASE_STATUSES } from "../../server/cases/import-schema";
import { agencies } from "./agencies";
import { users } from "./users";

/**
 * The case record, one table per part. Columns hold the untagged facts agencies search and list
 * by (case number, names, dates of birth, status, score). Everything else sits in `data`
 * documents in which every value tagged immigration, safe_contact, health or sexuality, and every
 * free text, is sealed one by one (server/cases/sealing.ts): AES-256-GCM, bound to table, row,
 * field and case version.
 */
export const cases = sqliteTable(
  "cases",
  {
    id: text("id").primaryKey(),
    caseNumber: text("case_number").notNull(),
    status: text("status", { enum: CASE_STATUSES }).notNull(),
    referringAgencyId: text("referring_agency_id").references(() => agencies.id),
    referringAgencyName: text("referring_agency_name").notNull(),
    referralDate: text("referral_date").notNull(),
    dashScore: integer("dash_score").notNull(),
    acceptedAt: integer("accepted_at", { mode: "timestamp_ms" }),
    /** Triage: when and by whom the referral was accepted or declined; the decline reason is sealed. */
    triagedAt: integer("triaged_at", { mode: "timestamp_ms" }),
    triagedByUserId: text("triaged_by_user_id"),
    declineReasonSealed: text("decline_reason_sealed"),
    /** The MARAC's thresholds when the referral was scored, shown beside its criteria. */
    scoredWith: text("scored_with", { mode: "json" }).$type<{ dashThreshold: number; escalationIncidents: number; repeatWindowMonths: number }>(),
    /** When the case was closed: the retention period runs from here (docs/reports.md). */
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    isRepeat: integer("is_repeat", { mode: "boolean" }).notNull().default(false),
    hasChildren: integer("has_children", { mode: "boolean" }).notNull().default(false),
    /** referring, criteria, consent and the Dash additional considerations, sealed per value. */
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    createdByUserId: text("created_by_user_id").references(() => users.id),
  },
  (t) => [
    uniqueIndex("cases_case_number_idx").on(t.caseNumber),
    index("cases_status_idx").on(t.status, t.referralDate),
    index("cases_referring_agency_idx").on(t.referringAgencyId),
    // The case list pages by (referral date, case number): keyset pagination walks this index.
    index("cases_referral_order_idx").on(t.referralDate, t.caseNumber),
    // The quarterly return reads these per hearing from the index alone, never the row and its
    // large sealed document (decision 075).
    index("cases_report_idx").on(t.id, t.version, t.referralDate, t.isRepeat, t.referringAgencyId),
    // Referrals per month by referring agency, for the dashboards, from the index alone.
    index("cases_referrals_idx").on(t.referralDate, t.referringAgencyId, t.referringAgencyName),
  ],
);

export const caseVictims = sqliteTable(
  "case_victims",
  {
    caseId: text("case_id").primaryKey().references(() => cases.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    dateOfBirth: text("date_of_birth"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index("case_victims_dob_idx").on(t.dateOfBirth),
    // The quarterly return's unsealed victim values, read from the index alone (decision 075).
    index("case_victims_report_idx").on(t.caseId, t.dateOfBirth, sql`json_extract(${t.data}, '$.gender')`, sql`json_extract(${t.data}, '$.ethnicity')`),
  ],
);

export const casePerpetrators = sqliteTable(
  "case_perpetrators",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    dateOfBirth: text("date_of_birth"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  },
  // The date of birth in the case index lets the quarterly return count young perpetrators from the index alone (decision 075).
  (t) => [index("case_perpetrators_case_idx").on(t.caseId, t.position, t.dateOfBirth), index("case_perpetrators_dob_idx").on(t.dateOfBirth)],
);

/** Children and other household members: tagged `children` as a whole, so never searchable. */
export const caseHouseholdMembers = sqliteTable(
  "case_household_members",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index("case_household_case_idx").on(t.caseId, t.position),
    // The quarterly return counts children per case from the index alone (decision 075).
    index("case_household_children_idx").on(t.caseId, sql`json_extract(${t.data}, '$.isChild')`),
  ],
);

export const caseDashAnswers = sqliteTable(
  "case_dash_answers",
  {
    caseId: text("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    /** The answer, comment and source, sealed as the catalogue says (health questions whole). */
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.questionId] })],
);

/** The narrative and its sentence spans, sealed whole: the spans are stored with the text they describe. */
export const caseNarratives = sqliteTable("case_narratives", {
  caseId: text("case_id").primaryKey().references(() => cases.id, { onDelete: "cascade" }),
  sealed: text("sealed").notNull(),
});

export const caseVictimViews = sqliteTable("case_victim_views", {
  caseId: text("case_id").primaryKey().references(() => cases.id, { onDelete: "cascade" }),
  data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
});

/**
 * Normalised name tokens of the victim (and aliases) and perpetrators, for search. Only untagged
 * names are indexed; household members' names are tagged `children` and never appear here.
 */
export const caseNameTokens = sqliteTable(
  "case_name_tokens",
  {
    caseId: text("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    token: text("token").notNull(),
    party: text("party", { enum: ["victim", "perpetrator"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.token, t.caseId, t.party] }), index("case_name_tokens_case_idx").on(t.caseId)],
);

/**
 * Which fields each saved version changed: conflict messages name them without any value. The list
 * is sealed: "victim.immigrationStatus" in it says that the case holds an immigration status.
 */
export const caseRevisions = sqliteTable(
  "case_revisions",
  {
    caseId: text("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    userId: text("user_id").references(() => users.id),
    /** Sealed JSON list of paths. */
    changedPaths: text("changed_paths").notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.version] })],
);

/** Year-by-year counters for human case numbers (NS-2026-0042). */
export const caseNumberSequences = sqliteTable("case_number_sequences", {
  year: integer("year").primaryKey(),
  last: integer("last").notNull(),
});

/**
 * Detector suggestions a reviewer removed, with the reason. The sentence is recognised by a keyed
 * digest; the tag and the reason (tagged text) are sealed, so neither the sentence, the kind of
 * information it held nor the reason sits here in clear.
 */
export const caseSuggestionRemovals = sqliteTable(
  "case_suggestion_removals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: text("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    path: text("path").notNull(),
    sentenceDigest: text("sentence_digest").notNull(),
    /** Sealed tag. */
    tag: text("tag").notNull(),
    reasonSealed: text("reason_sealed").notNull(),
    userId: text("user_id").notNull().references(() => users.id),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("case_suggestion_removals_case_idx").on(t.caseId, t.path)],
);

/**
 * Cases whose sealed values were written before sealing bound the case version (decision 039).
 * Filled once by a migration with the cases that existed then; a case leaves it at its next
 * write, which re-seals every value bound to the new version. New cases never enter it.
 */
export const caseSealingLegacy = sqliteTable("case_sealing_legacy", {
  caseId: text("case_id").primaryKey().references(() => cases.id, { onDelete: "cascade" }),
});
