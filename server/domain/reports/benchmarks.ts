/**
 * National figures shown beside a MARAC's own, copied from ../shared/docs/domain.md §1.9 with the
 * sources it gives. Only figures marked verified there are here; docs/reports.md lists those left
 * out (the 28–40% repeat range and the other "expected levels" were not verified: none is shown).
 */

export const NATIONAL_PERIOD = "12 months to 30 September 2024";
export const NATIONAL_SOURCE = "SafeLives, Marac data (national dataset), 12 months to 30/09/2024";
export const EXPECTED_SOURCE = 'SafeLives, "Reviewing your Marac data"';

export type Benchmark = { national: string; expected?: string };

export const BENCHMARKS = {
  cases: { national: "119,985 cases from 276 Maracs" },
  children: { national: "148,270" },
  casesPer10k: { national: "47", expected: "40 a year" },
  repeats: { national: "31%" },
  partnerReferrals: { national: "36.1%" },
  minoritised: { national: "14.1%" },
  lgbt: { national: "1.6%" },
  disabled: { national: "10.1%" },
  male: { national: "6.4%" },
  aged16to17: { national: "1,568 (1.3%)" },
  perpetratorsUnder18: { national: "1,425" },
} as const satisfies Record<string, Benchmark>;
