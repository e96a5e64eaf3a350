import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { AGENCY_TYPES } from "../../server/domain/agency-types";

export const agencies = sqliteTable(
  "agencies",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    name: text("name").notNull().unique(),
    type: text("type", { enum: AGENCY_TYPES }).notNull(),
    /** Whether the agency sits at MARAC. Immigration Enforcement never does: the service refuses it and so does the CHECK. */
    isMaracMember: integer("is_marac_member", { mode: "boolean" }).notNull().default(true),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("agencies_type_idx").on(t.type),
    check("agencies_ie_not_member", sql`NOT (${t.type} = 'immigration_enforcement' AND ${t.isMaracMember} = 1)`),
  ],
);
