import fc from "fast-check";
import { daysInMonth, toIsoDate } from "./dates";

/** Test-only arbitraries for the referral core. */

/** A real calendar date between 1900 and 2100, yyyy-mm-dd. */
export const arbIsoDate: fc.Arbitrary<string> = fc
  .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => toIsoDate({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

/** A plain name: one to three words of lower-case ASCII letters. */
export const arbPlainName: fc.Arbitrary<string[]> = fc.array(
  fc.stringMatching(/^[a-z]{2,9}$/),
  { minLength: 1, maxLength: 3 },
);
