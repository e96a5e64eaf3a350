import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { AGENCY_TYPES } from "../../server/domain/agency-types";
import type { Tag } from "../../server/domain/tags";
import { agencies } from "./agencies";
import { privilegedChanges } from "./privileged-changes";
import { users } from "./users";

/**
 * Stored versions of the sharing policy (design.md section 4), append-only (migration triggers).
 * Version 1 is the built-in default (DEFAULT_POLICY) and is not stored; each approved change adds
 * a whole new version, so the rows of any version read back as a complete policy. The latest
 * version is the one in force, from `in_force_from`.
 */
export const policyVersions = sqliteTable("policy_versions", {
  /** Random id: the in-process cache is keyed by it, so two databases never share an entry. */
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  version: integer("version").notNull().unique(),
  /** The privileged change (decision 033) that made it: who proposed, who approved. */
  proposalId: text("proposal_id").notNull().references(() => privilegedChanges.id),
  proposedBy: text("proposed_by").notNull().references(() => users.id),
  approvedBy: text("approved_by").notNull().references(() => users.id),
  inForceFrom: integer("in_force_from", { mode: "timestamp_ms" }).notNull(),
});

/**
 * One row of a stored version: an agency type's default (agency_id null) or one agency's own row,
 * with the tags it allows. Type rows also carry the lawful basis the MARAC records for that type.
 */
export const policyRows = sqliteTable(
  "policy_rows",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    policyVersionId: text("policy_version_id").notNull().references(() => policyVersions.id),
    agencyType: text("agency_type", { enum: AGENCY_TYPES }).notNull(),
    agencyId: text("agency_id").references(() => agencies.id),
    allow: text("allow", { mode: "json" }).$type<Tag[]>().notNull(),
    lawfulBasis: text("lawful_basis"),
  },
  (t) => [index("policy_rows_version_idx").on(t.policyVersionId), uniqueIndex("policy_rows_version_agency_idx").on(t.policyVersionId, t.agencyType, t.agencyId)],
);
