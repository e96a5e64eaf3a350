import { EXPECTED_SOURCE, NATIONAL_PERIOD, NATIONAL_SOURCE } from "~/server/domain/reports/benchmarks";
import { PRIMARY_MARK, SECONDARY_MARK } from "~/server/domain/reports/suppress";
import type { z } from "zod";
import type { ZQuarterlyReturn } from "~/server/api/routers/reports";

type QuarterlyReturn = z.infer<typeof ZQuarterlyReturn>;

export type ReportTable = { title: string; header: string[]; rows: (string | number)[][]; notes: string[] };

export const SUPPRESSION_NOTE = `${PRIMARY_MARK}: a count from 1 to 4, not shown. ${SECONDARY_MARK}: not shown, because with the total it would give away a count from 1 to 4. Percentages of hidden counts are not shown.`;

/** The return as one table, the same in every download. */
export function returnTable(r: QuarterlyReturn): ReportTable {
  return {
    title: `${r.areaName}: SafeLives quarterly data return, ${r.label}`,
    header: ["Figure", "This MARAC", "Percentage or rate", `National (${NATIONAL_PERIOD})`, "Expected (SafeLives)"],
    rows: r.rows.map((row) => [row.label, row.count ?? "", row.rate ?? (row.count === null ? "Not available" : ""), row.benchmark.national, row.benchmark.expected ?? "None published"]),
    notes: [
      `Cases are those discussed at meetings held from ${r.from} to ${r.to}, counted once per meeting (see docs/reports.md).`,
      r.adultFemalePopulation === null ? "No adult female population is set in the MARAC's settings, so there is no rate per 10,000." : `Adult female population covered: ${r.adultFemalePopulation.toLocaleString("en-GB")}.`,
      SUPPRESSION_NOTE,
      `National figures: ${NATIONAL_SOURCE}. Expected level: ${EXPECTED_SOURCE}.`,
    ],
  };
}
