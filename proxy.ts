import { NextResponse, type NextRequest } from "next/server";
import { env } from "~/env";
import { sessionIdFromCookies } from "~/server/auth/session-cookie";
import { hstsHeader } from "~/server/http/hsts";
import { refuseOversizedRequest } from "~/server/http/request-limits";

const PUBLIC_PATHS = ["/sign-in", "/api/auth", "/api/trpc/health.ping"];

/**
 * A nonce-based Content-Security-Policy: no 'unsafe-eval' outside development, no inline script
 * without the nonce, no framing, no third-party origins at all.
 */
function contentSecurityPolicy(nonce: string): string {
  const dev = env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Refuses a request body over its path's limit (server/http/request-limits.ts) before any server
 * action or route reads it. Sends anonymous visitors to sign-in. The cookie is only a first
 * filter: every page and procedure checks the server-side session again (server/auth/index.ts).
 */
export async function proxy(req: NextRequest): Promise<Response> {
  const signedIn = (await sessionIdFromCookies(req.cookies)) !== null;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const { pathname, search } = req.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const tooLarge = refuseOversizedRequest(req.method, pathname, req.headers.get("content-length"));

  let res: NextResponse;
  if (tooLarge) {
    res = new NextResponse(tooLarge.body, { status: tooLarge.status, headers: tooLarge.headers });
  } else if (!signedIn && !isPublic) {
    if (pathname.startsWith("/api/")) {
      res = NextResponse.json({ error: "Sign in to continue." }, { status: 401 });
    } else {
      const url = new URL("/sign-in", req.nextUrl.origin);
      if (pathname !== "/") url.searchParams.set("next", pathname + search);
      res = NextResponse.redirect(url);
    }
  } else {
    const headers = new Headers(req.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
    res = NextResponse.next({ request: { headers } });
  }
  res.headers.set("Content-Security-Policy", csp);
  const hsts = hstsHeader(env.NODE_ENV, req.nextUrl, req.headers.get("x-forwarded-proto"));
  if (hsts) res.headers.set("Strict-Transport-Security", hsts);
  return res;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
