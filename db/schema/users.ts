import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ROLES } from "../../server/domain/roles";
import { agencies } from "./agencies";

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    name: text("name").notNull(),
    /** Stored lower-cased and trimmed, so sign-in is case-insensitive. */
    email: text("email").notNull().unique(),
    agencyId: text("agency_id").notNull().references(() => agencies.id),
    role: text("role", { enum: ROLES }).notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    passwordHash: text("password_hash").notNull(),
    passwordChangedAt: integer("password_changed_at", { mode: "timestamp_ms" }).notNull(),
    /**
     * Set when the password is a one-time password from an approved reset or a new account: it
     * works for one sign-in, after which the user must choose their own before doing anything else.
     */
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    /** The approved privileged change that set the one-time password, to tell the user who and when. */
    passwordSetByChangeId: text("password_set_by_change_id"),
    /** The authenticator (TOTP) secret, sealed with the app cipher; null until enrolment is confirmed. */
    totpSecret: text("totp_secret"),
    /** A secret shown for enrolment and not yet confirmed with a code. */
    totpPendingSecret: text("totp_pending_secret"),
    /** The last 30-second step a code was accepted for: a code is never accepted twice. */
    totpLastStep: integer("totp_last_step"),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("users_agency_idx").on(t.agencyId)],
);
