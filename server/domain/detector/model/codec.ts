/**
 * Compact storage of sparse weights in the committed JSON: non-zero indices as varint-encoded
 * gaps and values quantised to 16-bit integers (value = q * scale), each as base64.
 */
export interface EncodedWeights {
  bias: number;
  scale: number;
  indices: string;
  values: string;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) LOOKUP[ALPHABET.charCodeAt(i)] = i;

function toBase64(bytes: readonly number[]): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63] ?? "";
    out += ALPHABET[(n >> 12) & 63] ?? "";
    out += i + 1 < bytes.length ? (ALPHABET[(n >> 6) & 63] ?? "") : "=";
    out += i + 2 < bytes.length ? (ALPHABET[n & 63] ?? "") : "=";
  }
  return out;
}

function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i += 1) {
    const v = LOOKUP[clean.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error("Invalid base64 in the detector weights.");
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o] = (buffer >> bits) & 0xff;
      o += 1;
    }
  }
  return out;
}

/** Rounded to 6 significant digits so the JSON is stable. */
function stable(x: number): number {
  return Number(x.toPrecision(6));
}

/** Weights whose quantised value is 0, or below `prune` in magnitude, are dropped. */
export function encodeWeights(weights: Float64Array, bias: number, prune: number): EncodedWeights {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = stable(max === 0 ? 1 : max / 32767);
  const indexBytes: number[] = [];
  const valueBytes: number[] = [];
  let last = 0;
  weights.forEach((w, i) => {
    const q = Math.round(w / scale);
    if (q === 0 || Math.abs(w) < prune) return;
    let gap = i - last;
    last = i;
    while (gap >= 0x80) {
      indexBytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    indexBytes.push(gap);
    valueBytes.push(q & 0xff, (q >> 8) & 0xff);
  });
  return { bias: stable(bias), scale, indices: toBase64(indexBytes), values: toBase64(valueBytes) };
}

/** Writes the decoded weights into `into` at `into[index * stride + offset]`. */
export function decodeWeights(encoded: EncodedWeights, into: Float32Array, stride: number, offset: number): void {
  const indices = fromBase64(encoded.indices);
  const values = fromBase64(encoded.values);
  let index = 0;
  let v = 0;
  let i = 0;
  let first = true;
  while (i < indices.length) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = indices[i] ?? 0;
      i += 1;
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    index = first ? gap : index + gap;
    first = false;
    const low = values[v] ?? 0;
    const high = values[v + 1] ?? 0;
    v += 2;
    const q = ((high << 8) | low) << 16 >> 16;
    into[index * stride + offset] = q * encoded.scale;
  }
}
