import type { WorkerEntry } from "./pool";

/**
 * Every worker entry the build bundles (scripts/build-workers.ts) and the server loads. Kept apart
 * from the pools themselves, which read the validated env the build step does not have.
 */
export const PDF_WORKER: WorkerEntry = { name: "pdf", source: "server/exports/pdf/worker-entry.ts" };

export const WORKER_ENTRIES: readonly WorkerEntry[] = [PDF_WORKER];
