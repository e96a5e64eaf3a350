import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { agencies } from "./agencies";
import { privilegedChanges } from "./privileged-changes";

/**
 * An agency's own OpenID Connect identity provider (decision 063): its staff sign in through it.
 * Set only by an approved two-person change; the client secret is sealed, bound to this row.
 */
export const agencyIdentityProviders = sqliteTable("agency_identity_providers", {
  agencyId: text("agency_id").primaryKey().references(() => agencies.id),
  /** The issuer URL, exactly as the provider's discovery document and ID tokens name it. */
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  /** Sealed with the app cipher (place `agency_identity_providers:<agencyId>:client_secret`). */
  clientSecret: text("client_secret").notNull(),
  /** Lower-case email domains whose users this provider may sign in, e.g. ["northshire.police.uk"]. */
  allowedDomains: text("allowed_domains", { mode: "json" }).$type<string[]>().notNull(),
  /** The approved proposal that set it. */
  changeId: text("change_id").notNull().references(() => privilegedChanges.id),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});
