import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgency } from "~/db/factories";
import { disclosures } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { openFreeText, PLACES } from "~/server/cases/sealed-values";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { NOTHING_SHARED } from "~/server/domain/projection/redact-text";
import { extractPdfText } from "~/server/exports/pdf/extract-text";
import { pdfRenderer } from "~/server/exports/pdf/render-in-worker";
import { DEFAULT_POLICY } from "~/server/domain/policy/default-policy";
import { policyToInput } from "~/server/domain/policy/define-policy";
import { makeMarkerCaseWithTokens } from "~/server/domain/testing/fixtures";
import { oracleMaySeeAll } from "~/server/domain/testing/oracle";
import type { AgencyType } from "~/server/domain/agency-types";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { asReferral, importFile } from "../helpers/referrals";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");

describe("per-agency meeting packs, on screen and as PDF", () => {
  const t = createTestDb();
  const built = makeMarkerCaseWithTokens("PK");
  let coordinator: SessionUser;
  const reps = new Map<AgencyType, SessionUser>();
  let meetingId = "";
  const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: u, now: () => NOW }));

  beforeAll(async () => {
    ensureSettings(t.db, "T", NOW, "TS");
    makeAgency(t.db, { name: "Police", type: "police" });
    const admin = await sessionUserFor(t.db, "admin", "idva");
    coordinator = await sessionUserFor(t.db, "coordinator", "police");
    for (const type of ["housing", "by_and_for", "health", "probation"] as const) reps.set(type, await sessionUserFor(t.db, "agency_rep", type));
    await api(admin).cases.import({ document: importFile(asReferral(built.record, "Police", "accepted")) });
    const caseId = (await api(coordinator).cases.list({})).rows[0]?.id ?? "";
    const invited = ["housing", "by_and_for", "health"].map((k) => reps.get(k as AgencyType)?.agencyId ?? "");
    ({ id: meetingId } = await api(coordinator).meetings.create({ date: "2026-12-10", time: "09:30", venue: "Room 2", online: false, chairUserId: coordinator.id, invitedAgencyIds: invited }));
    await api(coordinator).meetings.addCase({ meetingId, caseId });
  });
  afterAll(async () => {
    await pdfRenderer().close();
    t.cleanup();
  });

  it("gives no pack before the agenda is published, and none to an agency not invited", async () => {
    const housing = reps.get("housing");
    const probation = reps.get("probation");
    if (!housing || !probation) throw new Error("setup");
    await expect(api(housing).meetings.pack({ meetingId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await api(coordinator).meetings.publish({ meetingId });
    await expect(api(probation).meetings.pack({ meetingId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it.each(["housing", "by_and_for", "health"] as const)("the %s pack and its PDF carry no marker that agency may not see, and carry the markings", async (type) => {
    const user = reps.get(type);
    if (!user) throw new Error("setup");
    const pages = await extractPdfText((await api(user).meetings.packPdf({ meetingId })).pdf);
    const pdfText = pages.join("\n");
    const screen = JSON.stringify(await api(user).meetings.pack({ meetingId }));
    const viewer = { userId: user.id, role: "agency_rep" as const, agencyId: user.agencyId, agencyType: type };
    let hidden = 0;
    for (const tok of built.tokens) {
      if (!oracleMaySeeAll(tok.tags, viewer, policyToInput(DEFAULT_POLICY), [], "x", NOW)) {
        hidden++;
        expect(screen.includes(tok.token), `${tok.path} in the ${type} pack`).toBe(false);
        expect(pdfText.includes(tok.token), `${tok.path} in the ${type} PDF`).toBe(false);
      }
    }
    expect(hidden).toBeGreaterThan(0);
    expect(pdfText).toContain(built.record.victim.name);
    // Nobody has reviewed the imported text yet, so every text is withheld from this agency: the PDF
    // says so in the one wording for empty and withheld text, never "Not given" (which would be false).
    expect(pdfText).toContain(NOTHING_SHARED);
    for (const page of pages) {
      expect(page.match(/OFFICIAL-SENSITIVE/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(page).toContain(user.agencyName);
    }
  });

  it("logs every pack view and download; a coordinator's preview is their consultation", async () => {
    const before = t.db.select().from(disclosures).all().length;
    const housing = reps.get("housing");
    if (!housing) throw new Error("setup");
    await api(coordinator).meetings.pack({ meetingId, asAgencyId: housing.agencyId });
    const rows = t.db.select().from(disclosures).all().slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ consultation: true, surface: "meeting_pack", userId: coordinator.id });
    const row = rows[0];
    if (!row?.purpose) throw new Error("expected a purpose");
    // The purpose is sealed tagged text, like any free text (decision 036).
    expect(openFreeText(getAppCipher(), row.purpose, PLACES.disclosurePurpose(row.caseId, row.userId)).text).toContain("preview of");
    // The zip's packs are built on a worker thread: packs-zip.test.ts compares them with this thread's.
    const beforeZip = t.db.select().from(disclosures).all().length;
    const all = unzipSync((await api(coordinator).meetings.allPacksZip({ meetingId })).zip);
    expect(Object.keys(all)).toHaveLength(3);
    const zipped = t.db.select().from(disclosures).all().slice(beforeZip);
    expect(zipped.map((r) => r.surface)).toEqual(["meeting_pack_pdf", "meeting_pack_pdf", "meeting_pack_pdf"]);
    expect(zipped.every((r) => r.userId === coordinator.id && r.consultation)).toBe(true);
    await expect(api(housing).meetings.allPacksZip({ meetingId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
