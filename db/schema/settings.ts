import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
  version: integer("version").notNull().default(1),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});
