import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

export const IMPORT_JOB_STATUSES = ["running", "imported", "refused", "failed", "interrupted"] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/**
 * One import of a referrals file from the admin page, run off the request thread (decision 064).
 * Counts only: no case content, no names, no problems' wording (those stay in the server's memory
 * for the admin who started it). `done` is stored when the import ends; while it runs the
 * progress is kept in memory, since the import's one transaction holds the write lock.
 */
export const importJobs = sqliteTable("import_jobs", {
  id: text("id").primaryKey(),
  startedByUserId: text("started_by_user_id").references(() => users.id),
  startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
  total: integer("total").notNull(),
  done: integer("done").notNull().default(0),
  status: text("status", { enum: IMPORT_JOB_STATUSES }).notNull(),
  finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  importedCount: integer("imported_count").notNull().default(0),
  problemCount: integer("problem_count").notNull().default(0),
});
