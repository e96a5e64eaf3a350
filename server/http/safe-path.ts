/**
 * Redirect targets that come from a request (a form's `back` field, sign-in's `next`, Auth.js's
 * callbackUrl) may only be paths on this site. Anything else becomes the fallback: an attacker's
 * link must never send a signed-in user elsewhere.
 */
const PROBE_ORIGIN = "http://same-origin.invalid";

/**
 * The value if it is a same-origin path starting with a single "/", else the fallback. Refuses
 * "//host" and "/\host" (browsers read both as another host), any backslash, whitespace or
 * control character (browsers drop tabs and newlines, so "/\t/host" is "//host"), and anything
 * the URL parser does not resolve to this origin.
 */
export function safeLocalPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  if (/[\\\s]/u.test(value) || [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return fallback;
  try {
    return new URL(value, PROBE_ORIGIN).origin === PROBE_ORIGIN ? value : fallback;
  } catch {
    return fallback;
  }
}

/** Auth.js's redirect callback: a path or same-origin URL is kept as a path; anything else goes home. */
export function sameOriginRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  if (url.startsWith("/")) return `${baseUrl}${safeLocalPath(url)}`;
  try {
    const parsed = new URL(url);
    if (parsed.origin === new URL(baseUrl).origin) return `${baseUrl}${safeLocalPath(parsed.pathname + parsed.search + parsed.hash)}`;
  } catch {
    // not a URL at all
  }
  return baseUrl;
}
