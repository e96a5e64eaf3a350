import type { Metadata } from "next";
import { BarChart } from "~/components/reports/bar-chart";
import { Button, Select } from "~/components/ui/fields";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { NATIONAL_PERIOD } from "~/server/domain/reports/benchmarks";
import { quarterOf } from "~/server/domain/reports/quarters";
import { SUPPRESSION_NOTE } from "~/server/exports/reports/table";

export const metadata: Metadata = { title: "Reports" };

/** The figures given as a percentage of cases, charted together. */
const PERCENTAGES = new Set(["repeats", "partnerReferrals", "minoritised", "lgbt", "disabled", "male", "aged16to17"]);
const QUARTERS = [1, 2, 3, 4].map((q) => ({ value: String(q), label: `Q${q}` }));

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ year?: string; quarter?: string }> }) {
  const params = await searchParams;
  const current = quarterOf(new Date().toISOString().slice(0, 10));
  const year = /^\d{4}$/.test(params.year ?? "") ? Number(params.year) : current.year;
  const quarter = (/^[1-4]$/.test(params.quarter ?? "") ? Number(params.quarter) : current.quarter) as 1 | 2 | 3 | 4;
  const r = await readOrRefuse(async () => (await getServerApi()).reports.quarterlyReturn({ year, quarter }));
  const years = Array.from({ length: 6 }, (_, i) => String(current.year - i)).map((y) => ({ value: y, label: y }));
  const query = `year=${year}&quarter=${quarter}`;
  const shares = r.rows.filter((row) => PERCENTAGES.has(row.key));
  return (
    <>
      <h1>Reports</h1>
      <p className="mb-6"><a href="/reports/dashboards" className="font-bold">Dashboards</a>: referrals, days to meeting, research and actions by month and agency.</p>
      <h2>SafeLives quarterly data return</h2>
      <form method="get" action="/reports" className="mb-6 flex flex-wrap items-end gap-4">
        <Select id="year" label="Year" defaultValue={String(year)} options={years} />
        <Select id="quarter" label="Quarter" defaultValue={String(quarter)} options={QUARTERS} />
        <Button variant="secondary">Show this quarter</Button>
      </form>
      <p className="mb-4">{r.areaName}, {r.label}: cases discussed at meetings held from {r.from} to {r.to}.</p>
      <table className="mb-4 w-full border-collapse text-left">
        <caption className="sr-only">Quarterly data return, {r.label}, with national figures</caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className="py-2 pr-4">Figure</th>
            <th scope="col" className="py-2 pr-4">This MARAC</th>
            <th scope="col" className="py-2 pr-4">Percentage or rate</th>
            <th scope="col" className="py-2 pr-4">National ({NATIONAL_PERIOD})</th>
            <th scope="col" className="py-2 pr-4">Expected</th>
          </tr>
        </thead>
        <tbody>
          {r.rows.map((row) => (
            <tr key={row.key} className="border-b border-border">
              <th scope="row" className="py-2 pr-4 font-normal">{row.label}</th>
              <td className="py-2 pr-4">{row.count ?? ""}</td>
              <td className="py-2 pr-4">{row.rate ?? (row.count === null ? "Not available" : "")}</td>
              <td className="py-2 pr-4">{row.benchmark.national}</td>
              <td className="py-2 pr-4">{row.benchmark.expected ?? "None published"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mb-2 text-secondary">{SUPPRESSION_NOTE}</p>
      <p className="mb-6 text-secondary">National figures: SafeLives Marac data, {NATIONAL_PERIOD}. Expected level: SafeLives, &ldquo;Reviewing your Marac data&rdquo;. Definitions: see the reports guide (docs/reports.md).</p>
      <BarChart
        title={`Percentages this quarter, ${r.label}`}
        description={`Bar chart of this MARAC's percentages for ${r.label}. ${shares.map((s) => `${s.label}: ${s.rate ?? s.count ?? "not available"}`).join("; ")}.`}
        bars={shares.map((s) => ({ label: s.label, value: s.rate ? Number(s.rate.replace("%", "")) : String(s.count ?? "not available") }))}
        unit="%"
        valueHeader="Percentage"
      />
      <h3>Download</h3>
      <ul className="mb-6 list-disc pl-6">
        <li><a href={`/reports/return.csv?${query}`}>CSV</a></li>
        <li><a href={`/reports/return.xlsx?${query}`}>Excel (XLSX)</a></li>
        <li><a href={`/reports/return.pdf?${query}`}>PDF, marked OFFICIAL</a></li>
      </ul>
    </>
  );
}
