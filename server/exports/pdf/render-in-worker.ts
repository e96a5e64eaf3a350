import { env } from "~/env";
import { defaultThreads } from "~/server/workers/pool";
import { createPdfRenderer, type PdfRenderer } from "./pdf-pool";

/**
 * Every PDF and zip download renders here, off the server's main thread (decision 060). The route
 * has already authorised the reader and projected the content through its tRPC procedure; only
 * the resulting document description crosses to the worker.
 */
let shared: PdfRenderer | undefined;

/** The server's one renderer, started on the first download. */
export function pdfRenderer(): PdfRenderer {
  shared ??= createPdfRenderer({ threads: env.PDF_WORKER_THREADS ?? defaultThreads(), queueLimit: env.PDF_QUEUE_LIMIT, production: env.NODE_ENV === "production" });
  return shared;
}
