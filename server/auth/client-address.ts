/**
 * The client address for the per-address sign-in throttle (decision 034). Next's server sets
 * X-Forwarded-For to the socket's address when the request has none; a reverse proxy in front
 * must append the address it saw (nginx: $proxy_add_x_forwarded_for), so the last entry is the
 * one nearest us that we can trust. A client talking to Next directly can send its own header
 * and dodge this throttle: the per-account lock-out stays the hard limit either way.
 */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last ? last.slice(0, 100) : null;
}
