import { FONT } from "./fonts";
import { textAt } from "./text-lines";
import type { ProtectiveMarking, PdfRecipient } from "./types";

type Doc = PDFKit.PDFDocument;

/** Page geometry (points, A4). The body area leaves room for the header and footer bands. */
export const PAGE = { size: "A4", top: 78, bottom: 70, side: 56 } as const;

const UK_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric",
  hour: "2-digit", minute: "2-digit", hourCycle: "h23",
});

/** "28 November 2026 14:05" in UK local time (GMT or BST), whatever the server's zone. */
export function formatUkTime(at: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    UK_TIME.formatToParts(at).find((p) => p.type === type)?.value ?? "";
  return `${part("day")} ${part("month")} ${part("year")} ${part("hour")}:${part("minute")}`;
}

/** `headers[i]` names what page i is about (a case number), or is empty. */
export type Chrome = { marking: ProtectiveMarking; recipient: PdfRecipient; generatedAt: Date; title: string; headers?: readonly string[] };

/**
 * Draws the marking, recipient, time and page numbers on every buffered page. It runs after the
 * body so "of M" is known; the margins are zeroed meanwhile because PDFKit would otherwise start
 * a new page for text placed in the bottom margin.
 */
export function drawChrome(doc: Doc, chrome: Chrome): void {
  const { start, count } = doc.bufferedPageRange();
  const prepared = `Prepared for ${chrome.recipient.agencyName}, ${chrome.recipient.userName}`;
  const generated = `Generated ${formatUkTime(chrome.generatedAt)}`;
  for (let i = start; i < start + count; i++) {
    const page = doc.switchToPage(i);
    const saved = { ...page.margins };
    page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    const left = PAGE.side;
    const width = page.width - 2 * PAGE.side;
    const bottom = page.height;

    centred(doc, chrome.marking, 22, page.width);
    const about = chrome.headers?.[i - start] ?? "";
    // The case number at the top right, so a loose page still says which case it belongs to.
    const aboutWidth = about ? rightAligned(doc, about, left, 38, width / 2) + 12 : 0;
    line(doc, prepared, left, 38, width - aboutWidth, 8.5);
    line(doc, generated, left, 50, width - aboutWidth, 8.5);
    rule(doc, left, 64, width);

    const pageLabel = `Page ${i - start + 1} of ${count}`;
    const labelWidth = doc.font(FONT.regular).fontSize(8.5).widthOfString(pageLabel);
    rule(doc, left, bottom - 58, width);
    line(doc, chrome.title, left, bottom - 52, width - labelWidth - 12, 8.5);
    line(doc, pageLabel, left + width - labelWidth, bottom - 52, labelWidth, 8.5);
    centred(doc, chrome.marking, bottom - 36, page.width);

    page.margins = saved;
  }
}

function centred(doc: Doc, text: string, y: number, pageWidth: number): void {
  doc.font(FONT.bold).fontSize(11).fillColor("#000000");
  doc.text(text, 0, y, { width: pageWidth, align: "center", lineBreak: false });
}

/** One line that never wraps: long text is shrunk to fit rather than cut, so nothing is dropped. */
function line(doc: Doc, text: string, x: number, y: number, width: number, size: number): void {
  doc.font(FONT.regular).fontSize(size);
  const natural = doc.widthOfString(text);
  const fitted = natural > width ? Math.max(4, (size * width) / natural) : size;
  doc.fontSize(fitted).fillColor("#000000");
  textAt(doc, text, x, y, width);
}

/** Bold text at the right edge of the body width, shrunk to at most `max` wide; returns its width. */
function rightAligned(doc: Doc, text: string, left: number, y: number, max: number): number {
  const page = doc.page.width - 2 * PAGE.side;
  doc.font(FONT.bold).fontSize(10);
  const natural = doc.widthOfString(text);
  const size = natural > max ? Math.max(4, (10 * max) / natural) : 10;
  const width = Math.min(natural, max);
  doc.fontSize(size).fillColor("#000000").text(text, left + page - width, y, { width: width + 1, align: "right", lineBreak: false });
  return width;
}

function rule(doc: Doc, x: number, y: number, width: number): void {
  doc.moveTo(x, y).lineTo(x + width, y).lineWidth(0.5).strokeColor("#808080").stroke();
}
