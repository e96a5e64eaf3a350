import type { WorkerEntry } from "./pool";

/**
 * Every worker entry the build bundles (scripts/build-workers.ts) and the server loads. Kept apart
 * from the pools themselves, which read the validated env the build step does not have.
 */
export const PDF_WORKER: WorkerEntry = { name: "pdf", source: "server/exports/pdf/worker-entry.ts" };

/** Prepares an import's cases (decision 081). */
export const IMPORT_PREPARE_WORKER: WorkerEntry = { name: "import-prepare", source: "server/imports/prepare-worker.ts" };

/** Runs one admin import job on a thread of its own (decision 064): it runs when loaded, with no default export. */
export const IMPORT_JOB_WORKER: WorkerEntry = { name: "import-job", source: "server/imports/import-worker.ts" };

export const WORKER_ENTRIES: readonly WorkerEntry[] = [PDF_WORKER, IMPORT_PREPARE_WORKER, IMPORT_JOB_WORKER];
