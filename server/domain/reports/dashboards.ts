import { suppressCount, suppressTable, type Shown, type SuppressedTable } from "./suppress";

/**
 * The dashboards' figures (docs/reports.md, "Dashboards"), each a table of counts suppressed with
 * suppressTable before it leaves the core.
 */
export type Dashboard = SuppressedTable & { title: string; rowLabels: string[]; colLabels: string[] };

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-01" … "2026-12". */
export function monthsOf(year: number): string[] {
  return MONTH_NAMES.map((_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
}
const monthLabel = (m: string) => `${MONTH_NAMES[Number(m.slice(5, 7)) - 1] ?? m} ${m.slice(0, 4)}`;

function table(title: string, rowLabels: string[], colLabels: string[], cells: number[][]): Dashboard {
  return { title, rowLabels, colLabels, ...suppressTable(cells) };
}

function byRow<T>(items: readonly T[], rowOf: (t: T) => string): string[] {
  return [...new Set(items.map(rowOf))].sort((a, b) => a.localeCompare(b));
}

/** Referrals by referral date, one row per referring agency, one column per month of the year. */
export function referralsPerMonth(referrals: readonly { agencyName: string; referralDate: string }[], year: number): Dashboard {
  const months = monthsOf(year);
  const inYear = referrals.filter((r) => r.referralDate.startsWith(`${year}-`));
  const rows = byRow(inYear, (r) => r.agencyName);
  const cells = rows.map((agency) => months.map((m) => inYear.filter((r) => r.agencyName === agency && r.referralDate.startsWith(m)).length));
  return table(`Referrals per month by referring agency, ${year}`, rows, months.map(monthLabel), cells);
}

export const DAY_BANDS = [
  { label: "0 to 7 days", max: 7 },
  { label: "8 to 14 days", max: 14 },
  { label: "15 to 28 days", max: 28 },
  { label: "29 days or more", max: Number.POSITIVE_INFINITY },
] as const;

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Days from referral to the meeting that heard the case, per hearing, in bands; the median is
 * given only when there are at least 5 hearings (a median of fewer is one case's own figure).
 */
export function daysToMeeting(hearings: readonly { referralDate: string; meetingDate: string }[], year: number): Dashboard & { median: number | null } {
  const days = hearings.filter((h) => h.meetingDate.startsWith(`${year}-`)).map((h) => Math.max(0, daysBetween(h.referralDate, h.meetingDate)));
  const counts = DAY_BANDS.map((band, i) => days.filter((d) => d <= band.max && (i === 0 || d > (DAY_BANDS[i - 1]?.max ?? -1))).length);
  const sorted = [...days].sort((a, b) => a - b);
  const median = typeof suppressCount(sorted.length) === "number" && sorted.length > 0 ? (sorted[Math.floor((sorted.length - 1) / 2)] ?? 0) : null;
  return { ...table(`Days from referral to meeting, meetings in ${year}`, ["Cases heard"], DAY_BANDS.map((b) => b.label), [counts]), median };
}

/**
 * Research per invited agency and case on the agenda of meetings in the year: on time when the
 * agency's research was last saved before the day of the meeting; otherwise late or missing.
 */
export function researchOnTime(expected: readonly { agencyName: string; meetingDate: string; savedOn: string | null }[], year: number): Dashboard {
  const inYear = expected.filter((e) => e.meetingDate.startsWith(`${year}-`));
  const rows = byRow(inYear, (e) => e.agencyName);
  const onTime = (e: (typeof inYear)[number]) => e.savedOn !== null && e.savedOn < e.meetingDate;
  const cells = rows.map((a) => {
    const mine = inYear.filter((e) => e.agencyName === a);
    const n = mine.filter(onTime).length;
    return [n, mine.length - n];
  });
  return table(`Research returned on time, per agency, meetings in ${year}`, rows, ["On time", "Late or missing"], cells);
}

/** Actions due in the year, per owning agency: completed (done) or not (open, not done, not possible). */
export function actionsCompleted(actions: readonly { agencyName: string; dueDate: string; status: string }[], year: number): Dashboard {
  const inYear = actions.filter((a) => a.dueDate.startsWith(`${year}-`));
  const rows = byRow(inYear, (a) => a.agencyName);
  const cells = rows.map((agency) => {
    const mine = inYear.filter((a) => a.agencyName === agency);
    const done = mine.filter((a) => a.status === "done").length;
    return [done, mine.length - done];
  });
  return table(`Actions completed, per agency, actions due in ${year}`, rows, ["Completed", "Not completed"], cells);
}

/**
 * Overdue actions at the end of each month: agreed by then, due before then, and still open then.
 * An action's status history is not kept, so a closed action counts as open until its last
 * change (`updatedAt`), when its status was set.
 */
export function overdueOverTime(actions: readonly { dueDate: string; createdAt: Date; updatedAt: Date; status: string }[], year: number, today: string): Dashboard {
  const months = monthsOf(year).filter((m) => `${m}-01` <= today);
  const counts = months.map((m) => {
    const [y, mo] = m.split("-").map(Number) as [number, number];
    const end = new Date(Date.UTC(y, mo, 1));
    const endDay = end.toISOString().slice(0, 10);
    return actions.filter((a) => a.createdAt < end && a.dueDate < endDay && (a.status === "open" || a.updatedAt >= end)).length;
  });
  return table(`Overdue actions at the end of each month, ${year}`, ["Overdue actions"], months.map(monthLabel), [counts]);
}

export type { Shown };
