import { readFileSync } from "node:fs";
import { join } from "node:path";

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
 * The font package's folder. Found from the working directory (the app, scripts and tests all run
 * from the repository root) rather than `require.resolve`, which the bundler would try to bundle.
 */
const FONT_DIR = join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans");

export type FontBytes = { regular: Buffer; bold: Buffer };

/** Registered names used by the renderer; kept here so both sides agree. */
export const FONT = { regular: "MaracBody", bold: "MaracBold" } as const;

// Read once per process: the files are ~630 KB each and never change while the server runs.
let cached: FontBytes | undefined;

export function loadFonts(): FontBytes {
  if (!cached) {
    cached = {
      regular: readFileSync(join(FONT_DIR, FONT_FILES.regular)),
      bold: readFileSync(join(FONT_DIR, FONT_FILES.bold)),
    };
  }
  return cached;
}

// Any UTF-16 unit above ASCII (surrogate halves included, so astral characters count too).
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Options for every text draw AND measure call (they must match or wrapping drifts). Noto's `ccmp`
 * feature splits some precomposed letters (e.g. Vietnamese "ị") into a base glyph and a mark glyph
 * with no Unicode mapping: the page looks right but extracts and searches as "i" plus junk. With
 * ccmp off the font's precomposed glyph is used. PDFKit passes `features` to fontkit, which takes
 * a { tag: boolean } map; @types/pdfkit declares only the list form, hence the cast. A fresh object
 * each call because fontkit writes its defaults into the object it is given.
 * Plain ASCII has nothing for ccmp to split, and passing features disables PDFKit's layout cache
 * (about 2.5x slower), so they are passed only for text that needs them.
 */
export function textOpts(text: string, options: PDFKit.Mixins.TextOptions = {}): PDFKit.Mixins.TextOptions {
  if (!NON_ASCII.test(text)) return options;
  const features = { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];
  return { ...options, features };
}
