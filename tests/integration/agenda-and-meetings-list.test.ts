import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaDocument } from "~/server/exports/agenda-document";
import { extractPdfText } from "~/server/exports/pdf/extract-text";
import { renderPdf } from "~/server/exports/pdf/render-document";
import { meetingWithCase } from "../helpers/meeting";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");

/** Issue 12 §6: meetings listed as upcoming and past; the agenda as a PDF in the reader's own view. */
describe("meetings list and the agenda PDF", () => {
  const t = createTestDb();
  let ctx: Awaited<ReturnType<typeof meetingWithCase>>;
  let pastId = "";

  beforeAll(async () => {
    ctx = await meetingWithCase(t, NOW, { reps: ["housing", "by_and_for"], invite: ["housing", "by_and_for"], date: "2026-12-10", publish: true });
    const { api, coordinator, rep, caseId } = ctx;
    ({ id: pastId } = await api(coordinator).meetings.create({ date: "2026-10-01", time: "09:30", venue: "Old room", online: false, chairUserId: coordinator.id, invitedAgencyIds: [rep("housing").agencyId] }));
    await api(coordinator).meetings.publish({ meetingId: pastId });
    // Today's meeting is still upcoming until the day is over (UK date).
    await api(coordinator).meetings.create({ date: "2026-11-28", time: "14:00", venue: "Today", online: false, chairUserId: coordinator.id, invitedAgencyIds: [] });
    const chair = await sessionUserFor(t.db, "chair", "police");
    await api(chair).cases.addFlag({ caseId, factorId: "stalking", note: "He waits outside her work." });
  });
  afterAll(() => t.cleanup());

  it("lists upcoming meetings soonest first, then past ones latest first", async () => {
    const list = await ctx.api(ctx.coordinator).meetings.list();
    expect(list.map((m) => [m.date, m.upcoming])).toEqual([["2026-11-28", true], ["2026-12-10", true], ["2026-10-01", false]]);
    // An agency sees only the published meetings it is invited to.
    const housing = await ctx.api(ctx.rep("housing")).meetings.list();
    expect(housing.map((m) => [m.date, m.upcoming])).toEqual([["2026-12-10", true], ["2026-10-01", false]]);
    const byAndFor = await ctx.api(ctx.rep("by_and_for")).meetings.list();
    expect(byAndFor.map((m) => m.date)).toEqual(["2026-12-10"]);
  });

  it("writes dates of birth on agenda lines as UK dates, the perpetrator's too (issue 12 §7)", async () => {
    const m = await ctx.api(ctx.rep("housing")).meetings.get({ meetingId: ctx.meetingId });
    expect(m.lines[0]?.perpetrators).toBe("Karim Rahman (born 2 November 1985)");
    expect(JSON.stringify(m.lines)).not.toContain("1985-11-02");
  });

  it("prints each agency's agenda in its own view: children only for those allowed, marked on every page", async () => {
    const render = async (type: "housing" | "by_and_for") => {
      const user = ctx.rep(type);
      const m = await ctx.api(user).meetings.get({ meetingId: ctx.meetingId });
      const pages = await extractPdfText(await renderPdf(agendaDocument(m, { agencyName: "Agency", userName: user.name }, NOW)));
      return { m, pages, text: pages.join("\n") };
    };
    const housing = await render("housing");
    const line = housing.m.lines[0];
    expect(housing.text).toContain(line?.caseNumber ?? "missing");
    expect(housing.text).toContain("Children in household Yes");
    expect(housing.text).toContain("Stalking or harassment");
    expect(housing.text).toContain("10 December 2026");
    for (const page of housing.pages) expect(page.match(/OFFICIAL-SENSITIVE/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    // The by-and-for service may not see the children tag: no row, not a placeholder.
    const byAndFor = await render("by_and_for");
    expect(byAndFor.text).not.toContain("Children in household");
  });
});
