type Doc = PDFKit.PDFDocument;

/**
 * `doc.heightOfString` and `doc.text` with a width each run PDFKit's whole line wrapper (a line
 * breaker, a width per word, events per line), so a table cell measured and then drawn was wrapped
 * twice; the wrapper was most of a pack's rendering time (decision 077). Here a box's text is
 * wrapped at most once, when it is measured, and drawn line by line as PDFKit would draw those
 * lines: the same operators at the same positions, so the same bytes.
 */

/** One line to draw, with its width in points and word count when PDFKit's wrapper measured them. */
type Line = { text: string; width: number; wordCount?: number };
/** Text measured for a box: its lines as PDFKit's wrapper breaks them, and its height. */
export type Measured = { lines: readonly Line[]; height: number };

/**
 * Text with no line break that is narrower than its box is one line, whose height is one line
 * height plus the gap (as PDFKit computes it); it is not wrapped at all. The 1 pt slack keeps words
 * near the edge, where PDFKit's per-word rounding could differ, on the wrapping path.
 */
export function fitsOneLine(doc: Doc, text: string, width: number): boolean {
  return oneLine(doc, text, width) !== null;
}
function oneLine(doc: Doc, text: string, width: number): Line | null {
  if (text === "" || LINE_BREAK.test(text)) return null;
  const natural = doc.widthOfString(text);
  return natural <= width - 1 ? { text, width: natural } : null;
}
/** What PDFKit's line breaker treats as a forced break (UAX #14 BK, CR, LF, NL), soft hyphens and tabs. */
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029\u00ad\t]/;

/**
 * Two PDFKit internals: `_text`, the wrapper entry point that takes a per-line callback (PDFKit's
 * `heightOfString` and `text` are built on it), and `_fragment`, which draws one line at a point
 * (what `text` calls for each line). `textWidth`/`wordCount` are what the wrapper hands on with a
 * line; `_fragment` measures them itself only when they are absent, and uses them only for links
 * and underlines, which these documents do not have. If a PDFKit upgrade changes either, the
 * byte-for-byte test in render-output.test.ts fails.
 */
type LineOptions = { textWidth: number; wordCount?: number };
type Internals = {
  _text: (text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions, onLine: (line: string, options: LineOptions) => void) => unknown;
  _fragment: (text: string, x: number, y: number, options: LineOptions) => void;
};
const internals = (doc: Doc): Internals => doc as unknown as Internals;

/**
 * The lines and height of `text` in a box `width` wide, in the current font. The multi-line branch
 * is `doc.heightOfString` (the same wrapper call and the same running sum, so the same height)
 * keeping the lines it emits.
 */
export function measureText(doc: Doc, text: string, width: number): Measured {
  const single = oneLine(doc, text, width);
  if (single) return { lines: [single], height: doc.currentLineHeight(true) };
  const { x, y } = doc;
  const lines: Line[] = [];
  internals(doc)._text(text, x, y, { width, height: Infinity }, (line, options) => {
    lines.push({ text: line, width: options.textWidth, wordCount: options.wordCount });
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
  const single = measured ? null : oneLine(doc, text, width);
  const lines = measured?.lines ?? (single ? [single] : null);
  if (!lines) {
    doc.text(text, x, y, { width });
    return;
  }
  let top = y;
  for (const line of lines) {
    internals(doc)._fragment(line.text, x, top, { textWidth: line.width, ...(line.wordCount === undefined ? {} : { wordCount: line.wordCount }) });
    top += doc.currentLineHeight(true);
  }
  doc.x = x;
  doc.y = top;
}
