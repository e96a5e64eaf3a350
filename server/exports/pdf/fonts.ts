import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * Noto Sans (SIL OFL 1.1) from the `@expo-google-fonts/noto-sans` npm package: one complete TTF per
 * weight covering Latin (incl. Extended-A/B and Vietnamese), Greek and Cyrillic. The PDF standard 14
 * fonts only encode WinAnsi, so names such as "Łukasiewicz", "Ayşe" or "Nguyễn" would be lost;
 * @fontsource ships the same face split into per-script WOFF files, which cannot serve a mixed
 * string. Files are resolved through Node's resolver so nothing is fetched at run time.
 */
const FONT_FILES = {
  regular: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
} as const;

export type FontBytes = { regular: Buffer; bold: Buffer };

/** Registered names used by the renderer; kept here so both sides agree. */
export const FONT = { regular: "MaracBody", bold: "MaracBold" } as const;

// Read once per process: the files are ~630 KB each and never change while the server runs.
let cached: FontBytes | undefined;

export function loadFonts(): FontBytes {
  if (!cached) {
    const require = createRequire(import.meta.url);
    cached = {
      regular: readFileSync(require.resolve(FONT_FILES.regular)),
      bold: readFileSync(require.resolve(FONT_FILES.bold)),
    };
  }
  return cached;
}
