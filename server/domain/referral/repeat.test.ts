import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarMonths, addDays } from "./dates";
import { findEarlierReferrals, repeatStatus, repeatWindowEnd, type EarlierReferral, type ReferralVictim } from "./repeat";
import { arbIsoDate, arbPlainName } from "./test-arbitraries";

const DOB = "1990-05-17";
const earlier = (over: Partial<EarlierReferral> = {}): EarlierReferral => ({
  caseId: "c-1",
  caseNumber: "M-2024-001",
  referralDate: "2024-06-01",
  victimName: "Amina Begum",
  victimAliases: [],
  victimDateOfBirth: DOB,
  ...over,
});
const victim = (over: Partial<ReferralVictim> = {}): ReferralVictim => ({ name: "Amina Begum", aliases: [], dateOfBirth: DOB, ...over });
const TODAY = "2025-03-01";

describe("findEarlierReferrals", () => {
  it.each<[string, ReferralVictim, EarlierReferral, "match" | "possible" | null, string | null]>([
    ["same name and date of birth", victim(), earlier(), "match", "Same name, and the same date of birth."],
    ["case, spacing and punctuation", victim({ name: "  AMINA   begum." }), earlier(), "match", "Same name, and the same date of birth."],
    ["accents", victim({ name: "Zoë O'Brien" }), earlier({ victimName: "Zoe OBrien" }), "match", "Same name, and the same date of birth."],
    ["surname first", victim({ name: "BEGUM, Amina" }), earlier(), "match", "Same name, with the words in a different order (“BEGUM, Amina” and “Amina Begum”), and the same date of birth."],
    ["surname first and a variant", victim({ name: "BEGOM, Amina" }), earlier(), "match", "Same name, allowing spelling variants (“BEGOM, Amina” and “Amina Begum”), and the same date of birth."],
    ["transliteration", victim({ name: "Amina Begom" }), earlier(), "match", "Same name, allowing spelling variants (“Amina Begom” and “Amina Begum”), and the same date of birth."],
    ["Mohammed / Muhammad", victim({ name: "Mohammed Yusuf" }), earlier({ victimName: "Muhammad Youssef" }), "match", "Same name, allowing spelling variants (“Mohammed Yusuf” and “Muhammad Youssef”), and the same date of birth."],
    ["Olena / Elena", victim({ name: "Olena Kovalenko" }), earlier({ victimName: "Elena Kovalenko" }), "match", "Same name, allowing spelling variants (“Olena Kovalenko” and “Elena Kovalenko”), and the same date of birth."],
    ["new alias is the earlier name", victim({ name: "Sara Khan", aliases: ["Amina Begum"] }), earlier(), "match", "This referral's alias “Amina Begum” is the name on case M-2024-001, and the same date of birth."],
    ["new name is an earlier alias", victim({ name: "Sara Khan" }), earlier({ victimAliases: ["sara KHAN"] }), "match", "The name “Sara Khan” on this referral is an alias on case M-2024-001, and the same date of birth."],
    ["alias to alias", victim({ name: "X Y", aliases: ["Sara Ali"] }), earlier({ victimAliases: ["Sara Ali"] }), "match", "This referral's alias “Sara Ali” is an alias on case M-2024-001, and the same date of birth."],
    ["an alias is matched exactly, not by variant folding", victim({ name: "Sara Khan", aliases: ["Aisha Begom"] }), earlier({ victimName: "Ayesha Begum" }), null, null],
    ["different date of birth", victim({ dateOfBirth: "1990-05-18" }), earlier(), null, null],
    ["different date of birth, even with an alias", victim({ aliases: ["Sara Ali"], dateOfBirth: "1991-01-01" }), earlier({ victimAliases: ["Sara Ali"] }), null, null],
    ["different name, same date of birth", victim({ name: "Amira Begum" }), earlier(), null, null],
    ["no date of birth on the new referral", victim({ dateOfBirth: undefined }), earlier(), "possible", "Same name, but this referral has no date of birth: confirm or reject this match."],
    ["no date of birth on the earlier referral", victim(), earlier({ victimDateOfBirth: undefined }), "possible", "Same name, but case M-2024-001 has no date of birth: confirm or reject this match."],
    ["no date of birth on either", victim({ name: "Muhammad Ali", dateOfBirth: undefined }), earlier({ victimName: "Mohamed Ali", victimDateOfBirth: "" }), "possible", "Same name, allowing spelling variants (“Muhammad Ali” and “Mohamed Ali”), but neither referral has a date of birth: confirm or reject this match."],
    ["an alias without a date of birth", victim({ name: "Sara Khan", dateOfBirth: undefined }), earlier({ victimAliases: ["Sara Khan"] }), "possible", "The name “Sara Khan” on this referral is an alias on case M-2024-001, but this referral has no date of birth: confirm or reject this match."],
  ])("%s", (_name, v, e, kind, reason) => {
    const found = findEarlierReferrals(v, TODAY, [e]);
    if (kind === null) {
      expect(found).toEqual([]);
    } else {
      expect(found).toEqual([{ caseId: e.caseId, caseNumber: e.caseNumber, referralDate: e.referralDate, kind, reason }]);
    }
  });

  it("leaves out referrals dated after the new one, keeps one on the same day, and lists the latest first", () => {
    const found = findEarlierReferrals(victim(), "2025-03-01", [
      earlier({ caseId: "a", caseNumber: "M-1", referralDate: "2023-01-10" }),
      earlier({ caseId: "b", caseNumber: "M-3", referralDate: "2025-03-02" }),
      earlier({ caseId: "c", caseNumber: "M-2", referralDate: "2025-03-01", victimDateOfBirth: undefined }),
      earlier({ caseId: "d", caseNumber: "M-4", referralDate: "2024-09-09", victimName: "Someone Else" }),
    ]);
    expect(found.map((m) => [m.caseId, m.kind])).toEqual([["c", "possible"], ["a", "match"]]);
  });

  it("refuses a referral date not written yyyy-mm-dd", () => {
    expect(() => findEarlierReferrals(victim(), "01/03/2025", [earlier()])).toThrow(RangeError);
  });

  it("property: a name written with different case, spacing, punctuation or accents still matches on the same date of birth", () => {
    const rewrite = (words: string[]) =>
      fc.tuple(
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.constantFrom(" ", "  ", "-", ", ", " . "),
        fc.array(fc.constantFrom("", "\u0301", "\u0308", "'"), { minLength: 40, maxLength: 40 }),
      ).map(([upper, sep, marks]) => {
        let i = 0;
        return ` ${words.map((w) => [...w].map((ch) => { i += 1; return `${upper[i] === true ? ch.toUpperCase() : ch}${marks[i] ?? ""}`; }).join("")).join(sep)} `;
      });
    fc.assert(
      fc.property(
        arbPlainName.chain((words) => fc.tuple(fc.constant(words.join(" ")), rewrite(words))),
        arbIsoDate,
        ([plain, rewritten], dob) => {
          const found = findEarlierReferrals({ name: rewritten, dateOfBirth: dob }, "2100-12-31", [
            earlier({ victimName: plain, victimDateOfBirth: dob }),
          ]);
          expect(found.map((m) => m.kind)).toEqual(["match"]);
          const withoutDob = findEarlierReferrals({ name: rewritten }, "2100-12-31", [earlier({ victimName: plain, victimDateOfBirth: dob })]);
          expect(withoutDob.map((m) => m.kind)).toEqual(["possible"]);
        },
      ),
    );
  });

  it("property: two different dates of birth never match, whatever the names", () => {
    fc.assert(
      fc.property(arbIsoDate, arbIsoDate, fc.string(), fc.array(fc.string(), { maxLength: 3 }), (a, b, name, aliases) => {
        fc.pre(a !== b);
        const found = findEarlierReferrals({ name, aliases, dateOfBirth: a }, "2100-12-31", [
          earlier({ victimName: name, victimAliases: aliases, victimDateOfBirth: b }),
        ]);
        expect(found).toEqual([]);
      }),
    );
  });
});

describe("repeatStatus: the window edge", () => {
  it.each<[string, string, string, number, boolean, number]>([
    ["exactly 12 months later", "2024-03-15", "2025-03-15", 12, true, 12],
    ["12 months and 1 day later", "2024-03-15", "2025-03-16", 12, false, 12],
    ["12 months less a day", "2024-03-15", "2025-03-14", 12, true, 11],
    ["the same day", "2025-03-15", "2025-03-15", 12, true, 0],
    ["from 29 February: the window ends on 28 February", "2024-02-29", "2025-02-28", 12, true, 12],
    ["from 29 February: 1 March is outside", "2024-02-29", "2025-03-01", 12, false, 12],
    ["from 28 February 2023 into a leap year: 28 February 2024 is the edge", "2023-02-28", "2024-02-28", 12, true, 12],
    ["from 28 February 2023: 29 February 2024 is outside", "2023-02-28", "2024-02-29", 12, false, 12],
    ["31 January + 1 month ends on 28 February", "2025-01-31", "2025-02-28", 1, true, 1],
    ["31 January + 1 month: 1 March is outside", "2025-01-31", "2025-03-01", 1, false, 1],
    ["31 January + 1 month in a leap year ends on 29 February", "2024-01-31", "2024-02-29", 1, true, 1],
    ["31 March + 6 months ends on 30 September", "2025-03-31", "2025-09-30", 6, true, 6],
    ["31 March + 6 months: 1 October is outside", "2025-03-31", "2025-10-01", 6, false, 6],
    ["across the year end", "2024-12-31", "2025-12-31", 12, true, 12],
    ["a longer local window", "2023-06-01", "2025-06-01", 24, true, 24],
  ])("%s", (_name, last, next, windowMonths, isRepeat, monthsSince) => {
    const r = repeatStatus(next, [{ caseId: "c-1", caseNumber: "M-1", referralDate: last }], windowMonths);
    expect(r).toEqual({ isRepeat, lastReferralDate: last, lastCaseNumber: "M-1", lastCaseId: "c-1", monthsSince });
  });

  it("is never a repeat without a confirmed earlier referral", () => {
    expect(repeatStatus("2025-03-15", [], 12)).toEqual({ isRepeat: false });
  });

  it("uses the victim's LAST referral, and ignores referrals dated after this one", () => {
    const r = repeatStatus("2025-06-01", [
      { caseNumber: "M-old", referralDate: "2023-01-01" },
      { caseNumber: "M-last", referralDate: "2024-07-01" },
      { caseNumber: "M-future", referralDate: "2025-07-01" },
    ], 12);
    expect(r).toEqual({ isRepeat: true, lastReferralDate: "2024-07-01", lastCaseNumber: "M-last", monthsSince: 11 });
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses a window of %s months", (windowMonths) => {
    expect(() => repeatStatus("2025-01-01", [], windowMonths)).toThrow(RangeError);
  });

  it("refuses a date not written yyyy-mm-dd", () => {
    expect(() => repeatStatus("2025-02-30", [], 12)).toThrow(RangeError);
    expect(() => repeatStatus("2025-03-01", [{ caseNumber: "M-1", referralDate: "1 Jan 2025" }], 12)).toThrow(RangeError);
  });

  const arbConfirmed = fc.array(fc.record({ caseNumber: fc.constantFrom("M-1", "M-2", "M-3"), referralDate: arbIsoDate }), { maxLength: 5 });
  const arbWindow = fc.integer({ min: 1, max: 36 });

  it("property: exactly at the end of the window is a repeat; one day later is not", () => {
    fc.assert(
      fc.property(arbIsoDate, arbWindow, (last, w) => {
        const end = repeatWindowEnd(last, w);
        expect(end).toBe(addCalendarMonths(last, w));
        expect(repeatStatus(end, [{ caseNumber: "M-1", referralDate: last }], w).isRepeat).toBe(true);
        expect(repeatStatus(addDays(end, 1), [{ caseNumber: "M-1", referralDate: last }], w).isRepeat).toBe(false);
      }),
    );
  });

  it("property: monotonic: a later referral date never turns a non-repeat into a repeat (same earlier referrals)", () => {
    fc.assert(
      fc.property(arbConfirmed, arbIsoDate, fc.integer({ min: 0, max: 2000 }), arbWindow, (confirmed, d1, gap, w) => {
        const d2 = addDays(d1, gap);
        const before = confirmed.filter((c) => c.referralDate <= d1);
        if (!repeatStatus(d1, before, w).isRepeat) expect(repeatStatus(d2, before, w).isRepeat).toBe(false);
      }),
    );
  });

  it("property: the result depends only on the latest earlier referral, never on one dated after, and adding an earlier one never undoes a repeat", () => {
    fc.assert(
      fc.property(arbConfirmed, arbIsoDate, arbWindow, fc.record({ caseNumber: fc.constant("M-9"), referralDate: arbIsoDate }), (confirmed, date, w, extra) => {
        const r = repeatStatus(date, confirmed, w);
        const eligible = confirmed.filter((c) => c.referralDate <= date);
        expect(r.isRepeat).toBe(eligible.length > 0 && eligible.some((c) => date <= addCalendarMonths(c.referralDate, w)));
        if (r.lastReferralDate !== undefined) {
          expect(r.lastReferralDate <= date).toBe(true);
          expect(r.lastReferralDate).toBe(eligible.map((c) => c.referralDate).sort().at(-1));
          expect(r.isRepeat).toBe((r.monthsSince ?? Infinity) < w || date === addCalendarMonths(r.lastReferralDate, w));
        }
        if (r.isRepeat) expect(repeatStatus(date, [...confirmed, extra], w).isRepeat).toBe(true);
      }),
    );
  });

  it("property: a wider window never turns a repeat into a non-repeat", () => {
    fc.assert(
      fc.property(arbConfirmed, arbIsoDate, arbWindow, fc.integer({ min: 0, max: 24 }), (confirmed, date, w, more) => {
        if (repeatStatus(date, confirmed, w).isRepeat) expect(repeatStatus(date, confirmed, w + more).isRepeat).toBe(true);
      }),
    );
  });
});
