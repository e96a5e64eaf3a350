import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Piscina } from "piscina";

/**
 * Worker-thread pools for CPU-heavy work the server must not do on its main thread (decision 060).
 * Generic: a pool is named for its entry module, and nothing here knows what the workers do.
 */

/** A pool's queue is full: the caller should answer "busy, try again" rather than wait. */
export class WorkersBusy extends Error {
  constructor(pool: string) {
    super(`The ${pool} worker pool's queue is full.`);
    this.name = "WorkersBusy";
  }
}

/**
 * A worker entry: `source` is the TypeScript module (relative to the repository root) whose
 * default export handles one task of a pool, or (for a thread of its own) that runs when loaded;
 * the production build bundles it to `.next/workers/<name>.mjs`.
 */
export type WorkerEntry = { name: string; source: string };

/** Where the build writes worker bundles. Inside `.next/`, so every `next build` (which empties it) drops stale ones. */
export const WORKER_BUNDLE_DIR = join(".next", "workers");

export function workerBundlePath(entry: WorkerEntry): string {
  return join(WORKER_BUNDLE_DIR, `${entry.name}.mjs`);
}

/** The bundle the build step wrote for an entry, which production (`next start`, plain node) loads. */
export function builtWorkerFile(entry: WorkerEntry): string {
  const filename = join(process.cwd(), workerBundlePath(entry));
  if (!existsSync(filename)) throw new Error(`The ${entry.name} worker bundle ${filename} is missing: build with \`npm run build\` (next build, then the worker bundles).`);
  return filename;
}

/**
 * Production loads the bundle; tests, scripts and `next dev` load the TypeScript entry through
 * tsx, so they always run the current source.
 */
function workerFile(entry: WorkerEntry, production: boolean): { filename: string; execArgv: string[] } {
  if (production) return { filename: builtWorkerFile(entry), execArgv: [] };
  return { filename: join(process.cwd(), entry.source), execArgv: ["--import", "tsx"] };
}

/** One thread on a 2-core machine (the other core stays with the server), at most 2 by default. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

export type PoolOptions = { threads: number; queueLimit: number; production: boolean };

export type BoundedPool = {
  /** Runs a task, or throws WorkersBusy at once when `queueLimit` tasks are already waiting. */
  run: <R>(task: unknown) => Promise<R>;
  close: () => Promise<void>;
};

export function createBoundedPool(entry: WorkerEntry, options: PoolOptions): BoundedPool {
  const pool = new Piscina({
    ...workerFile(entry, options.production),
    // One thread stays up so its caches (parsed fonts, for PDFs) survive between requests.
    minThreads: 1,
    maxThreads: options.threads,
    idleTimeout: 60_000,
    maxQueue: options.queueLimit,
  });
  return {
    run: <R>(task: unknown): Promise<R> => {
      // Checked here, not left to Piscina's own limit, so the refusal is a type the routes know.
      if (pool.queueSize >= options.queueLimit) return Promise.reject(new WorkersBusy(entry.name));
      return pool.run(task) as Promise<R>;
    },
    close: () => pool.close(),
  };
}
