import { asc, eq } from "drizzle-orm";
import { cases, maracSettings } from "~/db/schema";
import { makeAgency } from "~/db/factories";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import type { CaseRecord } from "~/server/domain/case/schema";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { asReferral, importFile } from "./referrals";
import type { createTestDb } from "./test-db";
import { sessionUserFor } from "./users";

export type CaseSpec = { agency: "Police" | "Housing"; change?: (r: CaseRecord) => void; repeat?: boolean; status?: "accepted" | "closed" };

/**
 * A MARAC area for report tests: police and housing agencies, a chair, a coordinator, the admin and
 * a housing representative; cases made from the sample case (one distinct victim each) and imported.
 */
export async function reportArea(t: ReturnType<typeof createTestDb>, now: Date) {
  const api = (u: SessionUser, at: Date = now) => createCaller(createInnerContext({ db: t.db, user: u, now: () => at }));
  ensureSettings(t.db, "Testshire MARAC", now, "TS");
  t.db.update(maracSettings).set({ adultFemalePopulation: 150_000 }).where(eq(maracSettings.id, 1)).run();
  makeAgency(t.db, { name: "Police", type: "police" });
  const housing = makeAgency(t.db, { name: "Housing", type: "housing" });
  const admin = await sessionUserFor(t.db, "admin", "idva");
  const chair = await sessionUserFor(t.db, "chair", "police");
  const coordinator = await sessionUserFor(t.db, "coordinator", "police");
  const housingRep = await sessionUserFor(t.db, "agency_rep", "housing");
  let n = 0;
  async function addCases(specs: readonly CaseSpec[]): Promise<string[]> {
    const referrals = specs.map((s) => {
      const r = makeSampleCase();
      n++;
      r.victim.name = `Victim Testcase${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(65 + Math.floor(n / 26))}`;
      r.victim.aliases = [];
      r.victim.dateOfBirth = `19${50 + (n % 40)}-0${1 + (n % 9)}-1${n % 10}`;
      r.criteria.repeat = s.repeat ?? false;
      s.change?.(r);
      return asReferral(r, s.agency, s.status ?? "accepted");
    });
    const ids = () => t.db.select({ id: cases.id }).from(cases).orderBy(asc(cases.caseNumber)).all().map((c) => c.id);
    const before = new Set(ids());
    await api(admin).cases.import({ document: importFile(...referrals) });
    return ids().filter((id) => !before.has(id));
  }
  async function meetingWith(date: string, caseIds: readonly string[]) {
    const { id } = await api(coordinator).meetings.create({ date, time: "09:30", venue: "Room", online: false, chairUserId: chair.id, invitedAgencyIds: [housing.id] });
    for (const caseId of caseIds) await api(coordinator).meetings.addCase({ meetingId: id, caseId });
    return id;
  }
  return { api, admin, chair, coordinator, housingRep, housing, addCases, meetingWith };
}
