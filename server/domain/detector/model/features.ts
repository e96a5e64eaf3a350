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
export function normalise(sentence: string): string {
  let s = sentence.toLowerCase();
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
  push(index: number): void {
    if (this.length === this.indices.length) {
      const next = new Int32Array(this.indices.length * 2);
      next.set(this.indices);
      this.indices = next;
    }
    this.indices[this.length] = index;
    this.length += 1;
  }
}

/**
 * Write the feature indices of `sentence` into `out` (cleared first). If `names` is given, the
 * n-gram text of each index is pushed to it in the same order: words as "leave to", character
 * n-grams with "_" marking a word boundary ("_asyl").
 */
export function extractFeatures(sentence: string, out: FeatureBuffer, names?: string[]): void {
  out.length = 0;
  const s = normalise(sentence);
  const n = s.length;
  let previousWord = 0;
  let havePrevious = false;
  let previousText = "";
  let i = 0;
  while (i < n) {
    if (!isTokenChar(s.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    let word = WORD_SEED;
    while (i < n && isTokenChar(s.charCodeAt(i))) {
      word = Math.imul(word ^ charCode(s, i), FNV_PRIME);
      i += 1;
    }
    const end = i;
    const text = names === undefined ? "" : s.slice(start, end).replace(/[0-9]/g, "0");
    const unigram = finish(word);
    const bigram = havePrevious ? finish(Math.imul(previousWord ^ BIGRAM_SALT, FNV_PRIME) ^ word) : -1;
    for (let r = 0; r < WORD_WEIGHT; r += 1) {
      out.push(unigram);
      names?.push(text);
      if (bigram >= 0) {
        out.push(bigram);
        names?.push(`${previousText} ${text}`);
      }
    }
    previousWord = word;
    previousText = text;
    havePrevious = true;

    // Character n-grams over "_word_": positions start-1 .. end (the two boundaries).
    for (let p = start - 1; p <= end - CHAR_MIN + 1; p += 1) {
      let h = CHAR_SEED;
      for (let k = 0; k < CHAR_MAX; k += 1) {
        const q = p + k;
        if (q > end) break;
        h = Math.imul(h ^ (q < start || q === end ? BOUNDARY : charCode(s, q)), FNV_PRIME);
        if (k >= CHAR_MIN - 1) {
          out.push(finish(h));
          if (names !== undefined) {
            let gram = "";
            for (let r = p; r <= q; r += 1) gram += r < start || r === end ? "_" : String.fromCharCode(charCode(s, r));
            names.push(gram);
          }
        }
      }
    }
  }
}
