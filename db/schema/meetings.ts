import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { agencies } from "./agencies";
import { cases } from "./cases";
import { users } from "./users";

/** A MARAC meeting. The agenda becomes visible to invited agencies when it is published. */
export const meetings = sqliteTable(
  "meetings",
  {
    id: text("id").primaryKey(),
    date: text("date").notNull(),
    time: text("time").notNull(),
    /** A room, or the online meeting's name; never a link with credentials. */
    venue: text("venue").notNull(),
    online: integer("online", { mode: "boolean" }).notNull(),
    chairUserId: text("chair_user_id").notNull().references(() => users.id),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    /** The day agencies' research is due (ISO date); null: two working days before the meeting (researchDeadline). */
    researchDeadline: text("research_deadline"),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("meetings_date_idx").on(t.date)],
);

/** Member agencies invited to a meeting. Immigration Enforcement never is (service rule). */
export const meetingInvitations = sqliteTable(
  "meeting_invitations",
  {
    meetingId: text("meeting_id").notNull().references(() => meetings.id, { onDelete: "cascade" }),
    agencyId: text("agency_id").notNull().references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.agencyId] }), index("meeting_invitations_agency_idx").on(t.agencyId)],
);

/** Cases on a meeting's agenda; `position` is the coordinator's order within its group. */
export const agendaItems = sqliteTable(
  "agenda_items",
  {
    meetingId: text("meeting_id").notNull().references(() => meetings.id, { onDelete: "cascade" }),
    caseId: text("case_id").notNull().references(() => cases.id),
    position: integer("position").notNull(),
    addedAt: integer("added_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.caseId] }), uniqueIndex("agenda_items_case_idx").on(t.caseId, t.meetingId)],
);

/** Changes to an agenda after it was published, shown to invited agencies as such. */
export const agendaChanges = sqliteTable(
  "agenda_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: text("meeting_id").notNull().references(() => meetings.id, { onDelete: "cascade" }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    /** Plain English with case numbers only, e.g. "NS-2026-0042 added". */
    description: text("description").notNull(),
  },
  (t) => [index("agenda_changes_meeting_idx").on(t.meetingId, t.at)],
);

/**
 * Actions agreed at a meeting for one case, owned by one agency. The description and status note
 * are free text (sealed, sentence-tagged like any narrative); `tags` are the action's own tags (an
 * action such as "refer to specialist immigration advice" is tagged immigration), decide who may
 * see it, and are sealed as one value: they say what kind of information the case holds.
 */
export const meetingActions = sqliteTable(
  "meeting_actions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: text("meeting_id").notNull().references(() => meetings.id, { onDelete: "cascade" }),
    caseId: text("case_id").notNull().references(() => cases.id),
    descriptionSealed: text("description_sealed").notNull(),
    /** Sealed JSON list of tags (server/cases/sealed-values.ts). */
    tags: text("tags").notNull(),
    owningAgencyId: text("owning_agency_id").notNull().references(() => agencies.id),
    ownerName: text("owner_name").notNull(),
    dueDate: text("due_date").notNull(),
    status: text("status", { enum: ["open", "done", "not_possible", "not_done"] }).notNull(),
    statusNoteSealed: text("status_note_sealed"),
    /** The agency of whoever wrote the status note: it reads the note before review (decision 042). */
    statusNoteAgencyId: text("status_note_agency_id").references(() => agencies.id),
    createdByUserId: text("created_by_user_id").notNull().references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("meeting_actions_agency_idx").on(t.owningAgencyId, t.status), index("meeting_actions_case_idx").on(t.caseId)],
);

/**
 * An agency's research on a case before a meeting (domain.md 1.5): what it holds that is relevant
 * and proportionate, and what it holds but chose not to share and why. Both are free text, sealed
 * and sentence-tagged; other agencies see the first only through the projection, the second never.
 */
export const caseResearch = sqliteTable(
  "case_research",
  {
    meetingId: text("meeting_id").notNull().references(() => meetings.id, { onDelete: "cascade" }),
    caseId: text("case_id").notNull().references(() => cases.id),
    agencyId: text("agency_id").notNull().references(() => agencies.id),
    sharedSealed: text("shared_sealed").notNull(),
    withheldSealed: text("withheld_sealed").notNull(),
    updatedByUserId: text("updated_by_user_id").notNull().references(() => users.id),
    version: integer("version").notNull().default(1),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    /** When the research was first submitted: after the meeting's research deadline it is marked late. */
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.caseId, t.agencyId] })],
);

/** What the chair records of the meeting itself: attendance and apologies, and the confidentiality statement. */
export const meetingRecords = sqliteTable("meeting_records", {
  meetingId: text("meeting_id").primaryKey().references(() => meetings.id, { onDelete: "cascade" }),
  confidentialityAgreed: integer("confidentiality_agreed", { mode: "boolean" }).notNull().default(false),
  /** Who confirmed the statement was read and agreed, and when. */
  statementConfirmedByUserId: text("statement_confirmed_by_user_id").references(() => users.id),
  statementConfirmedAt: integer("statement_confirmed_at", { mode: "timestamp_ms" }),
  /** Per invited agency whose attendance is recorded: attended, apologies or absent, with the names of those present. */
  attendance: text("attendance", { mode: "json" }).$type<{ agencyId: string; status: "attended" | "apologies" | "absent"; names: string }[]>().notNull(),
  version: integer("version").notNull().default(1),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * One case at a meeting: the discussion, the chair's summary of risks and the safety plan agreed
 * (free text, sealed and sentence-tagged), the timer's start and when the case was completed.
 */
export const meetingCaseNotes = sqliteTable(
  "meeting_case_notes",
  {
    meetingId: text("meeting_id").notNull().references(() => meetings.id, { onDelete: "cascade" }),
    caseId: text("case_id").notNull().references(() => cases.id),
    discussionSealed: text("discussion_sealed").notNull(),
    risksSealed: text("risks_sealed").notNull(),
    /** Null until the chair writes one. */
    safetyPlanSealed: text("safety_plan_sealed"),
    minutesTaken: integer("minutes_taken"),
    /** Kept on the server so the timer survives a reload. */
    timerStartedAt: integer("timer_started_at", { mode: "timestamp_ms" }),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.caseId] })],
);
