import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseResearch } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import type { SessionUser } from "~/server/services/sessions";
import { meetingWithCase } from "../helpers/meeting";
import { confirmAllTexts } from "../helpers/review";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");
const VISA = "She told our officer her spouse visa runs out in March.";

describe("agency research before the meeting", () => {
  const t = createTestDb();
  let coordinator: SessionUser;
  let health: SessionUser;
  let housing: SessionUser;
  let saheli: SessionUser;
  let meetingId = "";
  let caseId = "";
  const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: u, now: () => NOW }));

  beforeAll(async () => {
    const m = await meetingWithCase(t, NOW, { reps: ["health", "housing", "by_and_for"], invite: ["health", "housing", "by_and_for"], date: "2026-12-10", publish: true, views: { immigration: "share" } });
    ({ coordinator, meetingId, caseId } = m);
    health = m.rep("health");
    housing = m.rep("housing");
    saheli = m.rep("by_and_for");
  });
  afterAll(() => t.cleanup());

  it("lets an invited agency record research, which others read only through their own agency's rules", async () => {
    const saved = await api(health).meetings.saveResearch({ meetingId, caseId, version: null, shared: `Reported damage to the front door twice in October. ${VISA}`, withheld: "Her mental-health history: not relevant to the risk." });
    expect(saved.version).toBe(1);
    await expect(api(health).meetings.saveResearch({ meetingId, caseId, version: null, shared: "x", withheld: "" })).rejects.toMatchObject({ code: "CONFLICT" });

    const own = await api(health).meetings.research({ meetingId, caseId });
    expect(own[0]?.shared.text).toContain(VISA);
    // Unreviewed, the research reaches only its own agency and the case holders.
    expect(JSON.stringify(await api(housing).meetings.research({ meetingId, caseId }))).not.toContain("Reported damage to the front door");
    expect(JSON.stringify(await api(saheli).meetings.research({ meetingId, caseId }))).not.toContain(VISA);
    await confirmAllTexts(api(coordinator), caseId);
    const forHousing = await api(housing).meetings.research({ meetingId, caseId });
    expect(forHousing[0]?.shared.text).toContain("Reported damage to the front door");
    expect(JSON.stringify(forHousing)).not.toMatch(/visa|mental-health/);
    expect(forHousing[0]?.withheld).toBeNull();
    expect((await api(saheli).meetings.research({ meetingId, caseId }))[0]?.shared.text).toContain(VISA);
    expect((await api(coordinator).meetings.research({ meetingId, caseId }))[0]?.withheld?.text).toContain("mental-health");
    expect(JSON.stringify(t.db.select().from(caseResearch).all())).not.toMatch(/visa|A&E/);
  });

  it("refuses research from an agency not invited", async () => {
    const probation = await sessionUserFor(t.db, "agency_rep", "probation");
    await expect(api(probation).meetings.saveResearch({ meetingId, caseId, version: null, shared: "x", withheld: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api(probation).meetings.research({ meetingId, caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("research before the agenda is published", () => {
  const t = createTestDb();
  afterAll(() => t.cleanup());

  it("is refused, as the meeting is not yet the agency's to see; publishing opens it", async () => {
    const m = await meetingWithCase(t, NOW, { reps: ["health"], invite: ["health"], date: "2026-12-10", publish: false });
    const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: u, now: () => NOW }));
    const input = { meetingId: m.meetingId, caseId: m.caseId, version: null, shared: "Seen at the GP surgery.", withheld: "" };
    await expect(api(m.rep("health")).meetings.saveResearch(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(t.db.select().from(caseResearch).all()).toEqual([]);
    await api(m.coordinator).meetings.publish({ meetingId: m.meetingId });
    expect((await api(m.rep("health")).meetings.saveResearch(input)).version).toBe(1);
  });
});
