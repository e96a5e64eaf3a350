/**
 * Features for the statistical suggester: word unigrams and bigrams plus character 4- and 5-grams
 * inside word boundaries (so "asylym" shares n-grams with "asylum"), all hashed into
 * a fixed table with FNV-1a. Text is lowercased, accent-folded and has its digits set to 0.
 *
 * The fast path writes only table indices (no strings); `featureNames` recomputes the same
 * indices with the n-gram text, used only to explain a flagged sentence.
 */

export const FEATURE_BITS = 18;
export const FEATURE_COUNT = 1 << FEATURE_BITS;
const MASK = FEATURE_COUNT - 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Different seeds keep the word "abc" and the character n-gram "abc" apart. */
const WORD_SEED = 0x9e3779b9;
const CHAR_SEED = FNV_OFFSET;
const BIGRAM_SALT = 0x27d4eb2d;
/** Word boundary marker inside character n-grams. */
const BOUNDARY = 0x5f; // "_"
const ZERO = 0x30;
/** A word n-gram counts this many times a character n-gram (chosen by cross-validation). */
const WORD_WEIGHT = 3;

const NON_ASCII = /[^ -~\t\n\r]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lowercase, fold accents ("Zoë" -> "zoe"), digits become 0. Other characters are kept. */
export function normalise(sentence: string, lower = sentence.toLowerCase()): string {
  let s = lower;
  if (NON_ASCII.test(s)) s = s.normalize("NFD").replace(COMBINING_MARKS, "");
  return s;
}

function isTokenChar(code: number): boolean {
  // a-z, 0-9, then letters of other scripts (Latin-1 to Devanagari and beyond; general punctuation excluded).
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0xc0 && code < 0x2000) || code >= 0x3040;
}

function charCode(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0x30 && c <= 0x39 ? ZERO : c;
}

function finish(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  return x & MASK;
}

/** A growable buffer of feature indices, reused across sentences. */
export class FeatureBuffer {
  indices = new Int32Array(256);
  length = 0;
  /** Makes room for `count` more indices (the writer then stores them directly). */
  reserve(count: number): void {
    if (this.length + count <= this.indices.length) return;
    const next = new Int32Array(Math.max(this.length + count, this.indices.length * 2));
    next.set(this.indices.subarray(0, this.length));
    this.indices = next;
  }
}

/** Where each feature came from, to name it for an explanation without building strings. */
export interface FeatureOrigins {
  /** The normalised sentence. */
  text: string;
  /** Per feature: first and last character position in `text` (a position outside the word is a boundary). */
  from: number[];
  to: number[];
  /** Per feature: the word's bounds, for boundary markers (-1 for word n-grams). */
  wordStart: number[];
  wordEnd: number[];
}

/** The text of feature `k`: words as "leave to", character n-grams with "_" at a word boundary ("_asyl"). */
export function featureName(origins: FeatureOrigins, k: number): string {
  const from = origins.from[k] ?? 0;
  const to = origins.to[k] ?? 0;
  const wordStart = origins.wordStart[k] ?? -1;
  const wordEnd = origins.wordEnd[k] ?? -1;
  if (wordStart < 0) return origins.text.slice(from, to + 1).replace(/[^a-z0-9\u00c0-\uffff]+/g, " ").replace(/[0-9]/g, "0");
  let gram = "";
  for (let r = from; r <= to; r += 1) gram += r < wordStart || r >= wordEnd ? "_" : String.fromCharCode(charCode(origins.text, r));
  return gram;
}

/** Records where a feature came from (explanations only). */
function note(origins: FeatureOrigins, from: number, to: number, wordStart: number, wordEnd: number): void {
  origins.from.push(from);
  origins.to.push(to);
  origins.wordStart.push(wordStart);
  origins.wordEnd.push(wordEnd);
}

/**
 * Write the feature indices of `sentence` into `out` (cleared first). If `origins` is given,
 * where each feature came from is recorded in the same order (see `featureName`). `lower`, if
 * given, must be `sentence.toLowerCase()` (the caller's, to save lowercasing twice).
 * Order: per word, its unigram and its bigram with the previous word WORD_WEIGHT times,
 * interleaved, then its character 4- and 5-gram at each position (the 5-gram extends the 4-gram's hash).
 */
export function extractFeatures(sentence: string, out: FeatureBuffer, origins?: FeatureOrigins, lower?: string): void {
  const s = normalise(sentence, lower);
  if (origins !== undefined) origins.text = s;
  const n = s.length;
  // A word of L characters gives at most 6 word features and 2L character n-grams: 8n bounds the sentence.
  out.length = 0;
  out.reserve(8 * n + 8);
  const indices = out.indices;
  let length = 0;
  const codes = wordCodes(n + 2);
  let previousStart = 0;
  let previousWord = 0;
  let havePrevious = false;
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    if (!isTokenChar(c)) {
      i += 1;
      continue;
    }
    const start = i;
    let word = WORD_SEED;
    // codes holds "_word_": the boundary, the word's (digit-folded) characters, the boundary.
    codes[0] = BOUNDARY;
    let w = 1;
    do {
      if (c >= 0x30 && c <= 0x39) c = ZERO;
      word = Math.imul(word ^ c, FNV_PRIME);
      codes[w] = c;
      w += 1;
      i += 1;
      c = i < n ? s.charCodeAt(i) : 0;
    } while (i < n && isTokenChar(c));
    codes[w] = BOUNDARY;
    const end = i;
    const unigram = finish(word);
    if (havePrevious) {
      const bigram = finish(Math.imul(previousWord ^ BIGRAM_SALT, FNV_PRIME) ^ word);
      for (let r = 0; r < WORD_WEIGHT; r += 1) {
        indices[length] = unigram;
        indices[length + 1] = bigram;
        length += 2;
        if (origins !== undefined) {
          note(origins, start, end - 1, -1, -1);
          note(origins, previousStart, end - 1, -1, -1);
        }
      }
    } else {
      for (let r = 0; r < WORD_WEIGHT; r += 1) {
        indices[length] = unigram;
        length += 1;
        if (origins !== undefined) note(origins, start, end - 1, -1, -1);
      }
    }
    previousWord = word;
    previousStart = start;
    havePrevious = true;

    // Character n-grams over "_word_" (codes[0 .. w]): a 4-gram at each position, and the 5-gram that extends it.
    for (let p = 0; p + 3 <= w; p += 1) {
      let h = Math.imul(CHAR_SEED ^ (codes[p] ?? 0), FNV_PRIME);
      h = Math.imul(h ^ (codes[p + 1] ?? 0), FNV_PRIME);
      h = Math.imul(h ^ (codes[p + 2] ?? 0), FNV_PRIME);
      h = Math.imul(h ^ (codes[p + 3] ?? 0), FNV_PRIME);
      indices[length] = finish(h);
      length += 1;
      if (origins !== undefined) note(origins, start - 1 + p, start + p + 2, start, end);
      if (p + 4 <= w) {
        indices[length] = finish(Math.imul(h ^ (codes[p + 4] ?? 0), FNV_PRIME));
        length += 1;
        if (origins !== undefined) note(origins, start - 1 + p, start + p + 3, start, end);
      }
    }
  }
  out.length = length;
}

let codeBuffer = new Int32Array(256);

/** A reused buffer for one word's character codes, at least `size` long. */
function wordCodes(size: number): Int32Array {
  if (codeBuffer.length < size) codeBuffer = new Int32Array(Math.max(size, codeBuffer.length * 2));
  return codeBuffer;
}
