import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NextConfig } from "next";
import { referralDrafts } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { handleTrpcRequest } from "~/server/api/http-handler";
import { FORM_MAX_BYTES, IMPORT_FILE_MAX_BYTES, IMPORT_REQUEST_MAX_BYTES, refuseOversizedRequest, TRPC_MAX_BATCH, TRPC_MAX_BYTES } from "~/server/http/request-limits";
import type { SessionUser } from "~/server/services/sessions";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

/** Request bodies and batches are bounded before anything is parsed (issues 7 and 8). */
describe("request size limits", () => {
  const t = createTestDb();
  let rep: SessionUser;
  let draftId = "";
  const call = (req: Request) => handleTrpcRequest(req, () => Promise.resolve(createInnerContext({ db: t.db, user: rep })));
  // A server hands the handler the length the client declared; a test Request must state it.
  const length = (body: string) => ({ "content-length": String(Buffer.byteLength(body)) });
  const save = (body: BodyInit, headers: Record<string, string> = typeof body === "string" ? length(body) : {}) =>
    call(new Request("http://localhost/api/trpc/referrals.save", { method: "POST", body, headers: { "content-type": "application/json", ...headers }, duplex: "half" } as RequestInit));
  const version = () => t.db.select().from(referralDrafts).get()?.version;

  beforeAll(async () => {
    rep = await sessionUserFor(t.db, "agency_rep", "housing");
    const res = await call(new Request("http://localhost/api/trpc/referrals.start", { method: "POST", body: "{}", headers: { "content-type": "application/json", ...length("{}") } }));
    draftId = ((await res.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;
  });
  afterAll(() => t.cleanup());

  const payload = (text: string) => JSON.stringify({ json: { draftId, version: version(), patch: { narrative: { text, spans: [] } } } });

  it("saves a normal page over HTTP", async () => {
    const res = await save(payload("A short narrative."));
    expect(res.status).toBe(200);
    expect(version()).toBe(2);
  });

  it("refuses a body declared larger than the tRPC limit with 413, before parsing", async () => {
    const big = payload("x".repeat(TRPC_MAX_BYTES));
    const res = await save(big);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("at most 1 MB");
    expect(version()).toBe(2);
  });

  it("refuses a body sent without its length (411), and cuts off a stream longer than the limit", async () => {
    const bytes = new TextEncoder().encode(payload("y".repeat(TRPC_MAX_BYTES)));
    const stream = () =>
      new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < bytes.length; i += 64 * 1024) c.enqueue(bytes.slice(i, i + 64 * 1024));
          c.close();
        },
      });
    expect((await save(stream())).status).toBe(411);
    // A declared length the body then outruns: the stream is cut at the limit, nothing is saved.
    const res = await save(stream(), { "content-length": "100" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("The request is too large");
    expect(version()).toBe(2);
  });

  it(`refuses a batch of more than ${TRPC_MAX_BATCH} procedures`, async () => {
    const batch = (n: number) =>
      call(new Request(`http://localhost/api/trpc/${Array.from({ length: n }, () => "referrals.drafts").join(",")}?batch=1&input=${encodeURIComponent("{}")}`));
    expect((await batch(TRPC_MAX_BATCH)).status).toBe(200);
    const res = await batch(TRPC_MAX_BATCH + 1);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Batch call exceeds maximum size");
  });

  it("gives server actions the form limit everywhere but the import page, which has its own", () => {
    expect(refuseOversizedRequest("POST", "/referrals/d/victim", String(FORM_MAX_BYTES))).toBeNull();
    expect(refuseOversizedRequest("POST", "/referrals/d/victim", String(FORM_MAX_BYTES + 1))?.status).toBe(413);
    expect(refuseOversizedRequest("POST", "/admin/import", String(9 * 1024 * 1024))).toBeNull();
    expect(refuseOversizedRequest("POST", "/admin/import", String(IMPORT_REQUEST_MAX_BYTES + 1))?.status).toBe(413);
    expect(refuseOversizedRequest("POST", "/sign-in", null)?.status).toBe(411);
    expect(refuseOversizedRequest("GET", "/cases", null)).toBeNull();
  });

  it("sets Next's own server-action backstop to the import request's limit, no more", async () => {
    const configUrl = new URL("../../next.config.mjs", import.meta.url).href;
    const nextConfig = ((await import(configUrl)) as { default: NextConfig }).default;
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(IMPORT_REQUEST_MAX_BYTES);
    expect(IMPORT_FILE_MAX_BYTES).toBe(20 * 1024 * 1024);
  });
});
