import { normaliseName, sameName } from "../names";
import { addCalendarMonths, formatDate, parseIsoDate, wholeMonthsBetween } from "./dates";

/** The victim on the new referral. */
export interface ReferralVictim {
  readonly name: string;
  readonly aliases?: readonly string[] | undefined;
  /** yyyy-mm-dd, if known. */
  readonly dateOfBirth?: string | undefined;
}

/** An earlier MARAC referral to compare with. The caller leaves out the new referral itself. */
export interface EarlierReferral {
  readonly caseId: string;
  readonly caseNumber: string;
  /** yyyy-mm-dd */
  readonly referralDate: string;
  readonly victimName: string;
  readonly victimAliases: readonly string[];
  readonly victimDateOfBirth?: string | undefined;
}

/**
 * "match": the same victim (a name or alias agrees and so does the date of birth).
 * "possible": the name agrees but a date of birth is missing, so a coordinator must confirm or
 * reject it; it never counts towards a repeat until confirmed.
 */
export type MatchKind = "match" | "possible";

export interface EarlierReferralMatch {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly referralDate: string;
  readonly kind: MatchKind;
  /** Plain English, for the coordinator. */
  readonly reason: string;
}

const quote = (s: string) => `“${s.trim()}”`;

const normalisedOrNull = (s: string): string | null => {
  const n = normaliseName(s);
  return n === "" ? null : n;
};

/** An alias on either side that equals (after normaliseName, without variant folding) a name or alias on the other. */
function aliasAgreement(victim: ReferralVictim, earlier: EarlierReferral): string | null {
  const newNames = [victim.name, ...(victim.aliases ?? [])];
  const oldNames = [earlier.victimName, ...earlier.victimAliases];
  for (const [i, newName] of newNames.entries()) {
    const n = normalisedOrNull(newName);
    if (n === null) continue;
    for (const [j, oldName] of oldNames.entries()) {
      if (i === 0 && j === 0) continue; // name against name is the name rule, with variant folding
      if (normalisedOrNull(oldName) !== n) continue;
      const here = i === 0 ? `The name ${quote(newName)} on this referral` : `This referral's alias ${quote(newName)}`;
      const there = j === 0 ? `the name on case ${earlier.caseNumber}` : `an alias on case ${earlier.caseNumber}`;
      return `${here} is ${there}`;
    }
  }
  return null;
}

const sortedWords = (name: string) => normaliseName(name).split(" ").sort().join(" ");

function sameNameReason(newName: string, oldName: string): string {
  if (normaliseName(newName) === normaliseName(oldName)) return "Same name";
  const both = `(${quote(newName)} and ${quote(oldName)})`;
  if (sortedWords(newName) === sortedWords(oldName)) return `Same name, with the words in a different order ${both}`;
  return `Same name, allowing spelling variants ${both}`;
}

/** A blank date of birth is a missing one. */
const dob = (value: string | undefined): string | undefined => (value === undefined || value.trim() === "" ? undefined : value.trim());

function missingDobReason(victim: ReferralVictim, earlier: EarlierReferral): string {
  const newMissing = dob(victim.dateOfBirth) === undefined;
  const oldMissing = dob(earlier.victimDateOfBirth) === undefined;
  if (newMissing && oldMissing) return "neither referral has a date of birth";
  if (newMissing) return "this referral has no date of birth";
  return `case ${earlier.caseNumber} has no date of birth`;
}

/**
 * Earlier referrals of the same victim (issue 5, "Repeat detection"). For each earlier referral
 * dated on or before `referralDate` (later ones are not earlier referrals and are left out):
 *
 * - both dates of birth given and different: no match, whatever the names;
 * - the same name (nameKey: case, spacing, punctuation, accents and common transliteration variants
 *   do not matter, nor word order) and the same date of birth: "match";
 * - an alias on either referral equal to a name or alias on the other (exact after normaliseName:
 *   no variant folding) and the same date of birth: "match";
 * - the same name or such an alias, but one or both dates of birth missing: "possible", for a
 *   coordinator to confirm or reject. Never treated as the same victim until confirmed.
 *
 * Latest referral first; ties by case number.
 */
export function findEarlierReferrals(
  victim: ReferralVictim,
  referralDate: string,
  earlier: readonly EarlierReferral[],
): EarlierReferralMatch[] {
  parseIsoDate(referralDate);
  const matches: EarlierReferralMatch[] = [];
  for (const e of earlier) {
    parseIsoDate(e.referralDate);
    if (e.referralDate > referralDate) continue;
    const newDob = dob(victim.dateOfBirth);
    const oldDob = dob(e.victimDateOfBirth);
    const dobKnownBoth = newDob !== undefined && oldDob !== undefined;
    if (dobKnownBoth && newDob !== oldDob) continue;

    const nameAgrees = sameName(victim.name, e.victimName);
    const alias = nameAgrees ? null : aliasAgreement(victim, e);
    if (!nameAgrees && alias === null) continue;

    const what = nameAgrees ? sameNameReason(victim.name, e.victimName) : (alias ?? "");

    matches.push(
      dobKnownBoth
        ? { caseId: e.caseId, caseNumber: e.caseNumber, referralDate: e.referralDate, kind: "match", reason: `${what}, and the same date of birth.` }
        : {
            caseId: e.caseId,
            caseNumber: e.caseNumber,
            referralDate: e.referralDate,
            kind: "possible",
            reason: `${what}, but ${missingDobReason(victim, e)}: confirm or reject this match.`,
          },
    );
  }
  return matches.sort((a, b) =>
    a.referralDate !== b.referralDate ? (a.referralDate < b.referralDate ? 1 : -1) : a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0,
  );
}

/** A confirmed earlier referral of the same victim ("match", or a "possible" a coordinator confirmed). */
export interface ConfirmedEarlierReferral {
  readonly caseId?: string | undefined;
  readonly caseNumber: string;
  readonly referralDate: string;
}

export interface RepeatResult {
  readonly isRepeat: boolean;
  /** The victim's last MARAC referral before this one, if any. */
  readonly lastReferralDate?: string;
  readonly lastCaseNumber?: string;
  readonly lastCaseId?: string;
  /** Whole calendar months from the last referral to this one. */
  readonly monthsSince?: number;
}

/**
 * Whether a referral is a repeat (domain.md 1.3): it is dated within `windowMonths` calendar months
 * of the victim's LAST MARAC referral (the latest confirmed earlier referral dated on or before
 * it), whatever its Dash score.
 *
 * The window includes its last day: with a 12-month window, a last referral on 15 March 2024 makes
 * a referral on 15 March 2025 a repeat, and one on 16 March 2025 a new referral. Where the
 * anniversary falls in a shorter month, the window ends on that month's last day (dates.ts): from
 * 29 February 2024 it ends on 28 February 2025; with a 1-month window from 31 January, on 28 or 29
 * February. An earlier referral on the same day counts (a repeat, 0 months since): the coordinator
 * sees it and can decline a duplicate. Possible matches must be confirmed before they are passed in.
 *
 * Throws a RangeError for a date not written yyyy-mm-dd or a window that is not a whole number of
 * months of at least 1.
 */
export function repeatStatus(
  newReferralDate: string,
  confirmed: readonly ConfirmedEarlierReferral[],
  windowMonths: number,
): RepeatResult {
  if (!Number.isInteger(windowMonths) || windowMonths < 1) {
    throw new RangeError(`The repeat window must be a whole number of months, at least 1, not ${windowMonths}.`);
  }
  parseIsoDate(newReferralDate);
  let last: ConfirmedEarlierReferral | undefined;
  for (const c of confirmed) {
    parseIsoDate(c.referralDate);
    if (c.referralDate > newReferralDate) continue;
    if (last === undefined || c.referralDate > last.referralDate || (c.referralDate === last.referralDate && c.caseNumber < last.caseNumber)) {
      last = c;
    }
  }
  if (last === undefined) return { isRepeat: false };
  return {
    isRepeat: newReferralDate <= addCalendarMonths(last.referralDate, windowMonths),
    lastReferralDate: last.referralDate,
    lastCaseNumber: last.caseNumber,
    ...(last.caseId === undefined ? {} : { lastCaseId: last.caseId }),
    monthsSince: wholeMonthsBetween(last.referralDate, newReferralDate),
  };
}

/** The last day a referral counts as a repeat of one made on `lastReferralDate`. */
export function repeatWindowEnd(lastReferralDate: string, windowMonths: number): string {
  return addCalendarMonths(lastReferralDate, windowMonths);
}

/** For messages: "15 March 2024 (case M-12)". */
export function describeLastReferral(result: RepeatResult): string | null {
  if (result.lastReferralDate === undefined) return null;
  const c = result.lastCaseNumber === undefined ? "" : ` (case ${result.lastCaseNumber})`;
  return `${formatDate(result.lastReferralDate)}${c}`;
}
