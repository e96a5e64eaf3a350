import { readFileSync } from "node:fs";
import { join } from "node:path";
import { create } from "fontkit";

/**
 * Noto Sans (SIL OFL 1.1) from the `@expo-google-fonts/noto-sans` npm package: one complete TTF per
 * weight covering Latin (incl. Extended-A/B and Vietnamese), Greek and Cyrillic. The PDF standard 14
 * fonts only encode WinAnsi, so names such as "Łukasiewicz", "Ayşe" or "Nguyễn" would be lost;
 * @fontsource ships the same face split into per-script WOFF files, which cannot serve a mixed
 * string. Files are resolved through Node's resolver so nothing is fetched at run time.
 */
const FONT_FILES = {
  regular: "400Regular/NotoSans_400Regular.ttf",
  bold: "700Bold/NotoSans_700Bold.ttf",
} as const;

/**
 * The font package's folder. Found from the working directory (the app, scripts, tests and the PDF
 * worker threads all run from the repository root) rather than `require.resolve`, which the bundler
 * would try to bundle.
 */
const FONT_DIR = join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans");

/** Registered names used by the renderer; kept here so both sides agree. */
export const FONT = { regular: "MaracBody", bold: "MaracBold" } as const;
type Face = keyof typeof FONT;

/** The part of a fontkit font this module touches; PDFKit uses the rest itself. */
type FontkitFont = { layout: (text: string, features?: object, ...rest: unknown[]) => unknown };

/**
 * Past this many distinct words a face's shared layout cache starts again, so a long-running worker
 * holds a bounded amount (a 16-case pack uses a few thousand).
 */
const LAYOUT_CACHE_WORDS = 20_000;

/** Per face: the parsed font, PDFKit's per-word layouts, and whole-string widths (1000 units per em). */
type Shared = { font: FontkitFont; layoutCache: Record<string, unknown>; widths: Map<string, number> };
let shared: Record<Face, Shared> | undefined;

/**
 * Each face parsed once per process (per worker thread), not once per document: given bytes, PDFKit
 * re-parses the ~630 KB TTF and re-decodes its layout tables for every document. PDFKit accepts a
 * parsed fontkit font in place of bytes and still subsets it per document.
 */
function faces(): Record<Face, Shared> {
  if (!shared) {
    const face = (file: string): Shared => ({ font: withoutCcmp(create(readFileSync(join(FONT_DIR, file)))), layoutCache: Object.create(null) as Record<string, unknown>, widths: new Map<string, number>() });
    shared = { regular: face(FONT_FILES.regular), bold: face(FONT_FILES.bold) };
  }
  return shared;
}

/**
 * Noto's `ccmp` feature splits some precomposed letters (e.g. Vietnamese "ị") into a base glyph and
 * a mark glyph with no Unicode mapping: the page looks right but extracts and searches as "i" plus
 * junk. Turning it off in the font itself, rather than passing `features` on each text call, keeps
 * PDFKit's per-word layout cache (which it skips whenever features are passed) for every script.
 * A fresh object each call because fontkit writes its defaults into the object it is given.
 */
function withoutCcmp(font: FontkitFont): FontkitFont {
  const layout = font.layout.bind(font);
  font.layout = (text, features, ...rest) => layout(text, features ?? { ccmp: false }, ...rest);
  return font;
}

/** PDFKit's font object for the current face; internal, so every use below tolerates its absence. */
type PdfkitFace = {
  layoutCache?: Record<string, unknown>;
  layout?: (text: string, features: undefined, onlyWidth: true) => { advanceWidth: number };
  widthOfString?: (text: string, size: number, features?: unknown) => number;
};

/**
 * Registers both faces on a new document. PDFKit lays out each word once per document and caches
 * the result on its per-document font object; shaping is most of a pack's rendering time and the
 * packs of one meeting share nearly all their words, so the cache is shared across documents
 * (one per face; a word's layout depends only on the face). Glyph subsets stay per document.
 */
export function useFonts(doc: PDFKit.PDFDocument): void {
  for (const face of ["regular", "bold"] as const) {
    const s = faces()[face];
    if (Object.keys(s.layoutCache).length > LAYOUT_CACHE_WORDS || s.widths.size > LAYOUT_CACHE_WORDS) {
      s.layoutCache = Object.create(null) as Record<string, unknown>;
      s.widths = new Map<string, number>();
    }
    // @types/pdfkit lists only paths and bytes, but PDFKit takes a parsed fontkit font too.
    doc.registerFont(FONT[face], s.font as unknown as Buffer);
    doc.font(FONT[face]);
    const current = (doc as unknown as { _font?: PdfkitFace })._font;
    if (current?.layoutCache) current.layoutCache = s.layoutCache;
    if (current) rememberWidths(current, s.widths);
  }
}

/**
 * Every cell is measured (its whole text, and each word when it wraps) before it is drawn, and the
 * packs of one meeting measure nearly the same strings, so a string's width is kept per face, as
 * its layout is. This is PDFKit's own `widthOfString` (width in font units times size / 1000) with
 * the width in font units remembered; strings with features are left to PDFKit.
 */
function rememberWidths(face: PdfkitFace, widths: Map<string, number>): void {
  const { layout, widthOfString } = face;
  if (!layout || !widthOfString) return;
  face.widthOfString = function (text, size, features) {
    if (features !== undefined) return widthOfString.call(this, text, size, features);
    let units = widths.get(text);
    if (units === undefined) {
      units = layout.call(this, text, undefined, true).advanceWidth;
      widths.set(text, units);
    }
    return units * (size / 1000);
  };
}
