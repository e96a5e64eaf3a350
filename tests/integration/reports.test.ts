import ExcelJS from "exceljs";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaItems, auditLog, maracSettings, meetings } from "~/db/schema";
import { readCase, writeCaseRows } from "~/server/cases/case-store";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { extractPdfText } from "~/server/exports/pdf/extract-text";
import { renderPdf } from "~/server/exports/pdf/render-document";
import { toCsv } from "~/server/exports/reports/csv";
import { reportDocument } from "~/server/exports/reports/pdf";
import { returnTable } from "~/server/exports/reports/table";
import { toXlsx } from "~/server/exports/reports/xlsx";
import { reportArea, type CaseSpec } from "../helpers/report-area";
import { createTestDb } from "../helpers/test-db";

const now = new Date("2026-06-01T10:00:00Z");

describe("the quarterly data return", () => {
  const t = createTestDb();
  let area: Awaited<ReturnType<typeof reportArea>>;
  beforeAll(async () => {
    area = await reportArea(t, now);
    // Q1 2026: 12 cases. Police 6, housing 6; repeats 6; male 2; White 2 (so minoritised 10, complement 2);
    // disabled 7; aged 16–17: 1; one perpetrator aged 17; children: the sample's one child each.
    const specs: CaseSpec[] = Array.from({ length: 12 }, (_, i) => ({
      agency: i < 6 ? "Police" : "Housing",
      repeat: i % 2 === 0,
      change: (r) => {
        r.victim.gender = i < 2 ? "male" : "female";
        r.victim.ethnicity = i < 2 ? "White British" : "Black African";
        r.victim.disability = { disabled: i < 7 ? "yes" : "no", details: r.victim.disability.details };
        if (i === 3) r.victim.dateOfBirth = "2009-01-01";
        const [first] = r.perpetrators;
        if (i === 4 && first) first.dateOfBirth = "2008-12-01";
      },
    }));
    const q1 = await area.addCases(specs);
    await area.meetingWith("2026-02-10", q1);
    // Q2: five cases at a meeting already held, one at a meeting not yet held (after "now").
    const q2 = await area.addCases(Array.from({ length: 6 }, () => ({ agency: "Police" as const })));
    await area.meetingWith("2026-04-15", q2.slice(0, 5));
    await area.meetingWith("2026-06-20", q2.slice(5));
  });
  afterAll(() => t.cleanup());

  const row = (r: { rows: { key: string }[] }, key: string) => r.rows.find((x) => x.key === key);

  it("counts the cases heard in the quarter and suppresses small numbers", async () => {
    const r = await area.api(area.coordinator).reports.quarterlyReturn({ year: 2026, quarter: 1 });
    expect(r.label).toBe("Q1 2026 (January to March)");
    expect(row(r, "cases")).toMatchObject({ count: 12 });
    expect(row(r, "children")).toMatchObject({ count: 12 });
    expect(row(r, "casesPer10k")).toMatchObject({ rate: "3.2" });
    expect(row(r, "repeats")).toMatchObject({ count: 6, rate: "50.0%" });
    expect(row(r, "partnerReferrals")).toMatchObject({ count: 6, rate: "50.0%" });
    expect(row(r, "male")).toMatchObject({ count: "<5", rate: null });
    expect(row(r, "minoritised")).toMatchObject({ count: "[c]", rate: null });
    expect(row(r, "disabled")).toMatchObject({ count: 7, rate: "58.3%" });
    expect(row(r, "lgbt")).toMatchObject({ count: 0, rate: "0.0%" });
    expect(row(r, "aged16to17")).toMatchObject({ count: "<5" });
    expect(row(r, "perpetratorsUnder18")).toMatchObject({ count: "<5" });
  });

  it("sees an edited answer at once: the opened answers are kept per case version", async () => {
    const before = await area.api(area.coordinator).reports.quarterlyReturn({ year: 2026, quarter: 1 });
    expect(row(before, "lgbt")).toMatchObject({ count: 0 });
    const cipher = getAppCipher();
    const ids = t.db.select({ id: agendaItems.caseId }).from(agendaItems).innerJoin(meetings, eq(meetings.id, agendaItems.meetingId)).where(eq(meetings.date, "2026-02-10")).all().map((a) => a.id).slice(0, 5);
    for (const id of ids) {
      const stored = readCase(t.db, cipher, id);
      if (!stored) throw new Error("case missing");
      stored.record.victim.lgbtPlus = { identifiesAsLgbtPlus: "yes", details: stored.record.victim.lgbtPlus.details };
      t.db.transaction((tx) => writeCaseRows(tx, cipher, stored.record, { ...stored.meta, version: stored.meta.version + 1 }));
    }
    const after = await area.api(area.coordinator).reports.quarterlyReturn({ year: 2026, quarter: 1 });
    expect(row(after, "lgbt")).toMatchObject({ count: 5 });
  });

  it("counts only meetings already held", async () => {
    const r = await area.api(area.chair).reports.quarterlyReturn({ year: 2026, quarter: 2 });
    expect(row(r, "cases")).toMatchObject({ count: 5 });
    const later = await area.api(area.chair, new Date("2026-07-01T10:00:00Z")).reports.quarterlyReturn({ year: 2026, quarter: 2 });
    expect(row(later, "cases")).toMatchObject({ count: 6 });
    expect(row(await area.api(area.chair).reports.quarterlyReturn({ year: 2026, quarter: 3 }), "cases")).toMatchObject({ count: 0 });
  });

  it("gives the admin the aggregates without those built from sexuality or health", async () => {
    const r = await area.api(area.admin).reports.quarterlyReturn({ year: 2026, quarter: 1 });
    expect(r.rows.map((x) => x.key)).not.toContain("lgbt");
    expect(r.rows.map((x) => x.key)).not.toContain("disabled");
    expect(row(r, "cases")).toMatchObject({ count: 12 });
  });

  it("refuses agency representatives and IDVAs, and bad quarters", async () => {
    await expect(area.api(area.housingRep).reports.quarterlyReturn({ year: 2026, quarter: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const bad = area.api(area.coordinator).reports.quarterlyReturn({ year: 2026, quarter: 5 as 1 });
    await expect(bad).rejects.toBeInstanceOf(TRPCError);
    await expect(bad).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("logs every view and export with the quarter and format only", async () => {
    await area.api(area.chair).reports.quarterlyReturn({ year: 2026, quarter: 1, format: "pdf" });
    const entries = t.db.select().from(auditLog).where(and(eq(auditLog.actorUserId, area.chair.id), eq(auditLog.action, "report.exported"))).all();
    expect(entries.at(-1)?.details).toEqual({ quarter: "2026-Q1", format: "pdf" });
    const views = t.db.select().from(auditLog).where(eq(auditLog.action, "report.viewed")).all();
    expect(views.length).toBeGreaterThanOrEqual(3);
    for (const v of views) expect(Object.keys(v.details ?? {}).sort()).toEqual(["format", "quarter"]);
  });

  it("exports CSV with suppression, escaping and no formulas", async () => {
    t.db.update(maracSettings).set({ name: '=HYPERLINK("http://x.example","Testshire, "MARAC")' }).where(eq(maracSettings.id, 1)).run();
    const csv = toCsv(returnTable(await area.api(area.coordinator).reports.quarterlyReturn({ year: 2026, quarter: 1, format: "csv" })));
    const [first] = csv.split("\r\n");
    expect(first?.startsWith(`"'=HYPERLINK(""http://x.example"",""Testshire, ""MARAC"")`)).toBe(true);
    expect(csv).toContain("Male victims,<5,,6.4%,None published");
    expect(csv).toContain("Cases per 10,000 adult females (annualised)");
    expect(csv).not.toMatch(/(^|,)=/m);
  });

  it("exports XLSX with the same figures", async () => {
    const table = returnTable(await area.api(area.coordinator).reports.quarterlyReturn({ year: 2026, quarter: 1, format: "xlsx" }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(table, now)) as unknown as ArrayBuffer);
    const values: unknown[] = (wb.worksheets[0]?.getSheetValues() ?? []).flatMap((r: unknown) => (Array.isArray(r) ? (r as unknown[]).slice(1) : []));
    expect(values).toContain("OFFICIAL");
    expect(values).toContain("Male victims");
    expect(values).toContain("<5");
    expect(values).toContain(12);
    expect(values.some((v) => typeof v === "object" && v !== null && "formula" in v)).toBe(false);
  });

  it("exports a PDF marked OFFICIAL with the suppressed figures", async () => {
    const table = returnTable(await area.api(area.coordinator).reports.quarterlyReturn({ year: 2026, quarter: 1, format: "pdf" }));
    const text = (await extractPdfText(await renderPdf(reportDocument(table, { agencyName: "Police", userName: "Coordinator" }, now)))).join("\n");
    expect(text).toContain("OFFICIAL");
    expect(text).not.toContain("OFFICIAL-SENSITIVE");
    expect(text).toContain("<5");
    expect(text).toContain("Male victims");
  });

  it("draws the dashboards for the area, suppressed, and logs the view", async () => {
    const d = await area.api(area.coordinator).reports.dashboards({ year: 2025 });
    expect(d.scope).toBe("area");
    expect(d.referrals.rowLabels).toEqual(["Housing", "Police"]);
    expect(d.referrals.cells.map((r) => r[1])).toEqual([6, 12]);
    expect(d.referrals.grand).toBe(18);
    const y = await area.api(area.coordinator).reports.dashboards({ year: 2026 });
    expect(y.daysToMeeting?.cells).toEqual([[0, 0, 0, 17]]);
    expect(y.daysToMeeting?.median).toBe(372);
    expect(y.research?.rowLabels).toEqual(["Housing"]);
    expect(y.research?.cells).toEqual([[0, 17]]);
    expect(y.actions?.rowLabels).toEqual([]);
    expect(y.overdue?.colLabels).toHaveLength(6);
    const logged = t.db.select().from(auditLog).where(and(eq(auditLog.actorUserId, area.coordinator.id), eq(auditLog.targetId, "dashboards"))).all();
    expect(logged.map((l) => l.details)).toEqual([{ year: 2025, scope: "area" }, { year: 2026, scope: "area" }]);
  });

  it("shows an agency only its own referral figures, and the admin the area's aggregates", async () => {
    const housing = { ...area.housingRep, agencyId: area.housing.id, agencyName: "Housing" };
    const d = await area.api(housing).reports.dashboards({ year: 2025 });
    expect(d).toMatchObject({ scope: "own_agency", daysToMeeting: null, research: null, actions: null, overdue: null });
    expect(d.referrals.rowLabels).toEqual(["Housing"]);
    expect(d.referrals.cells[0]?.[1]).toBe(6);
    const admin = await area.api(area.admin).reports.dashboards({ year: 2025 });
    expect(admin.scope).toBe("area");
  });
});
