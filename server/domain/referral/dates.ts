/**
 * Calendar arithmetic on ISO dates (yyyy-mm-dd), done on the numbers in the string: no local time
 * zone, no clock. Used by the repeat window (repeat.ts) and for plain-English dates in messages.
 *
 * End-of-month rule: adding calendar months keeps the day of the month, and where the target month
 * is shorter the result is that month's last day. 31 January + 1 month = 28 February (29 in a leap
 * year); 29 February 2024 + 12 months = 28 February 2025; 31 March + 1 month = 30 April.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

/** A calendar date as numbers: month 1..12, day 1..31. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether `value` is a real calendar date written yyyy-mm-dd (years 0001 to 9999). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses yyyy-mm-dd; throws a RangeError naming the bad value otherwise. */
export function parseIsoDate(value: string): CalendarDate {
  if (!isIsoDate(value)) throw new RangeError(`Not a calendar date in the form yyyy-mm-dd: "${value}".`);
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

export function toIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * `date` plus `months` calendar months (negative goes back), clamped to the last day of a shorter
 * month: addCalendarMonths("2025-01-31", 1) === "2025-02-28".
 */
export function addCalendarMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be a whole number, not ${months}.`);
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  if (newYear < 1 || newYear > 9999) throw new RangeError(`Adding ${months} months to ${date} leaves the years 0001 to 9999.`);
  return toIsoDate({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/** `date` plus `days` days (negative goes back), computed in UTC. */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be a whole number, not ${days}.`);
  const { year, month, day } = parseIsoDate(date);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day + days);
  return toIsoDate({ year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() });
}

/**
 * Whole calendar months from `from` to `to` (`to` on or after `from`): the largest n with
 * addCalendarMonths(from, n) <= to. From 31 January to 28 February is 1 month; to 27 February, 0.
 */
export function wholeMonthsBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (to < from) throw new RangeError(`${to} is before ${from}.`);
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  return addCalendarMonths(from, months) <= to ? months : months - 1;
}

/** A date as GOV.UK writes it: "31 January 2025". */
export function formatDate(date: string): string {
  const { year, month, day } = parseIsoDate(date);
  return `${day} ${MONTH_NAMES[month - 1] ?? ""} ${year}`;
}
