import { randomBytes, timingSafeEqual } from "node:crypto";
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import QRCode from "qrcode";

/** RFC 6238 as every authenticator app reads it: 30-second steps, 6 digits, HMAC-SHA1. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** A code of the step before or after the current one is accepted too (a phone clock a little off). */
const ALLOWED_DRIFT_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;

/** A new 160-bit secret, in base32 (what the QR code carries and a person can type). */
export function newTotpSecret(): string {
  return encodeBase32UpperCaseNoPadding(randomBytes(20));
}

function secretKey(secret: string): Uint8Array {
  return decodeBase32IgnorePadding(secret.replace(/\s+/g, "").toUpperCase());
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for a step: for tests and the demo's printed codes. */
export function totpCodeAt(secret: string, step: number): string {
  return generateHOTP(secretKey(secret), BigInt(step), TOTP_DIGITS);
}

/**
 * The step a code belongs to, among the current step and its neighbours, or null. The caller
 * refuses a step at or before the last one accepted, so each code works once.
 */
export function matchTotpStep(secret: string, code: string, now: Date): number | null {
  const typed = code.replace(/\s+/g, "");
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(typed)) return null;
  const current = totpStep(now);
  let matched: number | null = null;
  // Every candidate is compared, so the time taken does not tell which step matched.
  for (let step = current - ALLOWED_DRIFT_STEPS; step <= current + ALLOWED_DRIFT_STEPS; step++) {
    if (timingSafeEqual(Buffer.from(totpCodeAt(secret, step)), Buffer.from(typed))) matched ??= step;
  }
  return matched;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpKeyUri(secret: string, accountName: string): string {
  return createTOTPKeyURI("MARAC Desk", accountName, secretKey(secret), TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The QR code as an SVG data URL, drawn on the server (the page's CSP allows data: images). */
export async function totpQrDataUrl(secret: string, accountName: string): Promise<string> {
  const svg = await QRCode.toString(totpKeyUri(secret, accountName), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}

/** Ten recovery codes, each 10 characters of base32 (50 bits) shown as two groups of five. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = encodeBase32UpperCaseNoPadding(randomBytes(7)).slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

/** A recovery code as typed: any case, with or without the dash or spaces. */
export function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]+/g, "").toUpperCase();
}
