import ExcelJS from "exceljs";
import type { ReportTable } from "./table";

/** An XLSX workbook of one sheet. Texts are written as text cells, never formulas. */
export async function toXlsx(t: ReportTable, generatedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "MARAC Desk";
  wb.created = generatedAt;
  wb.modified = generatedAt;
  const sheet = wb.addWorksheet("Report");
  sheet.addRow([t.title]).font = { bold: true };
  sheet.addRow(["OFFICIAL"]);
  sheet.addRow([]);
  sheet.addRow(t.header).font = { bold: true };
  for (const row of t.rows) sheet.addRow(row);
  sheet.addRow([]);
  for (const n of t.notes) sheet.addRow([n]);
  sheet.columns.forEach((c, i) => (c.width = i === 0 ? 55 : 24));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
