import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { disclosures } from "~/db/schema";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { packDocument } from "~/server/exports/pack-document";
import { packFileName } from "~/server/exports/pack-files";
import { extractPdfText } from "~/server/exports/pdf/extract-text";
import { renderPdf } from "~/server/exports/pdf/render-document";
import { pdfRenderer } from "~/server/exports/pdf/render-in-worker";
import { listDisclosures } from "~/server/services/disclosures";
import { getMeeting } from "~/server/services/meetings";
import { getPack } from "~/server/services/packs";
import { meetingWithCase } from "../helpers/meeting";
import { createTestDb } from "../helpers/test-db";

const NOW = new Date("2026-11-28T10:00:00Z");

/**
 * Pack PDFs and the packs zip are built on a worker thread with its own connection (decision 076).
 * Each PDF must be exactly the pack getPack gives that agency on this thread, logged exactly as
 * before, and a reader who may not have it is refused before any worker task starts.
 */
describe("pack PDFs and the packs zip, built on a worker thread", () => {
  const t = createTestDb();
  let ctx: Awaited<ReturnType<typeof meetingWithCase>>;
  const invite = ["housing", "health", "by_and_for"] as const;

  beforeAll(async () => {
    ctx = await meetingWithCase(t, NOW, { reps: [...invite, "probation"], invite, date: "2026-12-10", publish: true });
  });
  afterAll(async () => {
    await pdfRenderer().close();
    t.cleanup();
  });

  /** The disclosures logged since `from`, as the case's log reads them (ids and times aside). */
  const loggedSince = (from: number) =>
    listDisclosures(t.db, getAppCipher(), ctx.caseId)
      .filter((d) => d.id > from)
      .map(({ id: _id, ...d }) => d);
  const lastId = () => Math.max(0, ...t.db.select({ id: disclosures.id }).from(disclosures).all().map((r) => r.id));

  it("holds, for each invited agency, the pack getPack gives that agency, with the same disclosures logged", async () => {
    const beforeZip = lastId();
    const { fileName, zip } = await ctx.api(ctx.coordinator).meetings.allPacksZip({ meetingId: ctx.meetingId });
    const fromWorker = loggedSince(beforeZip);
    expect(fileName).toBe("marac-packs-2026-12-10.zip");
    const files = unzipSync(zip);

    // The old way, on this thread: the same service, for each invited agency in the meeting's order.
    const beforeMain = lastId();
    const expected = new Map<string, string[]>();
    for (const agency of getMeeting(t.db, getAppCipher(), ctx.coordinator, ctx.meetingId).invited) {
      const pack = getPack(t.db, getAppCipher(), ctx.coordinator, ctx.meetingId, NOW, { asAgencyId: agency.id, surface: "meeting_pack_pdf" });
      expected.set(packFileName(pack), await extractPdfText(await renderPdf(packDocument(pack, NOW))));
    }
    const fromMain = loggedSince(beforeMain);

    expect(Object.keys(files).sort()).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) expect(await extractPdfText(files[name] ?? new Uint8Array()), name).toEqual(text);
    expect(fromWorker).toHaveLength(invite.length);
    expect(fromWorker).toEqual(fromMain);
    expect(fromWorker.every((d) => d.surface === "meeting_pack_pdf" && d.userId === ctx.coordinator.id && d.consultation)).toBe(true);
  });

  it("refuses anyone but a chair or coordinator, and an unknown meeting, before any worker task starts", async () => {
    const packs = vi.spyOn(pdfRenderer(), "packs");
    const before = lastId();
    for (const user of [ctx.rep("housing"), ctx.rep("probation")]) {
      await expect(ctx.api(user).meetings.allPacksZip({ meetingId: ctx.meetingId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(ctx.api(ctx.coordinator).meetings.allPacksZip({ meetingId: "no-such-meeting" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(packs).not.toHaveBeenCalled();
    expect(lastId()).toBe(before);
    await ctx.api(ctx.coordinator).meetings.allPacksZip({ meetingId: ctx.meetingId });
    expect(packs).toHaveBeenCalledTimes(1);
    packs.mockRestore();
  });

  it("gives an agency its own pack PDF, as this thread would render it, logged the same way", async () => {
    const housing = ctx.rep("housing");
    const before = lastId();
    const { fileName, pdf } = await ctx.api(housing).meetings.packPdf({ meetingId: ctx.meetingId });
    const fromWorker = loggedSince(before);
    const beforeMain = lastId();
    const pack = getPack(t.db, getAppCipher(), housing, ctx.meetingId, NOW, { surface: "meeting_pack_pdf" });
    const fromMain = loggedSince(beforeMain);
    expect(fileName).toBe(packFileName(pack));
    expect(await extractPdfText(pdf)).toEqual(await extractPdfText(await renderPdf(packDocument(pack, NOW))));
    expect(fromWorker).toHaveLength(1);
    expect(fromWorker).toEqual(fromMain);
  });

  it("refuses an agency the agenda is not published to before any worker task, and carries the worker's own refusals back", async () => {
    const pack = vi.spyOn(pdfRenderer(), "pack");
    const before = lastId();
    await expect(ctx.api(ctx.rep("probation")).meetings.packPdf({ meetingId: ctx.meetingId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(pack).not.toHaveBeenCalled();
    // A coordinator may preview invited agencies' packs only: getPack refuses this one inside the worker.
    await expect(ctx.api(ctx.coordinator).meetings.packPdf({ meetingId: ctx.meetingId, asAgencyId: ctx.rep("probation").agencyId })).rejects.toMatchObject({ code: "NOT_FOUND", message: "There is no pack for your agency for that meeting." });
    expect(pack).toHaveBeenCalledTimes(1);
    expect(lastId()).toBe(before);
    pack.mockRestore();
  });
});
