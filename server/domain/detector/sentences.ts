/**
 * Sentence splitter for British case notes.
 *
 * Returns character spans (UTF-16 offsets into the original JavaScript string), trimmed of
 * surrounding whitespace and of a leading list marker ("- ", "• ", "1. ", "(a) "). It is a single
 * left-to-right scan with bounded look-behind, so it runs in linear time on any input.
 *
 * Boundaries:
 * - a blank line, always;
 * - a single line break, unless the line wraps mid-sentence (the line ends with a lowercase letter
 *   or a comma and the next line starts with a lowercase letter);
 * - ".", "!", "?" or "…" (a run of them, plus closing quotes or brackets) followed by whitespace,
 *   unless the next word starts with a lowercase letter (abbreviations and sloppy notes are kept
 *   together rather than cut), or the word before a single "." is a known abbreviation (titles
 *   such as "Mr.", "DS.", "Dr."; "e.g.", "i.e."; "approx."), an initial ("J. Smith"), or "No." /
 *   a month abbreviation / "para." before a number.
 *
 * When in doubt it keeps text together: a longer sentence withholds more (fail closed), a cut in
 * the wrong place could separate a trigger word from what it refers to.
 */

export interface SentenceSpan {
  start: number;
  end: number;
}

/** Abbreviations that never end a sentence when followed by a space (compared lowercased, no dot). */
const ALWAYS_ABBREVIATIONS = new Set([
  // titles and police / professional ranks
  "mr", "mrs", "ms", "mx", "miss", "dr", "prof", "rev", "revd", "fr", "sr", "jr",
  "sgt", "insp", "supt", "ds", "dc", "pc", "dci", "di", "dsu", "dsupt", "det", "cllr", "hon", "st",
  // Latin and note-taking abbreviations
  "e.g", "eg", "i.e", "ie", "viz", "cf", "approx", "apprx", "c.f", "vs", "incl", "inc", "dept", "govt",
  "tel", "mob", "ref", "refs", "att", "attn", "re", "a.k.a", "aka", "est", "wk", "wks", "hr", "hrs",
  "min", "mins", "yr", "yrs", "mth", "mths", "nr", "opp", "poss", "prev", "ext",
]);

/** Abbreviations that do not end a sentence only when a number follows ("No. 5", "Jan. 2024"). */
const BEFORE_NUMBER_ABBREVIATIONS = new Set([
  "no", "nos", "p", "pp", "para", "paras", "s", "ss", "sec", "art", "fig", "vol", "ch",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]);

const TERMINALS = new Set([".", "!", "?", "…"]);
const CLOSERS = new Set(["'", '"', "’", "”", ")", "]"]);
const LINE_BREAKS = new Set(["\n", "\r", "\u2028", "\u2029"]);

/** A list marker at the start of a segment: "-", "*", "•", "1.", "2)", "(a)", "a)". */
const LIST_MARKER = /^(?:[-*•‣◦·–—>]|\(?\d{1,3}[.)]|\([a-zA-Z]\)|[a-zA-Z]\))[ \t]+/;

const WHITESPACE = /\s/;

function isWhitespace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  // ASCII fast path (space, tab, line breaks); everything else goes to the Unicode-aware test.
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return WHITESPACE.test(ch);
}

/** Speed only: false for every character that is neither in LINE_BREAKS nor in TERMINALS. */
function mayBreak(code: number): boolean {
  return code === 0x2e || code === 0x0a || code === 0x0d || code === 0x21 || code === 0x3f || code === 0x2026 || code === 0x2028 || code === 0x2029;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether text[from, to) holds a letter or digit of any script, without copying ASCII-only text. */
function hasLetterOrDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return LETTER_OR_DIGIT.test(text.slice(i, to)); // the rest, as one Unicode-aware test
    if ((code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a)) return true;
  }
  return false;
}

function isLower(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

/** The word immediately before position `dot` (letters and inner dots, at most 12 characters). */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && dot - i < 12 && /[A-Za-z.]/.test(text[i - 1] ?? "")) i -= 1;
  if (i > 0 && /[A-Za-z.]/.test(text[i - 1] ?? "")) return ""; // longer than 12: an ordinary word
  return text.slice(i, dot);
}

function isAbbreviationDot(text: string, dot: number, next: string | undefined): boolean {
  const word = wordBefore(text, dot);
  if (word === "") return false;
  const lower = word.toLowerCase().replace(/^\.+/, "");
  if (ALWAYS_ABBREVIATIONS.has(lower)) return true;
  if (BEFORE_NUMBER_ABBREVIATIONS.has(lower) && isDigit(next)) return true;
  // A single capital letter: an initial ("J. Smith").
  if (/^[A-Z]$/.test(word)) return true;
  return false;
}

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const n = text.length;

  const emit = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && isWhitespace(text[s])) s += 1;
    while (e > s && isWhitespace(text[e - 1])) e -= 1;
    // Strip a list marker (bounded: the marker regex looks at the first few characters only).
    const marker = LIST_MARKER.exec(text.slice(s, Math.min(e, s + 8)));
    if (marker && s + marker[0].length < e) s += marker[0].length;
    while (s < e && isWhitespace(text[s])) s += 1;
    if (s >= e) return;
    if (!hasLetterOrDigit(text, s, e)) return;
    spans.push({ start: s, end: e });
  };

  let segStart = 0;
  let i = 0;
  while (i < n) {
    if (!mayBreak(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const ch = text[i] ?? "";

    if (LINE_BREAKS.has(ch)) {
      // Find the next non-blank character and whether a blank line lies between.
      let j = i + 1;
      let breaks = 1;
      if (ch === "\r" && text[j] === "\n") j += 1;
      while (j < n && isWhitespace(text[j])) {
        const c = text[j] ?? "";
        if (LINE_BREAKS.has(c) && !(c === "\n" && text[j - 1] === "\r")) breaks += 1;
        j += 1;
      }
      let boundary = true;
      if (breaks === 1 && j < n) {
        let k = i;
        while (k > segStart && isWhitespace(text[k - 1])) k -= 1;
        const prev = text[k - 1];
        const wraps = prev !== undefined && (isLower(prev) || prev === ",");
        const nextLine = text.slice(j, j + 4);
        if (wraps && isLower(text[j]) && !LIST_MARKER.test(nextLine + " ")) boundary = false;
      }
      if (boundary) {
        emit(segStart, i);
        segStart = j;
      }
      i = j;
      continue;
    }

    if (TERMINALS.has(ch)) {
      let j = i;
      while (j < n && TERMINALS.has(text[j] ?? "")) j += 1;
      const runLength = j - i;
      while (j < n && CLOSERS.has(text[j] ?? "")) j += 1;
      if (j < n && !isWhitespace(text[j])) {
        // "12.30", "e.g.,", "U.K's", "?!x": not a boundary.
        i = j;
        continue;
      }
      let k = j;
      while (k < n && isWhitespace(text[k]) && !LINE_BREAKS.has(text[k] ?? "")) k += 1;
      const next = text[k];
      let boundary = true;
      if (next !== undefined && !LINE_BREAKS.has(next)) {
        if (isLower(next)) boundary = false;
        else if (ch === "." && runLength === 1 && isAbbreviationDot(text, i, next)) boundary = false;
        else if (ch === "." && runLength === 1 && i - segStart <= 12 && /^\s*\(?\d{1,3}$/.test(text.slice(segStart, i))) {
          boundary = false; // "1. Police to flag": a list number, stripped later as a marker
        }
      }
      if (boundary) {
        emit(segStart, j);
        segStart = j;
      }
      i = j;
      continue;
    }

    i += 1;
  }
  emit(segStart, n);
  return spans;
}
