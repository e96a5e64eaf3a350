/**
 * Strict-Transport-Security (README, Security headers): sent in production on responses served
 * over HTTPS, directly or behind a TLS-terminating proxy that says so in X-Forwarded-Proto.
 * Browsers ignore the header over plain HTTP, so a forged X-Forwarded-Proto gains nothing; it is
 * not sent in development, where http://localhost must keep working.
 */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

export function hstsHeader(nodeEnv: string, url: URL, forwardedProto: string | null): string | null {
  if (nodeEnv !== "production") return null;
  const proto = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return url.protocol === "https:" || proto === "https" ? HSTS_VALUE : null;
}
