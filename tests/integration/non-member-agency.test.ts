import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { navItemsFor } from "~/components/layout/nav-items";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import type { SessionUser } from "~/server/services/sessions";
import { meetingWithCase } from "../helpers/meeting";
import { confirmAllTexts } from "../helpers/review";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");

/** The sample case as draft content for another victim: what the form pages would have saved. */
function draft(name: string) {
  const { caseId: _i, caseNumber: _n, referring: _r, ...rest } = makeSampleCase();
  return { ...rest, victim: { ...rest.victim, name, aliases: [], dateOfBirth: "1993-02-02" }, criteria: { professionalJudgement: true, reasons: { text: "Threats to kill.", spans: [] } } };
}

describe("a non-member agency receives no MARAC outputs (issue item 2)", () => {
  const t = createTestDb();
  let ie: SessionUser;
  let setup: Awaited<ReturnType<typeof meetingWithCase>>;
  let accepted: string;
  let declined: string;

  beforeAll(async () => {
    setup = await meetingWithCase(t, NOW, { reps: ["housing"], invite: ["housing"], date: "2026-12-03", publish: true });
    const { api, coordinator, meetingId, rep } = setup;
    ie = await sessionUserFor(t.db, "agency_rep", "immigration_enforcement");
    const refer = async (name: string) => {
      const { id } = await api(ie).referrals.start();
      await api(ie).referrals.save({ draftId: id, version: 1, patch: draft(name) });
      const res = await api(ie).referrals.submit({ draftId: id });
      if (!res.ok) throw new Error(JSON.stringify(res.issues));
      return res.caseId;
    };
    accepted = await refer("Lina Haddad");
    declined = await refer("Rosa Mendes");
    // The coordinator accepts IE's referral onto the meeting; the IDVA flags it; the chair agrees an action; housing researches it.
    await api(coordinator).triage.accept({ caseId: accepted, meetingId });
    await api(coordinator).triage.decline({ caseId: declined, reason: "Lives outside this MARAC's area: referred on to Southshire MARAC." });
    const idva = await sessionUserFor(t.db, "idva", "idva");
    await api(idva).cases.addFlag({ caseId: accepted, factorId: "threats_to_kill", note: "Threatened her with a knife on 3 November." });
    await api(coordinator).actions.create({ meetingId, caseId: accepted, description: "Change the locks at her flat.", tags: [], owningAgencyId: rep("housing").agencyId, ownerName: "Sam Reed", dueDate: "2026-12-20" });
    await api(rep("housing")).meetings.saveResearch({ meetingId, caseId: accepted, version: null, shared: "Known to housing since 2024.", withheld: "" });
  });
  afterAll(() => t.cleanup());

  it("shows IE its referral and whether it was accepted or declined, with the reason", async () => {
    const { api, coordinator } = setup;
    expect(await api(ie).cases.get({ caseId: accepted })).toMatchObject({ status: "accepted" });
    expect(await api(ie).cases.get({ caseId: declined })).toMatchObject({ status: "declined" });
    // The reason reaches IE once a case holder has reviewed it (decision 042).
    expect((await api(ie).cases.declineReason({ caseId: declined }))?.text).not.toContain("Southshire");
    await confirmAllTexts(api(coordinator), declined);
    expect((await api(ie).cases.declineReason({ caseId: declined }))?.text).toContain("Southshire");
    expect((await api(ie).cases.list({})).rows.map((r) => r.id).sort()).toEqual([accepted, declined].sort());
  });

  it("refuses IE every meeting, pack, research, minutes, action and flag, even with the meeting id in hand", async () => {
    const { api, meetingId } = setup;
    const refusals = [
      api(ie).meetings.list(),
      api(ie).meetings.get({ meetingId }),
      api(ie).meetings.pack({ meetingId }),
      api(ie).meetings.packPdf({ meetingId }),
      api(ie).meetings.research({ meetingId, caseId: accepted }),
      api(ie).meetings.saveResearch({ meetingId, caseId: accepted, version: null, shared: "x", withheld: "" }),
      api(ie).meetings.minutes({ meetingId }),
      api(ie).meetings.minutesPdf({ meetingId }),
      api(ie).actions.mine(),
      api(ie).actions.forCase({ caseId: accepted }),
      api(ie).actions.updateStatus({ actionId: 1, version: 1, status: "done", note: "" }),
      api(ie).cases.flags({ caseId: accepted }),
      api(ie).cases.repeats({ caseId: accepted }),
    ];
    for (const p of refusals) await expect(p).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api(ie).meetings.get({ meetingId })).rejects.toThrow(/receives no MARAC information/);
    // Nothing the MARAC produced is in what IE can still read.
    const readable = JSON.stringify([await api(ie).cases.get({ caseId: accepted }), await api(ie).cases.list({})]);
    expect(readable).not.toContain(meetingId);
    expect(readable).not.toMatch(/Change the locks|Sam Reed|knife|Known to housing|Threats to kill the victim/);
  });

  it("offers a non-member agency no Meetings or Actions, and tells it on the home page what it can do", async () => {
    const labels = navItemsFor({ role: "agency_rep", agencyIsMember: false }).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["Cases", "Refer a case"]));
    expect(labels).not.toContain("Meetings");
    expect(labels).not.toContain("Actions");
    expect(navItemsFor({ role: "agency_rep", agencyIsMember: true }).map((i) => i.label)).toEqual(expect.arrayContaining(["Meetings", "Actions"]));
    expect(await setup.api(ie).account.me()).toMatchObject({ agencyIsMember: false });
  });
});
