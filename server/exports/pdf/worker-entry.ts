import { zipSync } from "fflate";
import { move } from "piscina";
import { renderPdf } from "./render-document";
import type { PdfDocument } from "./types";

/**
 * The PDF worker thread's task handler (decision 060). It receives already-projected document
 * descriptions (plain data: no database, session or policy reaches a worker) and returns the bytes,
 * transferred rather than copied.
 */
export type PdfTask =
  | { kind: "pdf"; document: PdfDocument }
  | { kind: "zip"; files: readonly { name: string; document: PdfDocument }[] };

export default async function renderTask(task: PdfTask): Promise<unknown> {
  if (task.kind === "pdf") return move(transferable(await renderPdf(task.document)));
  const files: Record<string, Uint8Array> = {};
  for (const f of task.files) files[f.name] = await renderPdf(f.document);
  return move(transferable(zipSync(files)));
}

/** The bytes as an ArrayBuffer of their own: a Buffer may be a view into a larger shared pool. */
function transferable(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer;
}
