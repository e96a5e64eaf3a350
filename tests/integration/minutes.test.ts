import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disclosures } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { minutesDocument } from "~/server/exports/minutes-document";
import { extractPdfText } from "~/server/exports/pdf/extract-text";
import { renderPdf } from "~/server/exports/pdf/render-document";
import type { SessionUser } from "~/server/services/sessions";
import { meetingWithCase } from "../helpers/meeting";
import { confirmAllTexts } from "../helpers/review";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");
const IMM = "MINUTESMARK her spouse visa is sponsored by the perpetrator.";

describe("minutes per agency, on screen and as PDF", () => {
  const t = createTestDb();
  let coordinator: SessionUser;
  let housing: SessionUser;
  let saheli: SessionUser;
  let meetingId = "";
  let caseId = "";
  const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: u, now: () => NOW }));

  beforeAll(async () => {
    const m = await meetingWithCase(t, NOW, { reps: ["housing", "by_and_for"], invite: ["housing", "by_and_for"], date: "2026-11-26", publish: true, views: { immigration: "share" } });
    ({ coordinator, meetingId, caseId } = m);
    housing = m.rep("housing");
    saheli = m.rep("by_and_for");
    await api(coordinator).meetings.saveRecord({ meetingId, version: null, confidentialityAgreed: true, attendance: [{ agencyId: housing.agencyId, status: "attended", names: "Hannah Lewis" }, { agencyId: saheli.agencyId, status: "apologies", names: "" }] });
    await api(coordinator).meetings.saveCaseNotes({ meetingId, caseId, version: null, discussion: `Agencies shared recent incidents. ${IMM}`, risks: "Risk of serious harm is high.", safetyPlan: "" });
    await api(coordinator).actions.create({ meetingId, caseId, description: "MINUTESMARK refer to specialist immigration advice.", tags: ["immigration"], owningAgencyId: saheli.agencyId, ownerName: "Farida", dueDate: "2026-12-10" });
  });
  afterAll(() => t.cleanup());

  it("shows the chair's unreviewed minutes to no other agency until a case holder reviews them", async () => {
    const forHousing = JSON.stringify(await api(housing).meetings.minutes({ meetingId }));
    expect(forHousing).not.toContain("Risk of serious harm is high.");
    expect(forHousing).not.toContain("Agencies shared recent incidents.");
    // The action's owner reads its words as written: it must act on them (decision 084).
    const forSaheli = JSON.stringify(await api(saheli).meetings.minutes({ meetingId }));
    expect(forSaheli).toContain("MINUTESMARK");
    expect(forSaheli).not.toContain("Agencies shared recent incidents.");
    expect(await confirmAllTexts(api(coordinator), caseId)).toBeGreaterThan(0);
  });

  it("gives each agency minutes through its own rules, on screen and in the PDF, and logs them", async () => {
    const before = t.db.select().from(disclosures).all().length;
    const forHousing = await api(housing).meetings.minutesPdf({ meetingId });
    const housingPdf = (await extractPdfText(await renderPdf(minutesDocument(forHousing, NOW)))).join("\n");
    expect(JSON.stringify(forHousing)).not.toContain("MINUTESMARK");
    expect(housingPdf).not.toContain("MINUTESMARK");
    expect(housingPdf).toContain("Risk of serious harm is high.");
    expect(housingPdf).toContain("OFFICIAL-SENSITIVE");
    expect(housingPdf).toContain("Read and agreed by all present");
    // Housing may not see the immigration action, so its minutes say some may be left out.
    expect(housingPdf).toContain("None that your agency may see.");

    const forSaheli = await api(saheli).meetings.minutes({ meetingId });
    expect(JSON.stringify(forSaheli)).toContain("MINUTESMARK her spouse visa");
    expect(forSaheli.cases[0]?.actions).toHaveLength(1);
    expect(t.db.select().from(disclosures).all().length).toBe(before + 2);
    // The coordinator sees every action: a case without any says none were agreed, not "your agency".
    const full = await api(coordinator).meetings.minutesPdf({ meetingId });
    const noActions = (await extractPdfText(await renderPdf(minutesDocument({ ...full, cases: full.cases.map((c) => ({ ...c, actions: [] })) }, NOW)))).join("\n");
    expect(noActions).toContain("No actions were agreed.");
    expect(noActions).not.toContain("your agency may see");
  });

  it("keeps minutes from agencies not invited, and edits to the chair and coordinator", async () => {
    const probation = await sessionUserFor(t.db, "agency_rep", "probation");
    await expect(api(probation).meetings.minutes({ meetingId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api(housing).meetings.saveCaseNotes({ meetingId, caseId, version: 1, discussion: "x", risks: "", safetyPlan: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await api(coordinator).meetings.saveCaseNotes({ meetingId, caseId, version: null, discussion: "x", risks: "", safetyPlan: "" })).toMatchObject({ saved: false });
  });
});
