import { availableParallelism } from "node:os";
import type { Db } from "~/db/client";
import { env } from "~/env";
import type { PreparedCase } from "~/server/cases/bulk-intake";
import { getAppCipher } from "~/server/crypto/app-cipher";
import type { PrepareTask } from "~/server/imports/prepare-worker";
import { IMPORT_PREPARE_WORKER } from "~/server/workers/entries";
import { createBoundedPool } from "~/server/workers/pool";
import { planImport, PROGRESS_EVERY, stalePlanRedone, writeImport, type ImportOptions, type ImportPlan, type ImportResult } from "./case-import";
import type { SessionUser } from "./sessions";

/** Referrals per task: big enough that passing them between threads costs little, small enough for steady progress. */
const BATCH = 50;

/**
 * How many threads prepare an import (by default every core, at most 4), and whether they yield
 * to other work: in the server, so pages stay quick while an admin's import prepares.
 */
export type PoolChoice = { threads: number; lowPriority: boolean };
export const importPool = (lowPriority: boolean): PoolChoice => ({ threads: Math.max(1, Math.min(4, availableParallelism())), lowPriority });

/**
 * Prepares every case of the plan on a pool of worker threads (decision 081), in batches, and
 * returns them in the plan's order, each batch still as the bytes the worker sent: off the heap
 * until it is written (50,000 prepared cases are about a gigabyte). Nothing is written.
 */
export async function prepareInPool(plan: ImportPlan, { threads, lowPriority }: PoolChoice, onProgress?: ImportOptions["onProgress"]): Promise<Iterable<PreparedCase>> {
  const pool = createBoundedPool(IMPORT_PREPARE_WORKER, { threads, queueLimit: Number.MAX_SAFE_INTEGER, production: env.NODE_ENV === "production" });
  const total = plan.cases.length;
  try {
    const batches: Promise<ArrayBuffer>[] = [];
    for (let from = 0; from < total; from += BATCH) {
      const task: PrepareTask = { cases: plan.cases.slice(from, from + BATCH).map((c) => c.planned), opts: plan.opts, lowPriority };
      batches.push(pool.run<ArrayBuffer>(task));
    }
    // Progress in the file's order, in steps of PROGRESS_EVERY.
    const buffers: ArrayBuffer[] = [];
    let reported = 0;
    for (const batch of batches) {
      buffers.push(await batch);
      const done = Math.min(total, buffers.length * BATCH);
      if (done < total && Math.floor(done / PROGRESS_EVERY) > Math.floor(reported / PROGRESS_EVERY)) {
        reported = done;
        onProgress?.({ done: Math.floor(done / PROGRESS_EVERY) * PROGRESS_EVERY, total });
      }
    }
    return (function* () {
      for (const b of buffers) yield* JSON.parse(Buffer.from(b).toString("utf8")) as PreparedCase[];
    })();
  } finally {
    await pool.close();
  }
}

/**
 * importReferrals (case-import.ts) with the cases prepared on `threads` worker threads: the same
 * checks, the same stored cases, one transaction holding the lock only for the INSERTs. If a case
 * was added, edited or removed while the cases were being prepared, they are prepared again once;
 * if the database changed yet again, the write prepares them inside its transaction.
 */
export async function importReferralsInPool(db: Db, actor: SessionUser | null, document: unknown, now: Date, pool: PoolChoice, { onProgress, alsoWrite }: ImportOptions = {}): Promise<ImportResult> {
  const planned = planImport(db, actor, document, now);
  if (!planned.ok) return planned;
  let { plan } = planned;
  const total = plan.cases.length;
  onProgress?.({ done: 0, total });
  let prepared = await prepareInPool(plan, pool, onProgress);
  const again = stalePlanRedone(db, plan);
  if (again && !again.ok) return again;
  if (again) {
    plan = again.plan;
    prepared = await prepareInPool(plan, pool);
  }
  const result = writeImport(db, getAppCipher(), plan, prepared, { alsoWrite });
  onProgress?.({ done: total, total });
  return result;
}
