import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { getServerApi } from "~/server/api/server-caller";
import { getCurrentUser } from "~/server/auth";
import { toCsv } from "~/server/exports/reports/csv";
import { reportDocument } from "~/server/exports/reports/pdf";
import { returnTable, type ReportTable } from "~/server/exports/reports/table";
import { toXlsx } from "~/server/exports/reports/xlsx";
import { busyResponse } from "~/server/exports/pdf/pdf-pool";
import { pdfRenderer } from "~/server/exports/pdf/render-in-worker";
import { StaleSecondFactor } from "~/server/services/two-factor";
import { WorkersBusy } from "~/server/workers/pool";

export type ExportFormat = "csv" | "xlsx" | "pdf";

const TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

async function render(format: ExportFormat, table: ReportTable, reader: { agencyName: string; userName: string }, now: Date): Promise<Uint8Array> {
  if (format === "csv") return new TextEncoder().encode(toCsv(table));
  if (format === "xlsx") return new Uint8Array(await toXlsx(table, now));
  return pdfRenderer().pdf(reportDocument(table, reader, now));
}

/**
 * A download of a report in one format; the procedure checks the reader's role and logs the export.
 * Without a recent authenticator code the reader confirms it is them, then comes back to `page`.
 */
export async function reportDownload(format: ExportFormat, name: string, read: (api: Awaited<ReturnType<typeof getServerApi>>) => Promise<ReportTable>, page = "/reports"): Promise<Response> {
  try {
    const api = await getServerApi();
    const table = await read(api);
    const user = await getCurrentUser();
    const now = new Date();
    const body = await render(format, table, { agencyName: user?.agencyName ?? "", userName: user?.name ?? "" }, now);
    return new Response(body as BodyInit, { headers: { "Content-Type": TYPES[format], "Content-Disposition": `attachment; filename="${name}.${format}"`, "Cache-Control": "no-store" } });
  } catch (e) {
    if (e instanceof WorkersBusy) return busyResponse();
    if (e instanceof StaleSecondFactor) redirect(`/account/confirm?next=${encodeURIComponent(page)}`);
    if (e instanceof TRPCError) return new Response(e.message, { status: e.code === "UNAUTHORIZED" ? 401 : e.code === "FORBIDDEN" ? 403 : e.code === "BAD_REQUEST" ? 400 : 404 });
    throw e;
  }
}

/** The quarter asked for in ?year=2026&quarter=1. */
export function quarterParams(req: Request): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const q = new URL(req.url).searchParams;
  return { year: Number(q.get("year")), quarter: Number(q.get("quarter")) as 1 | 2 | 3 | 4 };
}

export function returnExport(format: ExportFormat) {
  return (req: Request) => {
    const quarter = quarterParams(req);
    return reportDownload(format, `marac-data-return-${quarter.year}-q${quarter.quarter}`, async (api) => returnTable(await api.reports.quarterlyReturn({ ...quarter, format })), `/reports?year=${quarter.year}&quarter=${quarter.quarter}`);
  };
}
