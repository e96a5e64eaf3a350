import { readdirSync, readFileSync } from "node:fs";
import { strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packDocument } from "~/server/exports/pack-document";
import { extractPdfText } from "~/server/exports/pdf/extract-text";
import { BUSY_MESSAGE, busyResponse, createPdfRenderer, type PdfRenderer } from "~/server/exports/pdf/pdf-pool";
import { renderPdf, type PdfDocument } from "~/server/exports/pdf/render-document";
import { WorkersBusy } from "~/server/workers/pool";
import { meetingWithCase } from "../helpers/meeting";
import { createTestDb } from "../helpers/test-db";

const NOW = new Date("2026-11-28T10:00:00Z");

/**
 * PDFs and zips render in a worker thread (decision 060): the pack a procedure projected on this
 * thread comes back from the worker as the same PDF the main thread would render, the worker
 * thread yields the CPU to the server's, and a full queue refuses at once instead of making the reader wait.
 */
describe("the PDF worker pool", () => {
  const t = createTestDb();
  let document: PdfDocument;
  // The TypeScript worker entry, loaded through tsx, as in development.
  const renderer: PdfRenderer = createPdfRenderer({ threads: 1, queueLimit: 1, production: false });

  beforeAll(async () => {
    const ctx = await meetingWithCase(t, NOW, { reps: ["housing"], invite: ["housing"], date: "2026-12-10", publish: true });
    const pack = await ctx.api(ctx.rep("housing")).meetings.pack({ meetingId: ctx.meetingId });
    document = packDocument(pack, NOW);
  });
  afterAll(async () => {
    await renderer.close();
    t.cleanup();
  });

  it("renders a pack whose text matches the main thread's render, byte for byte", async () => {
    const inWorker = await renderer.pdf(document);
    const onMain = await renderPdf(document);
    expect(strFromU8(inWorker.subarray(0, 5))).toBe("%PDF-");
    expect(await extractPdfText(inWorker)).toEqual(await extractPdfText(onMain));
    expect(Buffer.from(inWorker).equals(onMain)).toBe(true);
  });

  it.runIf(process.platform === "linux")("runs its thread at a lower priority than this one (nice 10)", async () => {
    await renderer.pdf(document); // the worker is up
    // Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice value; the comm field before it has no spaces here.
    const nice = (tid: string) => Number(readFileSync(`/proc/self/task/${tid}/stat`, "utf8").split(") ")[1]?.split(" ")[16]);
    const threads = readdirSync("/proc/self/task");
    expect(nice(String(process.pid))).toBe(0);
    expect(threads.map(nice)).toContain(10);
  });

  it("refuses past the queue limit, then takes work again once the queue drains", async () => {
    await renderer.pdf(document); // the worker is up and idle
    const running = renderer.pdf(document); // goes straight to the worker
    const waiting = renderer.pdf(document); // fills the one-place queue
    await expect(renderer.pdf(document)).rejects.toBeInstanceOf(WorkersBusy);
    await expect(Promise.all([running, waiting])).resolves.toHaveLength(2);
    expect((await renderer.pdf(document)).byteLength).toBeGreaterThan(1000);
  });

  it("answers a refusal with 503, Retry-After and a plain-English message", async () => {
    const res = busyResponse();
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("60");
    expect(await res.text()).toBe(BUSY_MESSAGE);
  });
});
