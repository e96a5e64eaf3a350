import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractPdfText } from "~/server/exports/pdf/extract-text";
import { pdfRenderer } from "~/server/exports/pdf/render-in-worker";
import type { AgencyType } from "~/server/domain/agency-types";
import { meetingWithCase } from "../helpers/meeting";
import { confirmAllTexts } from "../helpers/review";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");
const NEUTRAL_RESEARCH = "Known to our service since March 2026.";
const IMMIGRATION_RESEARCH = "Her spouse visa was refused by the Home Office last month.";
// Table cells wrap, so the tests look for the opening words of each action.
const ACTION = "Fit a panic alarm and check the door locks at the property.";
const EARLIER_ACTION = "Offer a place at the women's refuge if she wants one.";

/**
 * The pack PDF carries the whole pack for its agency (issue 12 §1): contents, summary, Dash with
 * comments, flags, research by agency, actions, her views; through the pack's one projection.
 */
describe("the meeting pack PDF", () => {
  const t = createTestDb();
  let ctx: Awaited<ReturnType<typeof meetingWithCase>>;
  const pdfFor = async (type: AgencyType) => {
    // The PDF as the download makes it (built and rendered on the worker thread), beside the same agency's pack on screen.
    const pack = await ctx.api(ctx.rep(type)).meetings.pack({ meetingId: ctx.meetingId });
    const { pdf } = await ctx.api(ctx.rep(type)).meetings.packPdf({ meetingId: ctx.meetingId });
    return { pack, pages: await extractPdfText(pdf) };
  };

  beforeAll(async () => {
    // An earlier meeting with an action already done, to appear with its status.
    ctx = await meetingWithCase(t, NOW, { reps: ["housing", "health", "by_and_for"], invite: ["housing", "health", "by_and_for"], date: "2026-12-10", publish: true, views: { immigration: "share" } });
    const { api, coordinator, rep, caseId, meetingId } = ctx;
    const { id: earlierId } = await api(coordinator).meetings.create({ date: "2026-10-01", time: "09:30", venue: "Room", online: false, chairUserId: coordinator.id, invitedAgencyIds: [rep("housing").agencyId] });
    await api(coordinator).meetings.addCase({ meetingId: earlierId, caseId });
    const earlier = await api(coordinator).actions.create({ meetingId: earlierId, caseId, description: EARLIER_ACTION, owningAgencyId: rep("housing").agencyId, ownerName: "J Smith", dueDate: "2026-10-15" });
    const [done] = (await api(rep("housing")).actions.mine()).filter((a) => a.id === earlier.id);
    await api(rep("housing")).actions.updateStatus({ actionId: earlier.id, version: done?.version ?? 0, status: "done", note: "Offered; she declined for now." });
    await api(coordinator).actions.create({ meetingId, caseId, description: ACTION, owningAgencyId: rep("housing").agencyId, ownerName: "J Smith", dueDate: "2026-11-20" });
    const chair = await sessionUserFor(t.db, "chair", "police");
    await api(chair).cases.addFlag({ caseId, factorId: "stalking", note: "He waits outside her work." });
    await api(chair).cases.addFlag({ caseId, factorId: "immigration_status_abuse", note: "He holds her passport." });
    await api(rep("health")).meetings.saveResearch({ meetingId, caseId, version: null, shared: `${NEUTRAL_RESEARCH} ${IMMIGRATION_RESEARCH}`, withheld: "Held back: the GP's own notes." });
    await confirmAllTexts(api(coordinator), caseId);
  });
  afterAll(async () => {
    await pdfRenderer().close();
    t.cleanup();
  });

  it("opens with a contents page listing the cases, and heads every case page with its case number", async () => {
    const { pack, pages } = await pdfFor("housing");
    const caseNumber = pack.cases[0]?.caseNumber ?? "";
    expect(pages[0]).toContain("Contents");
    expect(pages[0]).toContain(`1. ${caseNumber}`);
    const casePages = pages.slice(1);
    expect(casePages.length).toBeGreaterThan(1);
    for (const page of casePages) {
      const head = page.split("\n").slice(0, 3).join("\n");
      expect(head).toContain("OFFICIAL-SENSITIVE");
      expect(head).toContain(caseNumber);
    }
    // The contents page is about no one case.
    expect(pages[0]?.split("\n").slice(0, 3).join("\n")).not.toContain(caseNumber);
  });

  it("gives housing the summary, Dash comments, flags, research, actions and her views it may see, and nothing it may not", async () => {
    const { pages } = await pdfFor("housing");
    const text = pages.join("\n");
    // Reading order joins wrapped cells line by line, so compare with whitespace squeezed.
    const flat = text.replace(/\s+/g, " ");
    for (const expected of ["Repeat referral", "Children in household Yes", "Dash risk checklist", "Source: PC Dale Hughes", "Stalking or harassment", "Research by agency", NEUTRAL_RESEARCH, "Fit a panic alarm", "Offer a place at the", "Overdue", "Done", "The victim's views on sharing", "I want the police to know what he did."]) {
      expect(flat, expected).toContain(expected);
    }
    // Withheld from housing: immigration values, sentences, flags and her immigration words.
    for (const absent of ["Spouse or partner visa", "deported", "no income of her own", IMMIGRATION_RESEARCH, "Home Office", "immigration status to control", "Held back"]) {
      expect(flat, absent).not.toContain(absent);
    }
    // Plain English, not developer wording; the agency's own status note is not another agency's.
    expect(flat).not.toMatch(/per tag/i);
    expect(flat).toContain("Immigration information");
    expect(flat).toContain("Nationality Not shared with your agency (immigration information).");
  });

  it("gives the health service the Dash comments it may see", async () => {
    const flat = (await pdfFor("health")).pages.join("\n").replace(/\s+/g, " ");
    expect(flat).toContain("Bruising to both arms");
    expect(flat).toContain("Restricted: health");
    expect(flat).not.toContain("deported");
  });

  it("marks sensitive items the reader may see as Restricted, and shows the by-and-for service what it may see", async () => {
    const { pages } = await pdfFor("by_and_for");
    const flat = pages.join("\n").replace(/\s+/g, " ");
    expect(flat).toMatch(/Immigration status Spouse or partner visa \(dependent on the sponsor\) Restricted: immigration/);
    expect(flat).toContain("The abuser uses the victim's immigration status to control them");
    // Housing sees the safe-contact item it may see marked too.
    const housing = (await pdfFor("housing")).pages.join("\n").replace(/\s+/g, " ");
    expect(housing).toContain("Restricted: safe contact");
    // Only the core's placeholder names immigration to housing, never a shown item's marking.
    expect(housing).not.toContain("Restricted: immigration");
  });

  it("gives a chair's preview of housing's pack exactly housing's research and actions", async () => {
    const { api, coordinator, rep, meetingId } = ctx;
    const preview = await api(coordinator).meetings.pack({ meetingId, asAgencyId: rep("housing").agencyId });
    const own = await api(rep("housing")).meetings.pack({ meetingId });
    expect(preview.cases.map((c) => [c.research, c.actions])).toEqual(own.cases.map((c) => [c.research, c.actions]));
    expect(JSON.stringify(preview)).not.toContain(IMMIGRATION_RESEARCH);
  });
});
