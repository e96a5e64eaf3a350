import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomFillSync } from "node:crypto";

const ALGORITHM = "aes-256-gcm";
const PREFIX = "enc:v1:";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Nonces drawn from the system's random source per this many values (one call instead of one per value). */
const NONCES_PER_DRAW = 512;

/**
 * AES-256-GCM for single values at rest. Each value gets a fresh random nonce, and is
 * authenticated together with the place it belongs to (table, row, field): a value copied into
 * another row or field fails to decrypt instead of showing up in the wrong case.
 */
export type FieldCipher = {
  seal(plaintext: string, place: string): string;
  open(sealed: string, place: string): string;
  /** A keyed digest (HMAC-SHA256 under a key derived from DATA_KEY): recognises a text without storing it. */
  digest(text: string): string;
};

export function isSealed(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(PREFIX);
}

export class DecryptionError extends Error {
  constructor(place: string) {
    super(`A stored value at ${place} could not be decrypted: wrong DATA_KEY, or the value was moved or altered.`);
    this.name = "DecryptionError";
  }
}

export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new Error("DATA_KEY must be 32 bytes (base64 of 32 random bytes).");
  const digestKey = Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), "marac-desk digest v1", 32));
  // Fresh random bytes for the next NONCES_PER_DRAW nonces; each slice is handed out once, so
  // every value still gets its own random nonce (an import seals dozens per case).
  const nonces = Buffer.alloc(NONCE_BYTES * NONCES_PER_DRAW);
  let used = NONCES_PER_DRAW;
  const nextNonce = () => {
    if (used === NONCES_PER_DRAW) {
      randomFillSync(nonces);
      used = 0;
    }
    used += 1;
    return Buffer.from(nonces.subarray((used - 1) * NONCE_BYTES, used * NONCE_BYTES));
  };
  return {
    digest(text) {
      return createHmac("sha256", digestKey).update(text, "utf8").digest("base64url");
    },
    seal(plaintext, place) {
      const nonce = nextNonce();
      const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(place, "utf8"));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return `${PREFIX}${nonce.toString("base64url")}.${body.toString("base64url")}`;
    },
    open(sealed, place) {
      if (!isSealed(sealed)) throw new DecryptionError(place);
      const [nonceB64, bodyB64] = sealed.slice(PREFIX.length).split(".");
      if (!nonceB64 || !bodyB64) throw new DecryptionError(place);
      const nonce = Buffer.from(nonceB64, "base64url");
      const body = Buffer.from(bodyB64, "base64url");
      if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES) throw new DecryptionError(place);
      try {
        const decipher = createDecipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(place, "utf8"));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
      } catch {
        throw new DecryptionError(place);
      }
    },
  };
}

/** Parses DATA_KEY: base64 (standard or url-safe) of exactly 32 bytes. */
export function parseDataKey(value: string): Buffer {
  const key = Buffer.from(value.trim(), "base64");
  if (key.length !== 32) throw new Error("DATA_KEY must be the base64 encoding of 32 random bytes (`openssl rand -base64 32`).");
  return key;
}
