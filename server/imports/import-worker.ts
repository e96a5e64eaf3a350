import { parentPort, workerData } from "node:worker_threads";
import { eq } from "drizzle-orm";
import { createDb } from "~/db/client";
import { importJobs } from "~/db/schema";
import type { ImportResult } from "~/server/services/case-import";
import { importPool, importReferralsInPool } from "~/server/services/case-import-pool";
import type { SessionUser } from "~/server/services/sessions";

export type ImportWorkerData = { databaseFile: string; jobId: string; actor: SessionUser; document: unknown; now: number };
export type ImportWorkerMessage = { kind: "progress"; done: number; total: number } | { kind: "finished"; result: ImportResult };

/**
 * Runs one import job on a worker thread with its own connection to the database: the same
 * import as the command line (all or nothing, one transaction; the cases prepared on a pool of
 * threads that yield to the server's, decision 081), reporting progress to the server's thread.
 * The job's outcome is written in the import's own transaction, so the job row and the cases
 * commit together; a refusal is written after.
 */
const data = workerData as ImportWorkerData;
const post = (message: ImportWorkerMessage) => parentPort?.postMessage(message);
const db = createDb(data.databaseFile);
try {
  const result = await importReferralsInPool(db, data.actor, data.document, new Date(data.now), importPool(true), {
    onProgress: (p) => post({ kind: "progress", ...p }),
    alsoWrite: (tx, numbers) =>
      tx.update(importJobs).set({ status: "imported", done: numbers.length, importedCount: numbers.length, finishedAt: new Date() }).where(eq(importJobs.id, data.jobId)).run(),
  });
  if (!result.ok) db.update(importJobs).set({ status: "refused", problemCount: result.issues.length, finishedAt: new Date() }).where(eq(importJobs.id, data.jobId)).run();
  post({ kind: "finished", result });
} finally {
  db.$client.close();
}
