import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

/**
 * Server-side record of each signed-in session. The JWT cookie carries only its id, so sign-out,
 * idle and absolute timeouts and deactivation are decided here on every request.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
    endReason: text("end_reason", { enum: ["signed_out", "idle", "expired", "deactivated", "password_changed", "ended_by_user", "ended_by_admin", "second_factor_locked"] }),
    /** The browser's User-Agent header at sign-in (cut to 300 characters), summarised on the sessions page. */
    userAgent: text("user_agent"),
    /** Password checked, authenticator code not yet: only the second-factor step is allowed (decision 051). */
    secondFactorPending: integer("second_factor_pending", { mode: "boolean" }).notNull().default(false),
    /** When this session last proved the second factor; sensitive actions need it within 15 minutes. */
    secondFactorAt: integer("second_factor_at", { mode: "timestamp_ms" }),
    /** How the session signed in: a password here, or the agency's identity provider (decision 063). */
    signInMethod: text("sign_in_method", { enum: ["password", "sso"] }).notNull().default("password"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Failed (and in-flight) sign-ins, keyed by a keyed digest of the normalised email typed (not the
 * user id, and never the text itself), so that lock-out behaves the same for addresses that exist
 * and addresses that do not. The column keeps its first name; it holds the digest.
 */
export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sign_in_failures_email_at_idx").on(t.email, t.at)],
);

export const signInLocks = sqliteTable("sign_in_locks", {
  email: text("email").primaryKey(),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }).notNull(),
});

/**
 * Failed (and in-flight) sign-ins per client address (a keyed digest of it), for the per-address
 * throttle that stops one address trying many accounts (decision 034).
 */
export const signInAddressFailures = sqliteTable(
  "sign_in_address_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    address: text("address").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sign_in_address_failures_address_at_idx").on(t.address, t.at)],
);

/**
 * Recovery codes for a user's authenticator (decision 051): keyed digests only, each usable once.
 * Replaced as a set whenever the user enrols again.
 */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id").notNull().references(() => users.id),
    digest: text("digest").notNull().unique(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);
