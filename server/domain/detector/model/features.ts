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
const CHAR_MIN = 4;
const CHAR_MAX = 5;

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

/**
 * Write the feature indices of `sentence` into `out` (cleared first). If `origins` is given,
 * where each feature came from is recorded in the same order (see `featureName`). `lower`, if
 * given, must be `sentence.toLowerCase()` (the caller's, to save lowercasing twice).
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
    if (!isTokenChar(s.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    let word = WORD_SEED;
    // codes holds "_word_": the boundary, the word's (digit-folded) characters, the boundary.
    codes[0] = BOUNDARY;
    while (i < n && isTokenChar(s.charCodeAt(i))) {
      const c = charCode(s, i);
      word = Math.imul(word ^ c, FNV_PRIME);
      i += 1;
      codes[i - start] = c;
    }
    const end = i;
    const wordLength = end - start;
    codes[wordLength + 1] = BOUNDARY;
    const unigram = finish(word);
    const bigram = havePrevious ? finish(Math.imul(previousWord ^ BIGRAM_SALT, FNV_PRIME) ^ word) : -1;
    for (let r = 0; r < WORD_WEIGHT; r += 1) {
      indices[length++] = unigram;
      origins?.from.push(start);
      origins?.to.push(end - 1);
      origins?.wordStart.push(-1);
      origins?.wordEnd.push(-1);
      if (bigram >= 0) {
        indices[length++] = bigram;
        origins?.from.push(previousStart);
        origins?.to.push(end - 1);
        origins?.wordStart.push(-1);
        origins?.wordEnd.push(-1);
      }
    }
    previousWord = word;
    previousStart = start;
    havePrevious = true;

    // Character n-grams over "_word_": codes[0 .. wordLength + 1].
    for (let p = 0; p <= wordLength + 2 - CHAR_MIN; p += 1) {
      let h = CHAR_SEED;
      for (let k = 0; k < CHAR_MAX; k += 1) {
        const q = p + k;
        if (q > wordLength + 1) break;
        h = Math.imul(h ^ (codes[q] ?? 0), FNV_PRIME);
        if (k >= CHAR_MIN - 1) {
          indices[length++] = finish(h);
          origins?.from.push(start - 1 + p);
          origins?.to.push(start - 1 + q);
          origins?.wordStart.push(start);
          origins?.wordEnd.push(end);
        }
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
