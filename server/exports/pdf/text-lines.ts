type Doc = PDFKit.PDFDocument;

/**
 * `doc.heightOfString` and `doc.text` with a width each run PDFKit's whole line wrapper (a line
 * breaker, a width per word, events per line), so a table cell measured and then drawn was wrapped
 * twice; the wrapper was most of a pack's rendering time (decision 077). Here a box's text is
 * wrapped at most once, when it is measured, and drawn line by line as PDFKit would draw those
 * lines: the same operators at the same positions, so the same bytes.
 */

/** Text measured for a box: its lines as PDFKit's wrapper breaks them (null: the text is one line), and its height. */
export type Measured = { lines: readonly string[] | null; height: number };

/**
 * Text with no line break that is narrower than its box is one line, whose height is one line
 * height plus the gap (as PDFKit computes it); it is not wrapped at all. The 1 pt slack keeps words
 * near the edge, where PDFKit's per-word rounding could differ, on the wrapping path.
 */
export function fitsOneLine(doc: Doc, text: string, width: number): boolean {
  return text !== "" && !LINE_BREAK.test(text) && doc.widthOfString(text) <= width - 1;
}
/** What PDFKit's line breaker treats as a forced break (UAX #14 BK, CR, LF, NL), soft hyphens and tabs. */
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029\u00ad\t]/;

/** PDFKit's text entry point that takes a per-line callback; `heightOfString` is built on it. */
type WithLines = { _text: (text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions, onLine: (line: string) => void) => unknown };

/**
 * The lines and height of `text` in a box `width` wide, in the current font. The multi-line branch
 * is `doc.heightOfString` (the same wrapper call and the same running sum, so the same height)
 * keeping the lines it emits.
 */
export function measureText(doc: Doc, text: string, width: number): Measured {
  if (fitsOneLine(doc, text, width)) return { lines: null, height: doc.currentLineHeight(true) };
  const { x, y } = doc;
  const lines: string[] = [];
  (doc as unknown as WithLines)._text(text, x, y, { width, height: Infinity }, (line) => {
    lines.push(line);
    doc.y += doc.currentLineHeight(true);
  });
  const height = doc.y - y;
  doc.x = x;
  doc.y = y;
  return { lines, height };
}

/**
 * Left-aligned `text` in a box at (x, y), as `doc.text(text, x, y, { width })` draws it and leaving
 * `doc.x`/`doc.y` where that leaves them (back at `x`, one line lower per line). The box must fit
 * on the page (PDFKit would start a new page for a line past the foot). `measured` is passed when
 * the caller has measured the text in this font and width.
 */
export function textAt(doc: Doc, text: string, x: number, y: number, width: number, measured?: Measured): void {
  const lines = measured ? measured.lines : fitsOneLine(doc, text, width) ? null : undefined;
  if (lines === undefined) {
    doc.text(text, x, y, { width });
    return;
  }
  let top = y;
  for (const line of lines ?? [text]) {
    doc.text(line, x, top, { lineBreak: false });
    top += doc.currentLineHeight(true);
  }
  doc.x = x;
  doc.y = top;
}
