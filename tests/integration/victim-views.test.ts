import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import type { SessionUser } from "~/server/services/sessions";
import { meetingWithCase } from "../helpers/meeting";
import { confirmAllTexts } from "../helpers/review";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-25T10:00:00Z");
/** Immigration-tagged sentences of the sample case and of the items beside it. */
const VISA = "Her spouse visa expires in June";
const MINUTES_IMM = "VIEWSMARK her sponsor holds her passport.";
const ACTION_IMM = "VIEWSMARK refer to specialist immigration advice.";
const FLAG_NOTE = "VIEWSMARK he threatens to have her deported.";

/**
 * Saheli (a by-and-for service) may see immigration under the policy; the sample case's victim
 * asked for immigration not to be shared (decision 049). Every surface must withhold it from Saheli.
 */
describe.each([
  ["she asked for immigration not to be shared", "do_not_share"],
  ["she agreed to it being shared", "share"],
] as const)("the victim's views narrow sharing: %s", (_label, choice) => {
  const t = createTestDb();
  const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: u, now: () => NOW }));
  let saheli: SessionUser;
  let housing: SessionUser;
  let idva: SessionUser;
  let coordinator: SessionUser;
  let meetingId = "";
  let caseId = "";
  const saheliSees = choice === "share";

  beforeAll(async () => {
    const m = await meetingWithCase(t, NOW, { reps: ["by_and_for", "housing"], invite: ["by_and_for", "housing"], date: "2026-11-26", publish: true, views: { immigration: choice } });
    ({ coordinator, meetingId, caseId } = m);
    saheli = m.rep("by_and_for");
    housing = m.rep("housing");
    idva = await sessionUserFor(t.db, "idva", "idva");
    await api(coordinator).meetings.saveCaseNotes({ meetingId, caseId, version: null, discussion: `Agencies shared recent incidents. ${MINUTES_IMM}`, risks: "Risk is high.", minutesTaken: 10 });
    await api(coordinator).actions.create({ meetingId, caseId, description: ACTION_IMM, tags: ["immigration"], owningAgencyId: saheli.agencyId, ownerName: "Farida", dueDate: "2026-12-10" });
    await api(idva).cases.addFlag({ caseId, factorId: "immigration_status_abuse", note: FLAG_NOTE });
    await confirmAllTexts(api(coordinator), caseId);
  });
  afterAll(() => t.cleanup());

  it("on the case page, Saheli sees immigration only if she agreed, and otherwise the same placeholder as any agency the policy keeps it from", async () => {
    const forSaheli = await api(saheli).cases.get({ caseId });
    const forHousing = await api(housing).cases.get({ caseId });
    expect(JSON.stringify(forSaheli).includes(VISA)).toBe(saheliSees);
    if (saheliSees) expect(forSaheli.view.victim.immigrationStatus).toBe("spouse_or_partner_visa");
    else {
      expect(forSaheli.view.victim.immigrationStatus).toEqual(forHousing.view.victim.immigrationStatus);
      expect(forSaheli.view.victim.immigrationNeeds).toEqual(forHousing.view.victim.immigrationNeeds);
      expect(forSaheli.view.victimViews.perTag.immigration).toEqual(forHousing.view.victimViews.perTag.immigration);
      const immigration = forSaheli.decisions.filter((d) => d.tags.includes("immigration"));
      expect(immigration.every((d) => d.outcome === "withheld" && d.reason === "not_shared_with_agency")).toBe(true);
      expect(immigration.map((d) => d.explanation)).toEqual(forHousing.decisions.filter((d) => d.tags.includes("immigration")).map((d) => d.explanation));
    }
    // Agencies never learn what she said: her view is for case holders only.
    expect(JSON.stringify(forSaheli)).not.toContain(`"victimView":`);
  });

  it("the IDVA still sees it, with her view beside each decision", async () => {
    const forIdva = await api(idva).cases.get({ caseId });
    expect(forIdva.view.victim.immigrationStatus).toBe("spouse_or_partner_visa");
    expect(JSON.stringify(forIdva)).toContain(VISA);
    const sentences = forIdva.decisions.find((d) => d.kind === "sentences" && d.tags[0] === "immigration");
    expect(sentences?.victimView).toBe(choice);
    expect(forIdva.decisions.find((d) => d.kind === "sentences" && d.tags[0] === "sexuality")?.victimView).toBe("not_asked");
  });

  it("minutes, actions and flags follow the same views", async () => {
    const minutes = JSON.stringify(await api(saheli).meetings.minutes({ meetingId }));
    expect(minutes.includes("VIEWSMARK her sponsor")).toBe(saheliSees);
    expect(minutes.includes("VIEWSMARK refer")).toBe(saheliSees);
    expect(JSON.stringify(await api(saheli).actions.mine()).includes("VIEWSMARK")).toBe(saheliSees);
    expect(JSON.stringify(await api(saheli).actions.forCase({ caseId })).includes("VIEWSMARK")).toBe(saheliSees);
    expect(JSON.stringify(await api(saheli).cases.flags({ caseId })).includes("VIEWSMARK")).toBe(saheliSees);
    expect(JSON.stringify(await api(idva).cases.flags({ caseId }))).toContain("VIEWSMARK");
    const pack = JSON.stringify(await api(saheli).meetings.pack({ meetingId }));
    expect(pack.includes(VISA)).toBe(saheliSees);
  });
});
