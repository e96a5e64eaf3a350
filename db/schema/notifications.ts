import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { NOTIFICATION_KINDS } from "../../server/domain/notifications";
import { cases } from "./cases";
import { users } from "./users";

/**
 * In-app notifications, one row per recipient (decision 057). No free text: the sentence is built
 * from the kind, a case number the recipient may see, and dates when it is read. A notification
 * about a case goes with the case when retention deletes it (the foreign key cascades).
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id").notNull().references(() => users.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    caseId: text("case_id").references(() => cases.id, { onDelete: "cascade" }),
    /** Only where the recipient may open the case; otherwise null. */
    caseNumber: text("case_number"),
    meetingDate: text("meeting_date"),
    dueDate: text("due_date"),
    /** A path on this site, built by the server. */
    link: text("link").notNull(),
    /** What the notification is about, so raising it twice (due dates, on every visit) adds nothing. */
    dedupeKey: text("dedupe_key").notNull(),
    /** Emails go only for events (not for what is raised on a visit), once, after the event commits. */
    emailState: text("email_state", { enum: ["none", "pending", "sent"] }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("notifications_user_key_idx").on(t.userId, t.dedupeKey), index("notifications_user_idx").on(t.userId, t.readAt), index("notifications_email_idx").on(t.emailState, t.createdAt)],
);
