import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem, TextMarkedContent } from "pdfjs-dist/types/src/display/api";

/**
 * Test helper: each page's text in reading order (top to bottom, then left to right), one line per
 * visual line, NFC-normalised. Reading order matters because the renderer draws the page chrome
 * after the body, so content-stream order would put the top marking last.
 */
export async function extractPdfText(buf: Uint8Array): Promise<string[]> {
  // pdf.js takes ownership of (detaches) the array it is given, so pass a copy.
  const pdf = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(toLines(content.items.filter(isTextItem)).join("\n").normalize("NFC"));
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

/** The PDF's document-information dictionary (Title, Author, Creator, Producer...). */
export async function extractPdfInfo(buf: Uint8Array): Promise<Record<string, unknown>> {
  const pdf = await getDocument({ data: new Uint8Array(buf), isEvalSupported: false }).promise;
  try {
    const { info } = await pdf.getMetadata();
    return typeof info === "object" && info !== null ? { ...info } : {};
  } finally {
    await pdf.destroy();
  }
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return "str" in item;
}

function toLines(items: TextItem[]): string[] {
  const rows = new Map<number, TextItem[]>();
  for (const item of items) {
    if (item.str === "") continue;
    // Group by baseline y, rounded to absorb sub-point drift.
    const y = Math.round(coord(item, "y"));
    rows.set(y, [...(rows.get(y) ?? []), item]);
  }
  return [...rows.entries()]
    .sort(([ya], [yb]) => yb - ya)
    .map(([, row]) => joinRow(row.sort((p, q) => coord(p, "x") - coord(q, "x"))));
}

/** pdf.js types the transform [a, b, c, d, x, y] as any[]; read the position defensively. */
function coord(item: TextItem, axis: "x" | "y"): number {
  const value: unknown = item.transform[axis === "x" ? 4 : 5];
  return typeof value === "number" ? value : 0;
}

function joinRow(row: TextItem[]): string {
  let text = "";
  let end = -Infinity;
  for (const item of row) {
    const x = coord(item, "x");
    // Separate pieces that are visibly apart (table cells, left/right columns) with a space.
    if (text && x - end > 1 && !/\s$/.test(text) && !/^\s/.test(item.str)) text += " ";
    text += item.str;
    end = x + item.width;
  }
  return text.trim();
}
