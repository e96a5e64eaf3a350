import { PDF_WORKER } from "~/server/workers/entries";
import { createBoundedPool, type BoundedPool, type PoolOptions } from "~/server/workers/pool";
import { AppError } from "~/server/errors";
import type { NamedPdf, PackSource, PdfRefusal, PdfTask } from "./worker-entry";
import type { PdfDocument } from "./types";

/**
 * PDFs and zips rendered by a bounded pool of worker threads (decision 060); free of the validated
 * env, so scripts can make their own. The server's one pool is in render-in-worker.ts.
 */
/** What a reader sees when the queue is full (a plain-text page, like the routes' other refusals). */
export const BUSY_MESSAGE = "MARAC Desk is busy preparing other documents. Try again in a minute.";

export function busyResponse(): Response {
  return new Response(BUSY_MESSAGE, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "60", "Cache-Control": "no-store" } });
}

export type PdfRenderer = {
  pdf: (document: PdfDocument) => Promise<Uint8Array<ArrayBuffer>>;
  /** One agency's pack, built and rendered in the worker (decision 076); the caller has authorised the reader. */
  pack: (source: PackSource, asAgencyId?: string) => Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }>;
  /** Every invited agency's pack in one zip, built, rendered and zipped in one task. */
  packs: (source: PackSource) => Promise<Uint8Array<ArrayBuffer>>;
  close: () => Promise<void>;
};

export function createPdfRenderer(options: PoolOptions): PdfRenderer {
  const pool: BoundedPool = createBoundedPool(PDF_WORKER, options);
  const run = async <R>(task: PdfTask): Promise<R> => {
    const result = await pool.run<R | PdfRefusal>(task);
    // The worker's services refused (not found, say): the same AppError as on this thread.
    if (isRefusal(result)) throw new AppError(result.refused, result.message);
    return result;
  };
  return {
    pdf: async (document) => new Uint8Array(await run<ArrayBuffer>({ kind: "pdf", document })),
    pack: async (source, asAgencyId) => {
      const { name, bytes } = await run<NamedPdf>({ kind: "pack", source, asAgencyId });
      return { name, bytes: new Uint8Array(bytes) };
    },
    packs: async (source) => new Uint8Array(await run<ArrayBuffer>({ kind: "packs", source })),
    close: pool.close,
  };
}

function isRefusal(result: unknown): result is PdfRefusal {
  return typeof result === "object" && result !== null && "refused" in result;
}
