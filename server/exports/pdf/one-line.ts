type Doc = PDFKit.PDFDocument;

/**
 * `doc.heightOfString` and `doc.text` with a width both run PDFKit's whole line wrapper (a line
 * breaker, a width per word, events per line), and most of a pack is short table cells, so the
 * wrapper was most of a pack's rendering time. Text with no line break that is narrower than its
 * box is one line: its height is one line height plus the gap (as PDFKit computes it) and it is
 * drawn as one unwrapped line, which writes the same operators the wrapper would (decision 077).
 * Anything else is measured and drawn by PDFKit. The 1 pt slack keeps words near the edge, where
 * PDFKit's per-word rounding could differ, on the wrapping path.
 */
export function fitsOneLine(doc: Doc, text: string, width: number): boolean {
  return text !== "" && !LINE_BREAK.test(text) && doc.widthOfString(text) <= width - 1;
}
/** What PDFKit's line breaker treats as a forced break (UAX #14 BK, CR, LF, NL), soft hyphens and tabs. */
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029\u00ad\t]/;

/**
 * `doc.text(text, x, y, { width })` for left-aligned text, leaving `doc.x`/`doc.y` where PDFKit's
 * wrapper leaves them (back at `x`, one line lower per line), without the wrapper when the text is
 * one line. `oneLine` is passed when the caller has already measured the text.
 */
export function textAt(doc: Doc, text: string, x: number, y: number, width: number, oneLine = fitsOneLine(doc, text, width)): void {
  if (!oneLine) {
    doc.text(text, x, y, { width });
    return;
  }
  doc.text(text, x, y, { lineBreak: false });
  doc.x = x;
  doc.y = y + doc.currentLineHeight(true);
}
