import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countReturn, isRaciallyMinoritised, presentReturn, type Hearing, type ReturnCounts } from "./quarterly-return";
import { ageOn, quarterOf, quarterRange } from "./quarters";
import { PRIMARY_MARK, SECONDARY_MARK } from "./suppress";

const base: Hearing = {
  caseId: "c1",
  meetingDate: "2026-02-10",
  referralDate: "2026-01-20",
  isRepeat: false,
  referringAgencyType: "police",
  victimGender: "female",
  victimEthnicity: "White British",
  victimDateOfBirth: "1990-05-01",
  lgbtPlus: "no",
  disabled: "no",
  perpetratorDatesOfBirth: ["1988-01-01"],
  children: 0,
};
const zero: ReturnCounts = { cases: 1, children: 0, repeats: 0, withKnownReferrer: 1, partnerReferrals: 0, minoritised: 0, lgbt: 0, disabled: 0, male: 0, aged16to17: 0, perpetratorsUnder18: 0 };

describe("the definitions of the return (docs/reports.md)", () => {
  it.each<[string, Partial<Hearing>, Partial<ReturnCounts>]>([
    ["a case heard once counts once", {}, {}],
    ["a repeat is the case's repeat flag (referred again within the repeat window)", { isRepeat: true }, { repeats: 1 }],
    ["a referral from any agency but the police is a partner referral", { referringAgencyType: "housing" }, { partnerReferrals: 1 }],
    ["an IDVA referral is a partner referral", { referringAgencyType: "idva" }, { partnerReferrals: 1 }],
    ["a referrer not on record counts in neither part of the partner share", { referringAgencyType: null }, { withKnownReferrer: 0 }],
    ["children are the household members marked as children", { children: 3 }, { children: 3 }],
    ["Black, Asian or racially minoritised: a recorded ethnicity that is not White", { victimEthnicity: "Asian or Asian British: Pakistani" }, { minoritised: 1 }],
    ["White Gypsy or Irish Traveller is a White group", { victimEthnicity: "White Gypsy or Irish Traveller" }, {}],
    ["ethnicity not known is not counted as minoritised", { victimEthnicity: "Not known" }, {}],
    ["LGBT+ only when the victim said yes", { lgbtPlus: "yes" }, { lgbt: 1 }],
    ["LGBT+ not known is not counted", { lgbtPlus: "unknown" }, {}],
    ["disabled only when yes", { disabled: "yes" }, { disabled: 1 }],
    ["male victims by recorded gender", { victimGender: "male" }, { male: 1 }],
    ["gender other is not male", { victimGender: "other" }, {}],
    ["a victim 16 at the referral date", { victimDateOfBirth: "2009-06-01", referralDate: "2026-01-20" }, { aged16to17: 1 }],
    ["a victim 17 the day before turning 18", { victimDateOfBirth: "2008-01-21", referralDate: "2026-01-20" }, { aged16to17: 1 }],
    ["a victim who turned 18 on the referral date is not", { victimDateOfBirth: "2008-01-20", referralDate: "2026-01-20" }, {}],
    ["age is at the referral date, not the meeting date", { victimDateOfBirth: "2008-02-01", referralDate: "2026-01-20", meetingDate: "2026-02-10" }, { aged16to17: 1 }],
    ["each perpetrator aged 17 or under at referral counts", { perpetratorDatesOfBirth: ["2010-01-01", "2009-03-01", "1980-01-01", undefined] }, { perpetratorsUnder18: 2 }],
  ])("%s", (_name, change, expected) => {
    expect(countReturn([{ ...base, ...change }])).toEqual({ ...zero, ...expected });
  });

  it("counts a case heard at two meetings twice (each hearing is a case discussed)", () => {
    expect(countReturn([base, { ...base, meetingDate: "2026-03-10" }]).cases).toBe(2);
  });

  it.each([
    ["Black British", true],
    ["Mixed: White and Black Caribbean", true],
    ["white", false],
    ["", false],
    [undefined, false],
    ["prefer not to say", false],
    ["White: Gypsy or Irish Traveller", false],
    ["Gypsy or Irish Traveller", false],
    ["gypsy  or irish traveller.", false],
    ["Roma", false],
    ["Irish", false],
    ["Any other White background", false],
    ["Irish Traveller", false],
    ["Romany Gypsy", false],
    ["British Indian", true],
    ["Asian or Asian British: Pakistani", true],
  ] as const)("ethnicity %s is minoritised: %s", (e, yes) => {
    expect(isRaciallyMinoritised(e)).toBe(yes);
  });

  it.each([
    [{ year: 2026, quarter: 1 }, "2026-01-01", "2026-03-31"],
    [{ year: 2024, quarter: 1 }, "2024-01-01", "2024-03-31"],
    [{ year: 2026, quarter: 2 }, "2026-04-01", "2026-06-30"],
    [{ year: 2026, quarter: 4 }, "2026-10-01", "2026-12-31"],
  ] as const)("quarter %o runs from %s to %s", (q, from, to) => {
    expect(quarterRange(q)).toEqual({ from, to });
    expect(quarterOf(from)).toEqual(q);
    expect(quarterOf(to)).toEqual(q);
  });

  it("ages are whole years", () => {
    expect(ageOn("2000-02-29", "2018-02-28")).toBe(17);
    expect(ageOn("2000-02-29", "2018-03-01")).toBe(18);
  });

  it("ages agree with calendar arithmetic for any two dates", () => {
    const day = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [born, on] = a <= b ? [a, b] : [b, a];
        const birthdayPassed = on.getUTCMonth() > born.getUTCMonth() || (on.getUTCMonth() === born.getUTCMonth() && on.getUTCDate() >= born.getUTCDate());
        const iso = (d: Date) => d.toISOString().slice(0, 10);
        expect(ageOn(iso(born), iso(on))).toBe(on.getUTCFullYear() - born.getUTCFullYear() - (birthdayPassed ? 0 : 1));
      }),
      { numRuns: 500 },
    );
  });
});

describe("presenting the return", () => {
  const counts: ReturnCounts = { cases: 120, children: 150, repeats: 36, withKnownReferrer: 100, partnerReferrals: 3, minoritised: 118, lgbt: 2, disabled: 12, male: 7, aged16to17: 0, perpetratorsUnder18: 4 };
  const rows = presentReturn(counts, 150_000, "organiser");
  const row = (key: string) => rows.find((r) => r.key === key);

  it("suppresses small counts and their percentages, and counts whose complement is small", () => {
    expect(row("repeats")).toMatchObject({ count: 36, rate: "30.0%" });
    expect(row("partnerReferrals")).toMatchObject({ count: PRIMARY_MARK, rate: null });
    expect(row("minoritised")).toMatchObject({ count: SECONDARY_MARK, rate: null });
    expect(row("lgbt")).toMatchObject({ count: PRIMARY_MARK, rate: null });
    expect(row("perpetratorsUnder18")).toMatchObject({ count: PRIMARY_MARK });
    expect(row("aged16to17")).toMatchObject({ count: 0, rate: "0.0%" });
  });

  it("annualises cases per 10,000 adult females from the population in the settings", () => {
    expect(row("casesPer10k")?.rate).toBe("32.0");
    expect(row("casesPer10k")?.benchmark.expected).toBe("40 a year");
    expect(presentReturn(counts, null, "organiser").find((r) => r.key === "casesPer10k")?.rate).toBeNull();
    expect(presentReturn({ ...counts, cases: 3 }, 150_000, "organiser").find((r) => r.key === "casesPer10k")?.rate).toBeNull();
  });

  it("gives the admin no figure built from sexuality or health values", () => {
    const keys = presentReturn(counts, 150_000, "admin").map((r) => r.key);
    expect(keys).not.toContain("lgbt");
    expect(keys).not.toContain("disabled");
    expect(keys).toContain("male");
  });

  it("shows no expected range that domain.md does not mark verified", () => {
    expect(rows.filter((r) => r.benchmark.expected).map((r) => r.key)).toEqual(["casesPer10k"]);
  });
});
