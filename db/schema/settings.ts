import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * What the chair reads before the first case (domain.md 1.6 and 1.7, after the SafeLives
 * confidentiality statement); each MARAC may word its own in its settings.
 */
export const DEFAULT_CONFIDENTIALITY_STATEMENT =
  "This meeting shares information about victims at high risk of serious harm or murder from domestic abuse, to agree a safety plan for each. " +
  "Everything discussed here is confidential and must not be shared outside the meeting. " +
  "Information shared here must not be passed to anyone else without the agreement of the agency that shared it. " +
  "Minutes and papers must be kept confidential and appropriately restricted, and must not be copied or shared without the agreement of the agencies concerned. " +
  "The MARAC is not an agency: responsibility for each action stays with the agency that agrees to it.";

/** The MARAC area's settings: one row (id 1). Thresholds are local decisions (design.md section 2). */
export const maracSettings = sqliteTable("marac_settings", {
  id: integer("id").primaryKey(),
  name: text("name").notNull(),
  /** Letters before case numbers, e.g. "NS" gives NS-2026-0042. */
  caseNumberPrefix: text("case_number_prefix").notNull().default("MARAC"),
  dashThreshold: integer("dash_threshold").notNull().default(14),
  escalationIncidents: integer("escalation_incidents").notNull().default(3),
  repeatWindowMonths: integer("repeat_window_months").notNull().default(12),
  retentionMonths: integer("retention_months").notNull().default(72),
  /** Adult (16+) female population the MARAC covers, for cases per 10,000 in the data return. */
  adultFemalePopulation: integer("adult_female_population"),
  /** Read by the chair and confirmed before the first case; written by the admin, never case content. */
  confidentialityStatement: text("confidentiality_statement").notNull().default(DEFAULT_CONFIDENTIALITY_STATEMENT),
  version: integer("version").notNull().default(1),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});
