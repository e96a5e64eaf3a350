import { decode } from "next-auth/jwt";
import { env } from "~/env";

/** Session cookies are `Secure` (and `__Secure-` named) in production unless switched off for plain-HTTP trials. */
export const SECURE_SESSION_COOKIES = env.NODE_ENV === "production" && env.AUTH_SECURE_COOKIES !== "false";

/** Auth.js's name for the session cookie, which is also the salt its token is encrypted with. */
export const SESSION_COOKIE = `${SECURE_SESSION_COOKIES ? "__Secure-" : ""}authjs.session-token`;

type Cookies = { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] };

/** The token, whole or (as Auth.js writes one over 4 kB) in numbered chunks. */
function tokenOf(cookies: Cookies): string | undefined {
  const whole = cookies.get(SESSION_COOKIE)?.value;
  if (whole) return whole;
  const chunks = cookies
    .getAll()
    .filter((c) => c.name.startsWith(`${SESSION_COOKIE}.`))
    .sort((a, b) => Number(a.name.slice(SESSION_COOKIE.length + 1)) - Number(b.name.slice(SESSION_COOKIE.length + 1)));
  return chunks.length > 0 ? chunks.map((c) => c.value).join("") : undefined;
}

/** Tokens already opened, with their session id and expiry: each request would otherwise decrypt again. */
const OPENED_MAX = 2_000;
const opened = new Map<string, { sid: string; expiresAt: number }>();

/**
 * The server-side session id the request's cookie carries, or null: the cookie is only opened
 * (Auth.js's encrypted token, its expiry checked), never re-issued. Reading a session needs
 * nothing else from Auth.js, so neither the proxy nor a page builds its configuration (which
 * reads the agencies' identity providers) or re-encrypts the cookie on every request. Whether the
 * session is still live is for the sessions table (server/services/sessions.ts).
 */
export async function sessionIdFromCookies(cookies: Cookies): Promise<string | null> {
  const token = tokenOf(cookies);
  if (!token) return null;
  // A token once opened (authenticated and decrypted with our secret) says the same thing until it
  // expires, so it is opened once, not on every request (decision 062). Failures are not kept.
  // Past its expiry the token is opened again, so Auth.js's own check (and its clock tolerance) decides.
  const known = opened.get(token);
  if (known && Date.now() < known.expiresAt) return known.sid;
  opened.delete(token);
  try {
    const payload = await decode({ token, secret: env.AUTH_SECRET, salt: SESSION_COOKIE });
    if (typeof payload?.sid !== "string" || payload.sid === "" || typeof payload.exp !== "number") return null;
    if (opened.size >= OPENED_MAX) opened.delete(opened.keys().next().value as string);
    opened.set(token, { sid: payload.sid, expiresAt: payload.exp * 1000 });
    return payload.sid;
  } catch {
    // Tampered, expired or signed with another secret: no session.
    return null;
  }
}
