import type { Metadata } from "next";
import { BarChart, type Bar } from "~/components/reports/bar-chart";
import { DashboardTable, type ShownTable } from "~/components/reports/dashboard-table";
import { Button, Select } from "~/components/ui/fields";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { SUPPRESSION_NOTE } from "~/server/exports/reports/table";

export const metadata: Metadata = { title: "Dashboards" };

const describe = (bars: readonly Bar[]) => bars.map((b) => `${b.label}: ${b.value}`).join("; ");
const barsOf = (labels: readonly string[], values: readonly (number | string)[]): Bar[] => labels.map((label, i) => ({ label, value: values[i] ?? "" }));

function Panel({ table, bars, rowHeader, valueHeader, totals = true, note }: { table: ShownTable; bars: Bar[]; rowHeader: string; valueHeader: string; totals?: boolean; note?: string }) {
  return (
    <section className="mb-8">
      <BarChart title={table.title} description={`Bar chart. ${describe(bars)}.`} bars={bars} valueHeader={valueHeader} tableView={<DashboardTable table={table} rowHeader={rowHeader} totals={totals} />} />
      {note ? <p className="text-secondary">{note}</p> : null}
    </section>
  );
}

export default async function DashboardsPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const params = await searchParams;
  const thisYear = new Date().getUTCFullYear();
  const year = /^\d{4}$/.test(params.year ?? "") ? Number(params.year) : thisYear;
  const d = await readOrRefuse(async () => (await getServerApi()).reports.dashboards({ year }));
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i)).map((y) => ({ value: y, label: y }));
  const r = d.referrals;
  return (
    <>
      <h1>{d.scope === "area" ? "Dashboards" : "Your agency's referral figures"}</h1>
      <form method="get" action="/reports/dashboards" className="mb-6 flex flex-wrap items-end gap-4">
        <Select id="year" label="Year" defaultValue={String(year)} options={years} />
        <Button variant="secondary">Show this year</Button>
      </form>
      <p className="mb-6 text-secondary">{SUPPRESSION_NOTE}</p>
      <Panel table={r} rowHeader="Referring agency" valueHeader="Referrals" bars={barsOf(r.colLabels, d.scope === "area" ? r.colTotals : (r.cells[0] ?? r.colLabels.map(() => 0)))} />
      {d.daysToMeeting ? (
        <Panel
          table={d.daysToMeeting}
          rowHeader="Cases"
          valueHeader="Cases heard"
          bars={barsOf(d.daysToMeeting.colLabels, d.daysToMeeting.cells[0] ?? [])}
          note={d.daysToMeeting.median === null ? "No median: fewer than 5 cases heard." : `Median: ${d.daysToMeeting.median} days from referral to meeting.`}
        />
      ) : null}
      {d.research ? <Panel table={d.research} rowHeader="Agency" valueHeader="Returned on time" bars={barsOf(d.research.rowLabels, d.research.cells.map((c) => c[0] ?? ""))} /> : null}
      {d.actions ? <Panel table={d.actions} rowHeader="Agency" valueHeader="Completed" bars={barsOf(d.actions.rowLabels, d.actions.cells.map((c) => c[0] ?? ""))} /> : null}
      {d.overdue ? <Panel table={d.overdue} rowHeader="Actions" valueHeader="Overdue" totals={false} bars={barsOf(d.overdue.colLabels, d.overdue.cells[0] ?? [])} /> : null}
    </>
  );
}
