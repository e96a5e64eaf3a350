import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgency } from "~/db/factories";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { asReferral, importFile } from "../helpers/referrals";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

// 00:30 on 1 July in London is still 30 June in UTC: the count goes by the UK calendar.
const NOW = new Date("2026-06-30T23:30:00Z");

describe("triage: how long a referral has waited", () => {
  const t = createTestDb();
  let coordinator: SessionUser;
  const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: u, now: () => NOW }));

  beforeAll(async () => {
    ensureSettings(t.db, "T", NOW, "TS");
    makeAgency(t.db, { name: "Police", type: "police" });
    coordinator = await sessionUserFor(t.db, "coordinator", "police");
    const admin = await sessionUserFor(t.db, "admin", "idva");
    const referredOn = (date: string, name: string) => {
      const c = makeSampleCase();
      return asReferral({ ...c, victim: { ...c.victim, name }, referring: { ...c.referring, referralDate: date } }, "Police");
    };
    // Imported today, but referred days ago: the wait runs from the referral.
    await api(admin).cases.import({ document: importFile(referredOn("2026-06-21", "Waited Ten"), referredOn("2026-07-01", "Referred Today")) });
  });
  afterAll(() => t.cleanup());

  it("counts UK calendar days since the date of referral, longest waiting first", async () => {
    const queue = await api(coordinator).triage.queue();
    expect(queue.map((r) => [r.victimName, r.daysWaiting])).toEqual([
      ["Waited Ten", 10],
      ["Referred Today", 0],
    ]);
  });
});
