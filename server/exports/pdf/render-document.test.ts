import { beforeAll, describe, expect, it } from "vitest";
import { extractPdfInfo, extractPdfText } from "./extract-text";
import { formatUkTime } from "./page-chrome";
import { renderPdf, type Block, type PdfDocument } from "./render-document";

const MARKING = "OFFICIAL-SENSITIVE";
// 14:05 UTC in winter is 14:05 in London; the summer case is checked separately below.
const GENERATED = new Date("2026-11-28T14:05:00Z");
const NAMES = ["Zoë Łukasiewicz", "Ayşe Yılmaz", "Nguyễn Thị Minh", "Siobhán Ó Briain", "Øyvind Šťastný"];

const marker = (kind: string, i: number): string => `MKR-${kind}-${String(i).padStart(3, "0")}`;
const filler = "The agency holds relevant and proportionate information that was shared at the meeting. ";

function bigDocument(): { doc: PdfDocument; markers: string[] } {
  const markers: string[] = [];
  const blocks: Block[] = [{ kind: "heading", level: 1, text: "Case 1 of 2" }];
  for (let i = 0; i < 18; i++) {
    markers.push(marker("P", i));
    blocks.push({ kind: "paragraph", text: `${filler.repeat(3)}${marker("P", i)} ${filler}` });
  }
  blocks.push({ kind: "heading", level: 2, text: "Victim" });
  blocks.push({ kind: "keyValue", rows: NAMES.map((name, i) => ({ label: `Name ${i + 1}`, value: name })) });
  blocks.push({ kind: "notice", title: "Withheld", text: "Not shared with your agency (immigration information). Ask the MARAC IDVA." });
  const rows = Array.from({ length: 60 }, (_, i) => {
    markers.push(marker("T", i));
    return [marker("T", i), "Housing", i % 3 === 0 ? `${filler}${filler}` : "Open"];
  });
  blocks.push({ kind: "heading", level: 3, text: "Actions" });
  blocks.push({ kind: "table", header: ["Action", "Agency", "Notes"], rows, widths: [1, 1, 3] });
  blocks.push({ kind: "pageBreak" });
  blocks.push({ kind: "paragraph", text: `Unbroken: ${"x".repeat(400)} ${marker("P", 99)}` });
  markers.push(marker("P", 99));
  return {
    markers,
    doc: {
      title: "MARAC meeting pack: 3 December 2026",
      recipient: { agencyName: "Housing Options", userName: "Zoë Łukasiewicz" },
      generatedAt: GENERATED,
      marking: MARKING,
      blocks,
    },
  };
}

describe("renderPdf", () => {
  let pages: string[] = [];
  let pdf: Buffer = Buffer.alloc(0);
  const { doc, markers } = bigDocument();

  beforeAll(async () => {
    pdf = await renderPdf(doc);
    pages = await extractPdfText(pdf);
  });

  it("produces a real PDF of several pages", () => {
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });

  it("marks every page at the top and the bottom and nowhere else", () => {
    for (const text of pages) {
      const lines = text.split("\n");
      expect(lines[0]).toBe(MARKING);
      expect(lines.at(-1)).toBe(MARKING);
      expect(text.split(MARKING)).toHaveLength(3);
    }
  });

  it("names the recipient, the UK generation time and the page number on every page", () => {
    pages.forEach((text, i) => {
      expect(text).toContain("Prepared for Housing Options, Zoë Łukasiewicz");
      expect(text).toContain("Generated 28 November 2026 14:05");
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(text).not.toContain(`Page ${i + 2} of`);
    });
  });

  it("contains every marker passed in, each exactly once", () => {
    const all = pages.join("\n");
    for (const m of markers) expect(all.split(m), m).toHaveLength(2);
  });

  it("contains nothing that was not passed in", () => {
    const all = pages.join("\n");
    expect(all).not.toContain("MKR-NEVER-PASSED");
    expect(all).not.toContain(marker("P", 18));
  });

  it("renders and extracts non-ASCII names exactly", () => {
    const all = pages.join("\n");
    for (const name of NAMES) expect(all).toContain(name);
    expect(all).toContain("Not shared with your agency (immigration information). Ask the MARAC IDVA.");
  });

  it("repeats the table header on each page the table spans", () => {
    const withRows = pages.filter((p) => /MKR-T-\d{3}/.test(p));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const text of withRows) expect(text).toContain("Action Agency Notes");
  });

  it("names only MARAC Desk in the metadata", async () => {
    const info = await extractPdfInfo(pdf);
    expect(info.Title).toBe(doc.title);
    for (const key of ["Author", "Creator", "Producer"]) expect(info[key]).toBe("MARAC Desk");
    expect(pdf.toString("latin1")).not.toMatch(/pdfkit/i);
  });

  it("gives the same bytes for the same input", async () => {
    expect((await renderPdf(doc)).equals(pdf)).toBe(true);
  });
});

describe("renderPdf edge cases", () => {
  const base: Omit<PdfDocument, "blocks"> = {
    title: "Minutes", recipient: { agencyName: "Police", userName: "Ayşe" }, generatedAt: GENERATED, marking: MARKING,
  };

  it("marks a one-page document with no blocks", async () => {
    const [page, ...rest] = await extractPdfText(await renderPdf({ ...base, blocks: [] }));
    expect(rest).toHaveLength(0);
    expect(page).toContain("Page 1 of 1");
    expect(page?.split(MARKING)).toHaveLength(3);
  });

  it("keeps a table cell taller than a page as labelled text", async () => {
    const tall = `${filler.repeat(80)}MKR-TALL`;
    const pages = await extractPdfText(await renderPdf({ ...base, blocks: [{ kind: "table", header: ["Summary"], rows: [[tall]] }] }));
    expect(pages.join("\n")).toContain("MKR-TALL");
    expect(pages.join("\n")).toContain("Summary: The agency");
  });

  it("extracts decomposed input as the composed name the screen shows", async () => {
    const decomposed = "Zoe\u0308 Nguye\u0302\u0303n Thi\u0323";
    const pages = await extractPdfText(await renderPdf({ ...base, blocks: [{ kind: "paragraph", text: decomposed }] }));
    expect(pages.join("\n")).toContain("Zoë Nguyễn Thị");
  });

  it("keeps a very long recipient whole on one line rather than cutting it", async () => {
    const recipient = { agencyName: "Northshire Independent Domestic Abuse Advocacy Service (Children and Families)", userName: "Siobhán Ó Briain-Łukasiewicz" };
    const [page] = await extractPdfText(await renderPdf({ ...base, recipient, blocks: [] }));
    expect(page).toContain(`Prepared for ${recipient.agencyName}, ${recipient.userName}`);
  });

  it("breaks a short cell at every forced break PDFKit's line breaker knows, not only newlines", async () => {
    const cells = ["MKR-V1\vMKR-V2", "MKR-F1\fMKR-F2", "MKR-L1\u2028MKR-L2"];
    const [page] = await extractPdfText(await renderPdf({ ...base, blocks: [{ kind: "table", header: ["A", "B", "C"], rows: [cells] }] }));
    const lines = (page ?? "").split("\n");
    for (const [first, second] of [["MKR-V1", "MKR-V2"], ["MKR-F1", "MKR-F2"], ["MKR-L1", "MKR-L2"]] as const) {
      const at = (m: string): number => lines.findIndex((l) => l.includes(m));
      expect(at(first), first).toBeGreaterThanOrEqual(0);
      expect(at(second), second).toBeGreaterThan(at(first));
    }
  });

  it("refuses a table row with more cells than the header", async () => {
    await expect(renderPdf({ ...base, blocks: [{ kind: "table", header: ["A"], rows: [["1", "2"]] }] })).rejects.toThrow(/more cells/);
  });
});

describe("formatUkTime", () => {
  it("uses UK local time across the clock change", () => {
    expect(formatUkTime(new Date("2026-11-28T14:05:00Z"))).toBe("28 November 2026 14:05");
    expect(formatUkTime(new Date("2026-07-01T23:30:00Z"))).toBe("2 July 2026 00:30");
  });
});
