import { BENCHMARKS, type Benchmark } from "./benchmarks";
import { ageOn } from "./quarters";
import { shareOf, suppressCount, suppressPart, type Shown } from "./suppress";

/**
 * The SafeLives quarterly data return (domain.md §1.9). Definitions: docs/reports.md; the table
 * test in quarterly-return.test.ts holds them.
 */

/** One hearing: a case on the agenda of a meeting held in the quarter. Built on the server from decrypted values; never leaves it. */
export type Hearing = {
  caseId: string;
  meetingDate: string;
  referralDate: string;
  isRepeat: boolean;
  /** The referring agency's type, or null when the referral named no agency on record. */
  referringAgencyType: string | null;
  victimGender: string;
  victimEthnicity: string | undefined;
  victimDateOfBirth: string | undefined;
  lgbtPlus: string;
  disabled: string;
  perpetratorDatesOfBirth: readonly (string | undefined)[];
  children: number;
};

export type ReturnCounts = {
  cases: number;
  children: number;
  repeats: number;
  withKnownReferrer: number;
  partnerReferrals: number;
  minoritised: number;
  lgbt: number;
  disabled: number;
  male: number;
  aged16to17: number;
  perpetratorsUnder18: number;
};

/** Ethnicity is recorded as text; these say "not recorded" rather than an ethnicity. */
const NOT_RECORDED = /^(not known|unknown|not stated|not recorded|prefer not to say|declined)$/i;

/**
 * The census's White groups written without "White:" in front (decision 085). Only whole answers:
 * "English" or "British" alone names a nationality as often as an ethnicity, and "Irish Traveller"
 * is matched whole, not "Irish" as the start of another answer.
 */
const WHITE_GROUP_ALONE = /^(irish|gypsy|traveller|irish traveller|gypsy or irish traveller|gypsy, roma or traveller|roma|romany|romany gypsy|any other white background)$/i;

/**
 * Black, Asian or racially minoritised: an ethnicity is recorded and it is not a White group.
 * White minorities (for example Gypsy or Irish Traveller) are not counted, as in the census's
 * "ethnic groups other than White" (docs/reports.md), whether or not "White:" is written first.
 */
export function isRaciallyMinoritised(ethnicity: string | undefined): boolean {
  const e = ethnicity?.trim().replace(/\s+/g, " ").replace(/[.]$/, "") ?? "";
  if (e === "" || NOT_RECORDED.test(e)) return false;
  return !/^white\b/i.test(e) && !WHITE_GROUP_ALONE.test(e);
}

export function countReturn(hearings: readonly Hearing[]): ReturnCounts {
  const c: ReturnCounts = { cases: 0, children: 0, repeats: 0, withKnownReferrer: 0, partnerReferrals: 0, minoritised: 0, lgbt: 0, disabled: 0, male: 0, aged16to17: 0, perpetratorsUnder18: 0 };
  for (const h of hearings) {
    c.cases++;
    c.children += h.children;
    if (h.isRepeat) c.repeats++;
    if (h.referringAgencyType !== null) {
      c.withKnownReferrer++;
      if (h.referringAgencyType !== "police") c.partnerReferrals++;
    }
    if (isRaciallyMinoritised(h.victimEthnicity)) c.minoritised++;
    if (h.lgbtPlus === "yes") c.lgbt++;
    if (h.disabled === "yes") c.disabled++;
    if (h.victimGender === "male") c.male++;
    if (h.victimDateOfBirth) {
      const age = ageOn(h.victimDateOfBirth, h.referralDate);
      if (age === 16 || age === 17) c.aged16to17++;
    }
    for (const dob of h.perpetratorDatesOfBirth) if (dob && ageOn(dob, h.referralDate) <= 17) c.perpetratorsUnder18++;
  }
  return c;
}

export type ReturnRow = {
  key: keyof typeof BENCHMARKS;
  label: string;
  /** The count, suppressed; null where the figure is a rate. */
  count: Shown | null;
  /** A percentage or rate as display text, or null when not given or hidden. */
  rate: string | null;
  benchmark: Benchmark;
  /** Built from sexuality- or health-tagged values: only chairs and coordinators see it. */
  sensitive: boolean;
};

/** Who is reading: chairs and coordinators see every figure; the admin sees no figure built from sensitive values. */
export type ReturnAudience = "organiser" | "admin";

/**
 * Turns the counts into the published rows, every count suppressed (suppress.ts). A percentage is
 * of all cases heard except partner referrals, which are of cases whose referring agency is known.
 * Cases per 10,000 adult females is annualised (the quarter's cases × 4) so it compares with the
 * yearly national figure, and is hidden when the count of cases is.
 */
export function presentReturn(c: ReturnCounts, adultFemalePopulation: number | null, audience: ReturnAudience): ReturnRow[] {
  const part = (n: number, of: number) => ({ count: suppressPart(n, of), rate: pct(shareOf(n, of)) });
  const per10k =
    adultFemalePopulation && typeof suppressCount(c.cases) === "number" ? ((c.cases * 4 * 10_000) / adultFemalePopulation).toFixed(1) : null;
  const rows: ReturnRow[] = [
    { key: "cases", label: "Cases discussed, including repeats", count: suppressCount(c.cases), rate: null, benchmark: BENCHMARKS.cases, sensitive: false },
    { key: "children", label: "Children in the households", count: suppressCount(c.children), rate: null, benchmark: BENCHMARKS.children, sensitive: false },
    { key: "casesPer10k", label: "Cases per 10,000 adult females (annualised)", count: null, rate: per10k, benchmark: BENCHMARKS.casesPer10k, sensitive: false },
    { key: "repeats", label: "Repeat cases", ...part(c.repeats, c.cases), benchmark: BENCHMARKS.repeats, sensitive: false },
    { key: "partnerReferrals", label: "Referrals from partner (non-police) agencies", ...part(c.partnerReferrals, c.withKnownReferrer), benchmark: BENCHMARKS.partnerReferrals, sensitive: false },
    { key: "minoritised", label: "Victims who are Black, Asian or racially minoritised", ...part(c.minoritised, c.cases), benchmark: BENCHMARKS.minoritised, sensitive: false },
    { key: "lgbt", label: "Victims who are LGBT+", ...part(c.lgbt, c.cases), benchmark: BENCHMARKS.lgbt, sensitive: true },
    { key: "disabled", label: "Victims who are disabled", ...part(c.disabled, c.cases), benchmark: BENCHMARKS.disabled, sensitive: true },
    { key: "male", label: "Male victims", ...part(c.male, c.cases), benchmark: BENCHMARKS.male, sensitive: false },
    { key: "aged16to17", label: "Victims aged 16 or 17", ...part(c.aged16to17, c.cases), benchmark: BENCHMARKS.aged16to17, sensitive: false },
    { key: "perpetratorsUnder18", label: "Perpetrators aged 17 or under", count: suppressCount(c.perpetratorsUnder18), rate: null, benchmark: BENCHMARKS.perpetratorsUnder18, sensitive: false },
  ];
  return audience === "organiser" ? rows : rows.filter((r) => !r.sensitive);
}

function pct(share: string | null): string | null {
  return share === null ? null : `${share}%`;
}
