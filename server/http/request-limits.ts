/**
 * How large a request body may be (issue 7). Forms and the browser's tRPC calls need little: the
 * largest is the narrative page (100,000 characters) and a whole draft is capped at 256 kB. Only
 * the admin's import upload needs more, and gets its own limit (docs/import-format.md).
 * next.config.mjs sets Next's own server-action limit to the import's, as a backstop; proxy.ts
 * applies the tighter limits by path before anything reads the body.
 */

/** Server actions posted from any page but the import page, and tRPC over HTTP. */
export const FORM_MAX_BYTES = 1024 * 1024;
export const TRPC_MAX_BYTES = 1024 * 1024;
/** The import file itself (docs/import-format.md); checked again on the file in the action. */
export const IMPORT_FILE_MAX_BYTES = 20 * 1024 * 1024;
/** The import upload's request: the file plus room for the multipart wrapping. */
export const IMPORT_REQUEST_MAX_BYTES = IMPORT_FILE_MAX_BYTES + 64 * 1024;
/** Procedures in one tRPC batch over HTTP. The app's own pages never batch; this only bounds abuse. */
export const TRPC_MAX_BATCH = 10;

export const IMPORT_PATH = "/admin/import";

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The most a request with this method and path may send. */
export function bodyLimitFor(pathname: string): number {
  if (pathname === IMPORT_PATH) return IMPORT_REQUEST_MAX_BYTES;
  if (pathname === "/api/trpc" || pathname.startsWith("/api/trpc/")) return TRPC_MAX_BYTES;
  return FORM_MAX_BYTES;
}

const hasBody = (method: string) => !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());

function refuse(status: 411 | 413, message: string): Response {
  return Response.json({ error: message }, { status, headers: { connection: "close" } });
}

/**
 * Refuses a request whose declared body is over its path's limit (413), or that sends a body
 * without declaring its length (411): browsers always declare it, and a declared length is what
 * the server reads, so checking it here bounds every body before it is parsed.
 */
export function refuseOversizedRequest(method: string, pathname: string, contentLength: string | null): Response | null {
  if (!hasBody(method)) return null;
  if (contentLength === null || !/^\d+$/.test(contentLength)) return refuse(411, "Send the length of the request body.");
  const limit = bodyLimitFor(pathname);
  if (Number(contentLength) > limit) return refuse(413, `The request is too large: at most ${mb(limit)} may be sent here.`);
  return null;
}

export class BodyTooLargeError extends Error {}

/**
 * The request with its body cut off at its path's limit as it streams: a body longer than it
 * declared, or read by a handler the proxy did not cover, fails instead of being read whole.
 */
export function withBodyLimit(req: Request): Request | Response {
  const pathname = new URL(req.url).pathname;
  const early = refuseOversizedRequest(req.method, pathname, req.headers.get("content-length"));
  if (early) return early;
  if (!req.body) return req;
  const max = bodyLimitFor(pathname);
  let seen = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > max) controller.error(new BodyTooLargeError(`The request is too large: at most ${mb(max)} may be sent here.`));
      else controller.enqueue(chunk);
    },
  });
  // duplex "half" is required by Node's fetch for a streamed request body.
  return new Request(req, { body: req.body.pipeThrough(counter), duplex: "half" } as RequestInit);
}
