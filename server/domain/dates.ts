/**
 * Dates as people in the UK read them, in one place so every page, PDF and export agrees:
 * "5 March 2026", "5 March 2026 at 2:30pm" (GOV.UK style). Times are UK local time.
 */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const CALENDAR_DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const TIME = new Intl.DateTimeFormat("en-GB", { hour: "numeric", minute: "2-digit", hour12: true, timeZone: "Europe/London" });
const LONDON_PARTS = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

export function isIsoDay(value: string): boolean {
  return ISO_DAY.test(value);
}

/** A calendar day (yyyy-mm-dd, as stored) or an instant (its UK day): "5 March 2026". */
export function formatDate(value: Date | string): string {
  if (typeof value === "string") return isIsoDay(value) ? CALENDAR_DAY.format(new Date(`${value}T00:00:00Z`)) : value;
  return DAY.format(value);
}

/** An instant in UK time, GOV.UK style: "5 March 2026 at 2:30pm", "at 9am", "at midday". */
export function formatDateTime(value: Date): string {
  return `${formatDate(value)} at ${formatTime(value)}`;
}

/** A time of day, GOV.UK style: "9am", "2:30pm", "midday", "midnight". */
export function formatTime(value: Date | string): string {
  let hours: number;
  let minutes: number;
  if (typeof value === "string") {
    const m = /^(\d{1,2}):(\d{2})/.exec(value);
    if (!m) return value;
    hours = Number(m[1]);
    minutes = Number(m[2]);
  } else {
    const parts = TIME.formatToParts(value);
    const get = (t: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === t)?.value ?? "0");
    const pm = parts.find((p) => p.type === "dayPeriod")?.value.toLowerCase().startsWith("p") ?? false;
    hours = (get("hour") % 12) + (pm ? 12 : 0);
    minutes = get("minute");
  }
  if (minutes === 0 && hours === 12) return "midday";
  if (minutes === 0 && hours === 0) return "midnight";
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  const suffix = hours < 12 ? "am" : "pm";
  return minutes === 0 ? `${h12}${suffix}` : `${h12}:${String(minutes).padStart(2, "0")}${suffix}`;
}

/** The UK calendar day of an instant, as stored: "2026-03-05". */
export function londonDay(now: Date): string {
  return LONDON_PARTS.format(now);
}

/** Whole calendar days from one stored day to another (negative if `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  if (!isIsoDay(from) || !isIsoDay(to)) return 0;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
