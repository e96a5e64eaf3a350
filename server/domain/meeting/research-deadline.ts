import { addDays, parseIsoDate } from "../referral/dates";

/**
 * Bank holidays in England and Wales, 2025 to 2028 (gov.uk/bank-holidays), so the default deadline
 * does not fall on one. Years outside the table skip weekends only: extend it each year.
 */
const BANK_HOLIDAYS = new Set([
  "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
  "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
  "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
  "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26",
]);

/** Research is due this many working days before the meeting unless the meeting says otherwise. */
export const RESEARCH_WORKING_DAYS = 2;

/** Monday to Friday, and not an England and Wales bank holiday. */
export function isWorkingDay(date: string): boolean {
  const { year, month, day } = parseIsoDate(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !BANK_HOLIDAYS.has(date);
}

/** The default research deadline for a meeting on `meetingDate`: two working days before it (ISO dates). */
export function researchDeadline(meetingDate: string): string {
  let date = meetingDate;
  for (let left = RESEARCH_WORKING_DAYS; left > 0; ) {
    date = addDays(date, -1);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}

/** Research is late when it arrives after the deadline day (`submittedOn`: the UK date it was submitted). */
export function isResearchLate(submittedOn: string, deadline: string): boolean {
  return submittedOn > deadline;
}

/** A meeting's research deadline: the one the chair set, or two working days before the meeting. */
export function deadlineOf(m: { date: string; researchDeadline: string | null }): string {
  return m.researchDeadline ?? researchDeadline(m.date);
}
