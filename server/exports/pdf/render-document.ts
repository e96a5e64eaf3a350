import PDFDocument from "pdfkit";
import { heading, renderBlock } from "./blocks";
import { useFonts } from "./fonts";
import { PAGE, drawChrome } from "./page-chrome";
import type { Block, PdfDocument } from "./types";

export type { Block, PdfDocument } from "./types";

/** Metadata names only the product: PDFKit's default Producer/Creator would fingerprint the stack. */
const SOFTWARE = "MARAC Desk";

/**
 * Renders already-projected display text as a marked PDF. It knows nothing of cases, the database
 * or redaction: whatever is passed in is printed, and nothing else is.
 */
export function renderPdf(raw: PdfDocument): Promise<Buffer> {
  const input = normalised(raw);
  return new Promise<Buffer>((resolve, reject) => {
    try {
      const doc = new PDFDocument({
        size: PAGE.size,
        margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.side, right: PAGE.side },
        // Buffered so the chrome can be drawn last, when the page count ("of M") is known.
        bufferPages: true,
        displayTitle: true,
        lang: "en-GB",
        info: {
          Title: input.title,
          Author: SOFTWARE,
          Creator: SOFTWARE,
          Producer: SOFTWARE,
          // The generation time, not the wall clock, so the same input gives the same file.
          CreationDate: input.generatedAt,
        },
      });
      const chunks: Buffer[] = [];
      doc.on("data", (chunk: Buffer) => chunks.push(chunk));
      doc.on("end", () => resolve(Buffer.concat(chunks)));
      doc.on("error", reject);

      useFonts(doc);
      const flushContent = [batchContent(doc.page)];

      // Each page's running header: what was current when the page began, plus any set on it.
      const headers: string[][] = [[]];
      let current: string | null = null;
      doc.on("pageAdded", () => {
        flushContent.push(batchContent(doc.page));
        headers.push(current === null ? [] : [current]);
      });
      heading(doc, input.title, 18);
      for (const block of input.blocks) {
        if (block.kind === "runningHeader") {
          current = block.text;
          const page = headers[headers.length - 1] ?? [];
          if (!page.includes(block.text)) page.push(block.text);
        }
        renderBlock(doc, block);
      }
      drawChrome(doc, { marking: input.marking, recipient: input.recipient, generatedAt: input.generatedAt, title: input.title, headers: headers.map((h) => h.join(", ")) });
      for (const flush of flushContent) flush();
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** The one PDFKit page method every drawing operator goes through (`doc.addContent`). */
type ContentPage = { write: (chunk: string | Uint8Array) => unknown };

/**
 * PDFKit turns every operator string into its own byte array as it is drawn (thousands per page,
 * then concatenated): a tenth of a pack's time, counting the garbage. Operators are collected as
 * strings instead and handed over as one buffer before the document ends, the same bytes: PDFKit
 * appends a newline to each string it is given, and `latin1` keeps each character's low byte as
 * PDFKit does. Returns the flush; bytes passed in flush what came before them, keeping the order.
 */
function batchContent(page: ContentPage): () => void {
  const write = page.write.bind(page);
  const parts: string[] = [];
  const flush = (): void => {
    if (parts.length === 0) return;
    write(Buffer.from(`${parts.join("\n")}\n`, "latin1"));
    parts.length = 0;
  };
  page.write = (chunk) => {
    if (typeof chunk === "string") return parts.push(chunk);
    flush();
    return write(chunk);
  };
  return flush;
}

/**
 * NFC everywhere, so a name typed as "e" + combining accent is drawn with the font's precomposed
 * glyph and extracts (and is searched) as the same string the screen shows.
 */
function normalised(doc: PdfDocument): PdfDocument {
  const n = (s: string): string => s.normalize("NFC");
  const block = (b: Block): Block => {
    switch (b.kind) {
      case "heading": case "paragraph": return { ...b, text: n(b.text) };
      case "keyValue": return { ...b, rows: b.rows.map((r) => ({ label: n(r.label), value: n(r.value) })) };
      case "table": return { ...b, header: b.header.map(n), rows: b.rows.map((r) => r.map(n)) };
      case "notice": return { ...b, text: n(b.text), ...(b.title === undefined ? {} : { title: n(b.title) }) };
      case "pageBreak": return b;
      case "runningHeader": return { ...b, text: n(b.text) };
    }
  };
  return {
    ...doc,
    title: n(doc.title),
    recipient: { agencyName: n(doc.recipient.agencyName), userName: n(doc.recipient.userName) },
    blocks: doc.blocks.map(block),
  };
}
