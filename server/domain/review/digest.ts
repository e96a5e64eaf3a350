import { createHash } from "node:crypto";

/**
 * SHA-256 of a sentence (UTF-8), hex. Review marks are keyed by it, so editing a sentence
 * invalidates its review by construction. Node's own hash: only server code reads review marks
 * (no client component imports server/domain/review).
 */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
