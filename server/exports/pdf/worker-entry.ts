import { zipSync } from "fflate";
import { move } from "piscina";
import { createDb, type Db } from "~/db/client";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { AppError, type AppErrorCode } from "~/server/errors";
import { allPackFiles, packFile, type PackFile } from "~/server/exports/pack-files";
import type { SessionUser } from "~/server/services/sessions";
import { lowerThisThreadsPriority } from "~/server/workers/priority";
import { renderPdf } from "./render-document";
import type { PdfDocument } from "./types";

/**
 * The PDF worker thread's task handler (decisions 060 and 076). Most tasks are already-projected
 * document descriptions. Packs are the exception: the procedure has authorised the reader on the
 * server thread, and the worker builds the packs itself (the same getPack, projection, disclosure
 * log and output schema) with its own connection and cipher, because building eleven packs for a
 * zip held the server thread for seconds. The bytes are transferred rather than copied.
 */

/** What a pack task needs to build packs as the reader: the database file, the reader and the clock. */
export type PackSource = { databaseFile: string; user: SessionUser; meetingId: string; now: number };

export type PdfTask =
  | { kind: "pdf"; document: PdfDocument }
  /** One agency's pack as a PDF. */
  | { kind: "pack"; source: PackSource; asAgencyId?: string }
  /** Every invited agency's pack, each a PDF, in one zip. */
  | { kind: "packs"; source: PackSource };

/** A pack task's answer: the PDF and its file name. */
export type NamedPdf = { name: string; bytes: ArrayBuffer };

/** A service's own refusal (say, a case removed from the agenda meanwhile), sent back as data: errors lose their class crossing threads. */
export type PdfRefusal = { refused: AppErrorCode; message: string };

// Every thread the pool starts runs this once: the server thread answering pages wins a core.
lowerThisThreadsPriority();

export default async function renderTask(task: PdfTask): Promise<unknown> {
  if (task.kind === "pdf") return move(transferable(await renderPdf(task.document)));
  try {
    const { source } = task;
    const db = connection(source.databaseFile);
    const now = new Date(source.now);
    if (task.kind === "pack") {
      // Named here, where the recipient agency is known. A few hundred kilobytes: copied back, not transferred.
      const file = packFile(db, getAppCipher(), source.user, source.meetingId, now, task.asAgencyId);
      return { name: file.name, bytes: transferable(await renderPdf(file.document)) } satisfies NamedPdf;
    }
    return move(transferable(await zipPacks(allPackFiles(db, getAppCipher(), source.user, source.meetingId, now))));
  } catch (e) {
    if (e instanceof AppError) return { refused: e.code as AppErrorCode, message: e.message };
    throw e;
  }
}

async function zipPacks(files: readonly PackFile[]): Promise<Uint8Array> {
  const pdfs: Record<string, Uint8Array> = {};
  for (const f of files) pdfs[f.name] = await renderPdf(f.document);
  return zipSync(pdfs);
}

/**
 * This thread's own connection (WAL, busy timeout and foreign keys as the server's: createDb),
 * kept between tasks; reopened only if a task names another file (tests use one per suite).
 */
let open: { file: string; db: Db } | undefined;
function connection(file: string): Db {
  if (open?.file !== file) {
    open?.db.$client.close();
    open = { file, db: createDb(file) };
  }
  return open.db;
}

/** The bytes as an ArrayBuffer of their own: a Buffer may be a view into a larger shared pool. */
function transferable(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer;
}
