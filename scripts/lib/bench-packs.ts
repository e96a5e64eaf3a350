import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, migrateDb } from "../../db/client";
import { makeAgency, makeUser } from "../../db/factories";
import { createFieldCipher } from "../../server/crypto/field-cipher";
import { AGENCY_TYPES } from "../../server/domain/agency-types";
import { buildCase } from "../../server/domain/testing/build-case";
import { randomSource } from "../../server/domain/testing/sources";
import { packDocument } from "../../server/exports/pack-document";
import { renderPdf } from "../../server/exports/pdf/render-document";
import { createPdfRenderer } from "../../server/exports/pdf/pdf-pool";
import { importReferrals } from "../../server/services/case-import";
import { addToAgenda, createMeeting, publishAgenda } from "../../server/services/meetings";
import { getPack } from "../../server/services/packs";
import type { SessionUser } from "../../server/services/sessions";
import { ensureSettings } from "../../server/services/settings";

/** Milliseconds per agency pack for each step of a pack download (issue 14 §3). */
export type PackTimes = {
  agencies: number;
  cases: number;
  /** Screen data: load, decrypt, project and log (`getPack`), after a warm-up round. */
  screenMsPerPack: number;
  /** The projected pack turned into the PDF layer's document description (`packDocument`). */
  documentMsPerPack: number;
  /** `renderPdf` on this thread, first round: parses the fonts and lays out every word for the first time. */
  pdfFirstMsPerPack: number;
  /** `renderPdf` on this thread, best of later rounds: fonts parsed, words laid out. */
  pdfWarmMsPerPack: number;
  /** Through the worker pool the routes use, a fresh thread started with an empty document, first round. */
  poolMsPerPack: number;
  /** Through the same thread again, best of later rounds: as the server's long-lived thread renders. */
  poolWarmMsPerPack: number;
};

/** Rounds timed after the first, for the warm figure (best of). */
const WARM_ROUNDS = 3;

/**
 * Issue 6's pack measure: a 16-case agenda from the database, every invited agency's pack built
 * (screen data), described (`packDocument`) and rendered to PDF, on this thread and then through the
 * worker pool the routes use (a fresh worker thread). Each step is timed on its own.
 */
export async function benchPacks(): Promise<PackTimes> {
  const dir = mkdtempSync(join(tmpdir(), "marac-bench-packs-"));
  const db = createDb(join(dir, "bench.db"));
  try {
    migrateDb(db);
    const now = new Date();
    ensureSettings(db, "Bench", now, "BN");
    const cipher = createFieldCipher(Buffer.alloc(32, 5));
    const member = AGENCY_TYPES.filter((t) => t !== "immigration_enforcement").map((type) => makeAgency(db, { name: `Bench ${type}`, type }));
    const police = member.find((a) => a.type === "police") ?? member[0];
    if (!police) throw new Error("no agencies");
    const coord = await makeUser(db, { agencyId: police.id, role: "coordinator", passwordHash: "x" });
    const coordinator: SessionUser = { id: coord.id, name: coord.name, email: coord.email, role: "coordinator", agencyId: police.id, agencyName: police.name, agencyType: "police", agencyIsMember: true, sessionId: "s" };
    const referrals = Array.from({ length: 16 }, (_, i) => {
      const { caseId: _c, caseNumber: _n, ...r } = buildCase(randomSource(1000 + i)).record;
      return { ...r, referring: { ...r.referring, agencyName: police.name, agencyId: undefined }, status: "accepted" as const };
    });
    const imported = importReferrals(db, cipher, null, { format: "marac-desk.referrals", version: 1, referrals }, now);
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues.slice(0, 3)));
    const { id } = createMeeting(db, coordinator, { date: "2030-01-10", time: "09:30", venue: "Bench", online: false, chairUserId: coord.id, invitedAgencyIds: member.map((a) => a.id) }, now);
    for (const caseId of imported.caseIds) addToAgenda(db, coordinator, id, caseId, now);
    publishAgenda(db, coordinator, id, now);

    const packs = () => member.map((a) => getPack(db, cipher, coordinator, id, now, { asAgencyId: a.id, surface: "meeting_pack" }));
    packs(); // warm-up
    let t = performance.now();
    const built = packs();
    const screenMs = (performance.now() - t) / member.length;
    t = performance.now();
    const documents = built.map((p) => packDocument(p, now));
    const documentMs = (performance.now() - t) / member.length;
    const renderAll = async (): Promise<number> => {
      const start = performance.now();
      for (const d of documents) await renderPdf(d);
      return (performance.now() - start) / member.length;
    };
    const pdfFirstMs = await renderAll();
    let pdfWarmMs = Number.POSITIVE_INFINITY;
    for (let i = 0; i < WARM_ROUNDS; i++) pdfWarmMs = Math.min(pdfWarmMs, await renderAll());
    // The worker thread loads the app's configuration (it can build packs itself, decision 076),
    // which the bench has none of: values for this run only.
    process.env.DATA_KEY ??= Buffer.alloc(32, 5).toString("base64");
    process.env.AUTH_SECRET ??= "bench-run-only-Qv7Tz2Lm9Xc4Rb8Wn1Hd6Jk3Fs5Gp0Y";
    const pool = createPdfRenderer({ threads: 1, queueLimit: member.length, production: false });
    try {
      await pool.pdf({ title: "Warm-up", recipient: { agencyName: "", userName: "" }, generatedAt: now, marking: "OFFICIAL", blocks: [] }); // thread start-up
      const throughPool = async (): Promise<number> => {
        const start = performance.now();
        for (const d of documents) await pool.pdf(d);
        return (performance.now() - start) / member.length;
      };
      const poolMs = await throughPool();
      // The server keeps its thread (and so its laid-out words) between downloads: later rounds.
      let poolWarmMs = Number.POSITIVE_INFINITY;
      for (let i = 0; i < WARM_ROUNDS; i++) poolWarmMs = Math.min(poolWarmMs, await throughPool());
      return { agencies: member.length, cases: 16, screenMsPerPack: screenMs, documentMsPerPack: documentMs, pdfFirstMsPerPack: pdfFirstMs, pdfWarmMsPerPack: pdfWarmMs, poolMsPerPack: poolMs, poolWarmMsPerPack: poolWarmMs };
    } finally {
      await pool.close();
    }
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
