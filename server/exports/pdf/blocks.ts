import { FONT } from "./fonts";
import { fitsOneLine, measureText, textAt, type Measured } from "./text-lines";
import type { Block, KeyValueBlock, NoticeBlock, TableBlock } from "./types";

type Doc = PDFKit.PDFDocument;

const BODY_SIZE = 10;
const HEADING_SIZE = { 1: 15, 2: 12.5, 3: 11 } as const;
const CELL_PAD = 4;
const NOTICE_PAD = 8;
const GREY = { rule: "#999999", headerFill: "#e6e6e6", noticeFill: "#eeeeee", noticeEdge: "#555555" };

/** Geometry of the body area on the current page (the same on every page). */
function area(doc: Doc): { left: number; width: number; top: number; bottom: number } {
  const { margins, width } = doc.page;
  return { left: margins.left, width: width - margins.left - margins.right, top: margins.top, bottom: doc.page.maxY() };
}

function heightOf(doc: Doc, text: string, options: { width: number }): number {
  return fitsOneLine(doc, text, options.width) ? doc.currentLineHeight(true) : doc.heightOfString(text, options);
}

export function renderBlock(doc: Doc, block: Block): void {
  switch (block.kind) {
    case "heading": return heading(doc, block.text, HEADING_SIZE[block.level]);
    case "paragraph": return paragraph(doc, block.text);
    case "keyValue": return keyValue(doc, block);
    case "table": return table(doc, block);
    case "notice": return notice(doc, block);
    case "pageBreak": doc.addPage(); return;
    // Recorded by the document renderer, which draws the page headers.
    case "runningHeader": return;
  }
}

export function heading(doc: Doc, text: string, size: number): void {
  const a = area(doc);
  doc.font(FONT.bold).fontSize(size);
  const height = heightOf(doc, text, { width: a.width });
  // Keep a heading with at least three lines of what follows rather than strand it at a page foot.
  if (doc.y + height + 3 * BODY_SIZE * 1.4 > a.bottom && doc.y > a.top) doc.addPage();
  doc.moveDown(0.3);
  doc.fillColor("#000000");
  textAt(doc, text, a.left, doc.y, a.width);
  doc.moveDown(0.3);
}

export function paragraph(doc: Doc, text: string): void {
  const a = area(doc);
  // PDFKit wraps at spaces, splits over-long words and flows onto new pages by itself.
  doc.font(FONT.regular).fontSize(BODY_SIZE).fillColor("#000000");
  doc.text(text, a.left, doc.y, { width: a.width });
  doc.moveDown(0.5);
}

function keyValue(doc: Doc, block: KeyValueBlock): void {
  grid(doc, { header: null, rows: block.rows.map((r) => [r.label, r.value]), weights: [1, 2], boldFirst: true });
}

function table(doc: Doc, block: TableBlock): void {
  const columns = block.header.length;
  const tooWide = block.rows.findIndex((r) => r.length > columns);
  // Fail loud: silently dropping an extra cell would hide data the caller meant to show.
  if (tooWide >= 0) throw new Error(`Table row ${tooWide} has more cells than the header (${columns}).`);
  if (block.widths && block.widths.length !== columns) throw new Error("Table widths must match the header.");
  grid(doc, { header: block.header, rows: block.rows, weights: block.widths ?? block.header.map(() => 1), boldFirst: false });
}

type Row = { height: number; cells: readonly Measured[] };
type Grid = { header: readonly string[] | null; rows: readonly (readonly string[])[]; weights: readonly number[]; boldFirst: boolean };

/** Tables and key/value lists: rows never split; the header is redrawn at the top of each page. */
function grid(doc: Doc, g: Grid): void {
  const a = area(doc);
  const total = g.weights.reduce((s, w) => s + w, 0);
  const widths = g.weights.map((w) => (a.width * w) / total);
  const fontFor = (col: number, isHeader: boolean): string => (isHeader || (g.boldFirst && col === 0) ? FONT.bold : FONT.regular);
  /** The row's height, and each cell's lines (so drawing need not wrap again). */
  const measure = (cells: readonly string[], isHeader: boolean): Row => {
    const measured = widths.map((w, c) => {
      doc.font(fontFor(c, isHeader)).fontSize(BODY_SIZE);
      return measureText(doc, cells[c] ?? "", w - 2 * CELL_PAD);
    });
    return { height: Math.max(...measured.map((m) => m.height)) + 2 * CELL_PAD, cells: measured };
  };

  const headerRow = g.header ? measure(g.header, true) : null;
  const headerHeight = headerRow?.height ?? 0;
  const drawHeader = (): void => { if (g.header && headerRow) drawRow(g.header, headerRow, true); };
  const drawRow = (cells: readonly string[], { height, cells: measured }: Row, isHeader: boolean): void => {
    const top = doc.y;
    if (isHeader) doc.rect(a.left, top, a.width, height).fillColor(GREY.headerFill).fill();
    let x = a.left;
    widths.forEach((w, c) => {
      const cell = cells[c] ?? "";
      doc.font(fontFor(c, isHeader)).fontSize(BODY_SIZE).fillColor("#000000");
      textAt(doc, cell, x + CELL_PAD, top + CELL_PAD, w - 2 * CELL_PAD, measured[c]);
      x += w;
    });
    doc.moveTo(a.left, top + height).lineTo(a.left + a.width, top + height).lineWidth(0.5).strokeColor(GREY.rule).stroke();
    doc.x = a.left;
    doc.y = top + height;
  };

  if (doc.y + headerHeight + BODY_SIZE * 3 > a.bottom) doc.addPage();
  drawHeader();
  for (const row of g.rows) {
    const measured = measure(row, false);
    const { height } = measured;
    if (height + headerHeight > a.bottom - a.top) {
      // Taller than a page: drawing it as a row would overflow, so it becomes labelled paragraphs.
      stacked(doc, g.header, row);
      continue;
    }
    if (doc.y + height > a.bottom) {
      doc.addPage();
      drawHeader();
    }
    drawRow(row, measured, false);
  }
  doc.moveDown(0.6);
}

function stacked(doc: Doc, header: readonly string[] | null, row: readonly string[]): void {
  row.forEach((cell, c) => paragraph(doc, header?.[c] ? `${header[c]}: ${cell}` : cell));
}

function notice(doc: Doc, block: NoticeBlock): void {
  const a = area(doc);
  const inner = a.width - 2 * NOTICE_PAD - 3;
  doc.font(FONT.bold).fontSize(BODY_SIZE);
  const titleHeight = block.title ? heightOf(doc, block.title, { width: inner }) + 2 : 0;
  doc.font(FONT.regular).fontSize(BODY_SIZE);
  const height = titleHeight + heightOf(doc, block.text, { width: inner }) + 2 * NOTICE_PAD;
  if (height > a.bottom - a.top) {
    // A box cannot span pages simply; the words matter more than the shading.
    if (block.title) heading(doc, block.title, BODY_SIZE);
    return paragraph(doc, block.text);
  }
  if (doc.y + height > a.bottom) doc.addPage();
  const top = doc.y;
  doc.rect(a.left, top, a.width, height).fillColor(GREY.noticeFill).fill();
  doc.rect(a.left, top, 3, height).fillColor(GREY.noticeEdge).fill();
  const x = a.left + 3 + NOTICE_PAD;
  doc.fillColor("#000000");
  if (block.title) {
    doc.font(FONT.bold).fontSize(BODY_SIZE);
    textAt(doc, block.title, x, top + NOTICE_PAD, inner);
  }
  const textTop = top + NOTICE_PAD + titleHeight;
  doc.font(FONT.regular).fontSize(BODY_SIZE);
  textAt(doc, block.text, x, textTop, inner);
  doc.x = a.left;
  doc.y = top + height;
  doc.moveDown(0.6);
}
