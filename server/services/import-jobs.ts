import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "~/db/client";
import { env } from "~/env";
import { importJobs, type ImportJobStatus } from "~/db/schema";
import { issuesOf, type ImportIssue } from "~/server/cases/issues";
import type { ImportWorkerData, ImportWorkerMessage } from "~/server/imports/import-worker";
import type { ImportResult } from "./case-import";
import { IMPORT_JOB_WORKER } from "~/server/workers/entries";
import { builtWorkerFile } from "~/server/workers/pool";
import type { SessionUser } from "./sessions";

/**
 * The job's thread (decision 064): under `next start`, the bundle the build wrote, like every other
 * worker; elsewhere (tests, `next dev`) a plain JavaScript entry that loads the TypeScript through
 * tsx, since a thread's own entry cannot be TypeScript on Node 20. Paths are from the repository
 * root, where every script and the server run, so Next's bundler never sees them.
 */
const jobThreadFile = () => (env.NODE_ENV === "production" ? builtWorkerFile(IMPORT_JOB_WORKER) : join(process.cwd(), "server", "imports", "worker-entry.mjs"));

/** The parts of the file checked on the request thread before a job starts: cheap, and enough to refuse most wrong files at once. */
const ZImportEnvelope = z.object({
  format: z.literal("marac-desk.referrals", { error: 'The "format" must be "marac-desk.referrals".' }),
  version: z.literal(1, { error: 'The "version" must be 1.' }),
  referrals: z
    .array(z.unknown(), { error: 'The file must have a "referrals" list.' })
    .min(1, { error: "The file has no referrals." })
    .max(50_000, { error: "Import at most 50,000 referrals at a time." }),
});

/**
 * A job in this server process: its live progress and, once finished, what the admin who started
 * it is shown. `outcome` settles when the worker has sent its result (or ended without one);
 * `finished` when the worker has ended.
 */
type LiveJob = { startedByUserId: string; done: number; saving: boolean; result?: ImportResult; outcome: Promise<void>; finished: Promise<void> };
// On globalThis: the page, the action and the API route may each hold their own copy of this module.
const registry = globalThis as unknown as { maracImportJobs?: Map<string, LiveJob> };
const live = (registry.maracImportJobs ??= new Map<string, LiveJob>());

export type ImportJobView = {
  id: string;
  status: ImportJobStatus;
  /** Checking the file (false) or saving the cases (true), while running. */
  saving: boolean;
  total: number;
  done: number;
  startedAt: Date;
  finishedAt: Date | null;
  importedCount: number;
  problemCount: number;
  /** Only for the admin who started it, and only while this server process runs. */
  caseNumbers: string[] | null;
  issues: ImportIssue[] | null;
};

/**
 * Starts importing a referrals file on a worker thread (decision 064) and returns at once with the
 * job's id. One import at a time: an import holds the database's write lock until it commits.
 */
export function startImportJob(db: Db, actor: SessionUser, document: unknown, now: Date): { ok: true; jobId: string } | { ok: false; issues: ImportIssue[] } {
  const envelope = ZImportEnvelope.safeParse(document);
  if (!envelope.success) return { ok: false, issues: issuesOf(envelope.error) };
  if (db.select({ id: importJobs.id }).from(importJobs).where(eq(importJobs.status, "running")).get()) {
    throw new TRPCError({ code: "CONFLICT", message: "Another import is still running. Wait for it to finish, then try again." });
  }
  // Found before the job's row is written: a missing bundle must not leave a "running" job that blocks every later import.
  const threadFile = jobThreadFile();
  const jobId = crypto.randomUUID();
  db.insert(importJobs).values({ id: jobId, startedByUserId: actor.id, startedAt: now, total: envelope.data.referrals.length, status: "running" }).run();

  const workerData: ImportWorkerData = { databaseFile: db.$client.name, jobId, actor, document, now: now.getTime() };
  const worker = new Worker(threadFile, { workerData });
  let sent!: () => void;
  const job: LiveJob = {
    startedByUserId: actor.id,
    done: 0,
    saving: false,
    outcome: new Promise((resolve) => (sent = resolve)),
    finished: new Promise((resolve) => {
      worker.on("message", (message: ImportWorkerMessage) => {
        if (message.kind === "progress") {
          job.saving = true;
          job.done = message.done;
        } else {
          job.result = message.result;
          sent();
        }
      });
      // The worker writes the outcome itself; a worker that ended without one failed part way, and its transaction rolled back.
      worker.on("error", (e) => console.error(`Import ${jobId} failed:`, e));
      worker.on("exit", () => {
        if (!job.result) db.update(importJobs).set({ status: "failed", finishedAt: new Date() }).where(and(eq(importJobs.id, jobId), eq(importJobs.status, "running"))).run();
        sent();
        resolve();
      });
    }),
  };
  live.set(jobId, job);
  return { ok: true, jobId };
}

/**
 * One job as the admin page shows it, or null. The worker commits the job's row before its result
 * reaches this thread, so a finished row read in between waits for the result: otherwise the
 * admin who started it would see "Imported" without the case numbers, and the page stops polling.
 */
export async function readImportJob(db: Db, viewer: SessionUser, jobId: string): Promise<ImportJobView | null> {
  const row = db.select().from(importJobs).where(eq(importJobs.id, jobId)).get();
  if (!row) return null;
  const job = live.get(jobId);
  const mine = job !== undefined && job.startedByUserId === viewer.id;
  if (mine && row.status !== "running" && !job.result) await job.outcome;
  const result = mine ? job.result : undefined;
  return {
    id: row.id,
    status: row.status,
    saving: job?.saving ?? false,
    total: row.total,
    done: row.status === "running" ? (job?.done ?? 0) : row.done,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    importedCount: row.importedCount,
    problemCount: row.problemCount,
    caseNumbers: result?.ok ? result.caseNumbers : null,
    issues: result && !result.ok ? result.issues : null,
  };
}

/** Resolves when the job's worker has ended (tests wait on it; the page polls instead). */
export async function importJobSettled(jobId: string): Promise<void> {
  await live.get(jobId)?.finished;
}

/**
 * At server start: a job still "running" belonged to a process that has gone (killed or
 * restarted). Its transaction never committed, so nothing of it was saved.
 */
export function markInterruptedImports(db: Db, now: Date): number {
  return db.update(importJobs).set({ status: "interrupted", finishedAt: now }).where(eq(importJobs.status, "running")).run().changes;
}
