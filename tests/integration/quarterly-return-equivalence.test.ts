import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaItems, cases, caseSealingLegacy, caseVictims, maracSettings } from "~/db/schema";
import { makeAgency, makeUser } from "~/db/factories";
import { type CaseMeta, writeCaseRows } from "~/server/cases/case-store";
import { placeOf } from "~/server/cases/sealing";
import { createFieldCipher } from "~/server/crypto/field-cipher";
import type { CaseRecord } from "~/server/domain/case/schema";
import { mulberry32 } from "~/server/domain/random";
import { countReturn, presentReturn, type ReturnCounts } from "~/server/domain/reports/quarterly-return";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import { loadHearings, quarterlyReturn } from "~/server/services/reports";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { createTestDb } from "../helpers/test-db";

/**
 * The return read from covering indexes, with sealed answers kept in memory (decision 075), gives
 * the counts worked out here directly from the generated cases: a few hundred cases with varied
 * answers, some heard twice, some at meetings outside the quarter, some sealed before decision 039.
 * The expected counts use literal facts chosen per case (each ethnicity's answer and each date of
 * birth's age are written down beside it), not the return's own definitions.
 */

const REFERRAL = "2025-06-15";
/** Ethnicities as typed, and whether each counts as Black, Asian or racially minoritised. */
const ETHNICITIES: readonly [string | undefined, boolean][] = [
  ["White British", false],
  ["white Irish", false],
  ["White: Gypsy or Irish Traveller", false],
  ["Gypsy or Irish Traveller", false],
  ["Black African", true],
  ["Asian British - Pakistani", true],
  [" Mixed White and Black Caribbean ", true],
  ["Not known", false],
  ["prefer not to say", false],
  [undefined, false],
];
/** Victims' dates of birth and their age on the referral date. */
const VICTIM_DOBS: readonly [string | undefined, number | null][] = [
  ["2009-06-15", 16],
  ["2008-06-16", 16],
  ["2008-06-15", 17],
  ["2007-06-16", 17],
  ["2007-06-15", 18],
  ["1980-01-01", 45],
  [undefined, null],
];
/** Perpetrators' dates of birth and whether they were 17 or under on the referral date. */
const PERPETRATOR_DOBS: readonly [string | undefined, boolean][] = [
  ["2008-06-16", true],
  ["2010-01-01", true],
  ["2007-06-16", true],
  ["2007-06-15", false],
  ["1975-03-03", false],
  [undefined, false],
];
const ANSWERS = ["yes", "no", "unknown"] as const;
const GENDERS = ["female", "male", "other", "not_known"] as const;

type Facts = { gender: string; minoritised: boolean; lgbt: boolean; disabled: boolean; victimAge: number | null; youngPerpetrators: number; children: number; repeat: boolean; referrer: "police" | "housing" | null };

describe("the quarterly return from indexes and opened answers in memory", () => {
  const t = createTestDb();
  const cipher = createFieldCipher(Buffer.alloc(32, 3));
  const now = new Date("2026-06-01T10:00:00Z");
  const facts = new Map<string, Facts>();
  const written = new Map<string, { record: CaseRecord; meta: CaseMeta }>();
  /** Which cases each meeting in Q1 2026 heard. */
  const heardInQuarter: string[][] = [];
  let chair: SessionUser;

  beforeAll(async () => {
    ensureSettings(t.db, "Equivalence MARAC", now, "EQ");
    t.db.update(maracSettings).set({ adultFemalePopulation: 250_000 }).where(eq(maracSettings.id, 1)).run();
    const police = makeAgency(t.db, { name: "Police", type: "police" });
    const housing = makeAgency(t.db, { name: "Housing", type: "housing" });
    const chairRow = await makeUser(t.db, { agencyId: police.id, role: "chair", passwordHash: "x" });
    chair = { id: chairRow.id, name: "Chair", email: "c@x", role: "chair", agencyId: police.id, agencyName: "Police", agencyType: "police", agencyIsMember: true, sessionId: "s" };
    const random = mulberry32(75);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

    const ids: string[] = [];
    t.db.transaction((tx) => {
      for (let i = 0; i < 300; i++) {
        const base = makeSampleCase();
        const [ethnicity, minoritised] = pick(ETHNICITIES);
        const [victimDob, victimAge] = pick(VICTIM_DOBS);
        const perpetrators = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(PERPETRATOR_DOBS));
        const childFlags = Array.from({ length: Math.floor(random() * 4) }, () => random() < 0.6);
        const lgbt = pick(ANSWERS);
        const disabled = pick(ANSWERS);
        const gender = pick(GENDERS);
        const referrer = pick(["police", "housing", null] as const);
        const template = base.perpetrators[0];
        if (!template) throw new Error("a built case has a perpetrator");
        const record: CaseRecord = {
          ...base,
          caseId: `eq-${i}`,
          caseNumber: `EQ-2025-${String(i).padStart(4, "0")}`,
          referring: { ...base.referring, referralDate: REFERRAL },
          victim: {
            ...base.victim,
            gender,
            ethnicity,
            dateOfBirth: victimDob,
            lgbtPlus: { ...base.victim.lgbtPlus, identifiesAsLgbtPlus: lgbt },
            disability: { ...base.victim.disability, disabled },
          },
          perpetrators: perpetrators.map(([dob]) => ({ ...template, dateOfBirth: dob })),
          householdMembers: childFlags.map((isChild, n) => ({ name: `Member ${n}`, isChild })),
        };
        const referringAgencyId = referrer === "police" ? police.id : referrer === "housing" ? housing.id : null;
        const meta: CaseMeta = { status: "accepted", referringAgencyId, acceptedAt: now, version: 1 + (i % 3), createdAt: now, updatedAt: now, createdByUserId: null };
        writeCaseRows(tx, cipher, record, meta);
        written.set(record.caseId, { record, meta });
        const repeat = random() < 0.3;
        if (repeat) tx.update(cases).set({ isRepeat: true }).where(eq(cases.id, record.caseId)).run();
        facts.set(record.caseId, {
          gender,
          minoritised,
          lgbt: lgbt === "yes",
          disabled: disabled === "yes",
          victimAge,
          youngPerpetrators: perpetrators.filter(([, young]) => young).length,
          children: childFlags.filter(Boolean).length,
          repeat,
          referrer,
        });
        ids.push(record.caseId);
      }
      // Every tenth case was sealed before decision 039: its answers are bound without the version.
      for (const caseId of ids.filter((_, i) => i % 10 === 0)) {
        const stored = t.db.select().from(caseVictims).where(eq(caseVictims.caseId, caseId)).get();
        const record = written.get(caseId)?.record;
        if (!stored || !record) throw new Error("case missing");
        const legacyAt = (key: string) => placeOf({ table: "case_victims", rowId: caseId, version: undefined }, key);
        const data = { ...stored.data, lgbtPlus: cipher.seal(JSON.stringify(record.victim.lgbtPlus), legacyAt("lgbtPlus")), disability: cipher.seal(JSON.stringify(record.victim.disability), legacyAt("disability")) };
        tx.update(caseVictims).set({ data }).where(eq(caseVictims.caseId, caseId)).run();
        tx.insert(caseSealingLegacy).values({ caseId }).run();
      }
    });

    // Two meetings in Q1 2026 (the second on its last day) and two just outside it. About one case
    // in five is heard at both meetings in the quarter, and so counts twice.
    const meeting = (id: string, date: string) =>
      t.db.run(sql`INSERT INTO meetings (id, date, time, venue, online, chair_user_id, created_at, updated_at) VALUES (${id}, ${date}, '09:30', 'Room', 0, ${chairRow.id}, 0, 0)`);
    const dates = { q1a: "2026-01-20", q1b: "2026-03-31", before: "2025-12-31", after: "2026-04-01" };
    for (const [id, date] of Object.entries(dates)) meeting(id, date);
    const onAgenda: Record<keyof typeof dates, string[]> = { q1a: [], q1b: [], before: [], after: [] };
    for (const caseId of ids) {
      const r = random();
      if (r < 0.45) onAgenda.q1a.push(caseId);
      else if (r < 0.75) onAgenda.q1b.push(caseId);
      else if (r < 0.95) {
        onAgenda.q1a.push(caseId);
        onAgenda.q1b.push(caseId);
      }
      if (random() < 0.3) onAgenda.before.push(caseId);
      if (random() < 0.3) onAgenda.after.push(caseId);
    }
    for (const [meetingId, list] of Object.entries(onAgenda)) {
      list.forEach((caseId, position) => t.db.insert(agendaItems).values({ meetingId, caseId, position, addedAt: now }).run());
    }
    heardInQuarter.push(onAgenda.q1a, onAgenda.q1b);
  }, 60_000);
  afterAll(() => t.cleanup());

  /** The counts worked out from the facts chosen for each case, hearing by hearing. */
  function expected(): ReturnCounts {
    const c: ReturnCounts = { cases: 0, children: 0, repeats: 0, withKnownReferrer: 0, partnerReferrals: 0, minoritised: 0, lgbt: 0, disabled: 0, male: 0, aged16to17: 0, perpetratorsUnder18: 0 };
    for (const caseId of heardInQuarter.flat()) {
      const f = facts.get(caseId);
      if (!f) throw new Error("no facts");
      c.cases += 1;
      c.children += f.children;
      c.repeats += f.repeat ? 1 : 0;
      c.withKnownReferrer += f.referrer === null ? 0 : 1;
      c.partnerReferrals += f.referrer === "housing" ? 1 : 0;
      c.minoritised += f.minoritised ? 1 : 0;
      c.lgbt += f.lgbt ? 1 : 0;
      c.disabled += f.disabled ? 1 : 0;
      c.male += f.gender === "male" ? 1 : 0;
      c.aged16to17 += f.victimAge === 16 || f.victimAge === 17 ? 1 : 0;
      c.perpetratorsUnder18 += f.youngPerpetrators;
    }
    return c;
  }
  const counted = () => countReturn(loadHearings(t.db, cipher, "2026-01-01", "2026-03-31"));

  it("counts every figure as worked out from the cases, first opening the sealed answers and then from memory", () => {
    const want = expected();
    expect(want.cases).toBeGreaterThan(250);
    expect(want.aged16to17).toBeGreaterThan(20);
    expect(counted()).toEqual(want);
    expect(counted()).toEqual(want);
    const shown = quarterlyReturn(t.db, cipher, chair, { year: 2026, quarter: 1 }, "screen", now);
    expect(shown.rows).toEqual(presentReturn(want, 250_000, "organiser"));
  });

  it("sees edited answers, including a legacy case's, once the case has a new version", () => {
    expect(counted()).toEqual(expected());
    for (const caseId of ["eq-0", "eq-1", "eq-2", "eq-3", "eq-10", "eq-20"]) {
      // Edited as the case page would: every row re-sealed under the next version.
      const stored = written.get(caseId);
      const f = facts.get(caseId);
      if (!stored || !f) throw new Error("case missing");
      const { record, meta } = structuredClone(stored);
      record.victim.lgbtPlus = { ...record.victim.lgbtPlus, identifiesAsLgbtPlus: f.lgbt ? "no" : "yes" };
      record.victim.disability = { ...record.victim.disability, disabled: f.disabled ? "no" : "yes" };
      record.victim.gender = f.gender === "male" ? "female" : "male";
      record.householdMembers = [...record.householdMembers, { name: "New baby", isChild: true }];
      t.db.transaction((tx) => writeCaseRows(tx, cipher, record, { ...meta, version: meta.version + 1 }));
      facts.set(caseId, { ...f, lgbt: !f.lgbt, disabled: !f.disabled, gender: record.victim.gender, children: f.children + 1 });
    }
    expect(counted()).toEqual(expected());
  });
});
