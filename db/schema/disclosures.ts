import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The disclosure log (DPA 2018 s.62 style): every view and export of a case, by whom, as which
 * agency, through which surface, which tags were shown and withheld, under which policy version,
 * and why. Append-only: the migration adds triggers that refuse UPDATE and DELETE. Views by
 * chairs and coordinators are logged the same way (`consultation`), as their consultation log.
 */
export const disclosures = sqliteTable(
  "disclosures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    caseId: text("case_id").notNull(),
    userId: text("user_id").notNull(),
    userName: text("user_name").notNull(),
    role: text("role").notNull(),
    agencyId: text("agency_id").notNull(),
    agencyName: text("agency_name").notNull(),
    agencyType: text("agency_type").notNull(),
    surface: text("surface").notNull(),
    /** Sealed: a tag is listed only if the case holds something of that kind. */
    tagsShown: text("tags_shown").notNull(),
    /** Every tag the viewer's agency may not see, whatever the case holds: from the policy alone. */
    tagsWithheld: text("tags_withheld", { mode: "json" }).$type<string[]>().notNull(),
    policyVersion: integer("policy_version").notNull(),
    /** Sealed tagged text: a purpose may be typed by the reader. */
    purpose: text("purpose"),
    consultation: integer("consultation", { mode: "boolean" }).notNull(),
  },
  (t) => [index("disclosures_case_idx").on(t.caseId, t.at), index("disclosures_agency_idx").on(t.agencyId, t.at)],
);
