import type { Block, PdfDocument } from "~/server/exports/pdf/types";
import type { ReportTable } from "./table";

/** A report as a PDF document description, marked OFFICIAL: it holds suppressed aggregates only. */
export function reportDocument(t: ReportTable, reader: { agencyName: string; userName: string }, generatedAt: Date): PdfDocument {
  const blocks: Block[] = [
    { kind: "table", header: t.header, rows: t.rows.map((r) => r.map(String)), widths: [3, 1, 1, 1.4, 1.2] },
    ...t.notes.map((text): Block => ({ kind: "paragraph", text })),
  ];
  return { title: t.title, recipient: reader, generatedAt, marking: "OFFICIAL", blocks };
}
