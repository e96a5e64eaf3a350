import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import type { SessionUser } from "~/server/services/sessions";
import { meetingWithCase } from "../helpers/meeting";
import { confirmAllTexts } from "../helpers/review";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const FIRST = new Date("2026-03-02T10:00:00Z");
const SECOND = new Date("2026-03-05T15:00:00Z");
const LATER = new Date("2026-03-09T09:00:00Z");

/** The record the IDVA reads to the victim (issue section 5). */
describe("the sharing record", () => {
  const t = createTestDb();
  const api = (u: SessionUser, now: Date) => createCaller(createInnerContext({ db: t.db, user: u, now: () => now }));
  let coordinator: SessionUser;
  let housing: SessionUser;
  let idva: SessionUser;
  let caseId = "";

  beforeAll(async () => {
    const m = await meetingWithCase(t, FIRST, { reps: ["housing"], invite: ["housing"], date: "2026-03-10", publish: true });
    ({ coordinator, caseId } = m);
    housing = m.rep("housing");
    idva = await sessionUserFor(t.db, "idva", "idva");
    await confirmAllTexts(api(coordinator, FIRST), caseId);
    // The coordinator, employed by the police, reads the whole case many times; no police officer does.
    for (const at of [FIRST, SECOND, LATER]) await api(coordinator, at).cases.get({ caseId });
    await api(housing, FIRST).cases.get({ caseId });
    await api(housing, SECOND).cases.get({ caseId });
  });
  afterAll(() => t.cleanup());

  it("lists the chair's and coordinator's looks as MARAC functions, apart from disclosures to agencies", async () => {
    const rec = await api(idva, LATER).cases.sharingRecord({ caseId });
    const marac = rec.maracItself.find((g) => g.who === `MARAC coordinator (${coordinator.agencyName})`);
    expect(marac).toBeDefined();
    expect(marac?.categories.map((c) => c.tag)).toContain("immigration");
    // The employing agency never saw it, so it is not said to have.
    expect(rec.agencies.map((g) => g.who)).not.toContain(coordinator.agencyName);
    expect(rec.agencies.flatMap((g) => g.categories).some((c) => c.tag === "immigration")).toBe(false);
    expect(JSON.stringify(rec.agencies)).not.toContain(coordinator.agencyName);
    expect(rec.entries.filter((e) => e.consultation).every((e) => e.who === `MARAC coordinator (${coordinator.agencyName})`)).toBe(true);
  });

  it("groups each agency's looks by kind of information, with the first and last date and the purpose, in plain English", async () => {
    const rec = await api(idva, LATER).cases.sharingRecord({ caseId });
    const homes = rec.agencies.find((g) => g.who === housing.agencyName);
    expect(homes).toMatchObject({ times: 2, first: FIRST, last: SECOND });
    const basic = homes?.categories.find((c) => c.tag === null);
    expect(basic).toMatchObject({ times: 2, first: FIRST, last: SECOND, purposes: ["to read the case through MARAC Desk's data service"] });
    expect(basic?.plainEnglish).toBe(
      `${housing.agencyName} saw the basic case details (names, dates of birth, the risk assessment and the referral) twice, between 2 March 2026 and 5 March 2026: to read the case through MARAC Desk's data service.`,
    );
    const kinds = homes?.categories.filter((c) => c.tag !== null).map((c) => c.tag) ?? [];
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds).not.toContain("immigration");
    expect(homes?.plainEnglish).toMatch(new RegExp(`^${housing.agencyName} saw the basic case details, twice between 2 March 2026 and 5 March 2026, and these restricted kinds of information: `));
  });
});
