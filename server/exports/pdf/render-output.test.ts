import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { extractPdfText } from "./extract-text";
import { renderPdf, type Block, type PdfDocument } from "./render-document";

/**
 * Pins what a pack-shaped document prints, so speed work on the renderer cannot change a word or a
 * page break unnoticed: the extracted text of every page (file snapshot) and the exact bytes. Both
 * were recorded from the renderer before decision 077. If a deliberate change to the layout moves
 * them, look at the rendered pages (pdftoppm) before updating either.
 */
const NAMES = ["Zoë Łukasiewicz", "Ayşe Yılmaz", "Nguyễn Thị Minh", "Siobhán Ó Briain", "Øyvind Šťastný", "Дмитрий Иванов", "Νίκος Παπαδόπουλος"];
const SENTENCE = "Housing confirmed the tenancy and agreed to fit a door chain and review the locks within seven days. ";

function packShaped(): PdfDocument {
  const blocks: Block[] = [{ kind: "notice", title: "Confidential", text: "Shared under the MARAC information-sharing agreement. Do not forward." }];
  for (let c = 1; c <= 4; c++) {
    const name = NAMES[c % NAMES.length] ?? "";
    if (c > 1) blocks.push({ kind: "pageBreak" });
    blocks.push({ kind: "runningHeader", text: `Case BN-2026-00${c}` });
    blocks.push({ kind: "heading", level: 1, text: `Case ${c} of 4: BN-2026-00${c}` });
    blocks.push({ kind: "heading", level: 2, text: "Victim" });
    blocks.push({ kind: "keyValue", rows: [
      { label: "Name", value: name },
      { label: "Date of birth", value: `1${c} March 1990` },
      { label: "Address", value: `${c} Station Road, Northshire NS${c} 4AB` },
      { label: "Risk", value: c % 2 ? "High (DASH 17)" : "" },
      { label: "Notes", value: SENTENCE.repeat(c) + "\u00e9t\u00e9\tend" },
    ] });
    blocks.push({ kind: "heading", level: 3, text: "Referral summary" });
    blocks.push({ kind: "paragraph", text: `${SENTENCE.repeat(6 * c)}Last line for ${name}.\nA second paragraph line.` });
    blocks.push({ kind: "notice", text: "Withheld: not shared with your agency." });
    blocks.push({ kind: "table", header: ["Action", "Agency", "Due", "Notes"], widths: [3, 2, 1, 3], rows: Array.from({ length: 12 + 4 * c }, (_, i) => [
      `Action ${c}.${i} for ${name}`,
      NAMES[i % NAMES.length] ?? "",
      `${(i % 28) + 1}/12/2026`,
      i % 4 === 0 ? SENTENCE.repeat(1 + (i % 3)) : i % 4 === 1 ? "Open" : "",
    ]) });
  }
  blocks.push({ kind: "table", header: ["Summary"], rows: [[`${SENTENCE.repeat(70)}Tall cell end.`]] });
  return {
    title: "MARAC meeting pack: 10 January 2030 (Housing Options)",
    recipient: { agencyName: "Housing Options", userName: "Siobhán Ó Briain" },
    generatedAt: new Date("2026-11-28T14:05:00Z"),
    marking: "OFFICIAL-SENSITIVE",
    blocks,
  };
}

describe("renderPdf output for a pack-shaped document", () => {
  it("extracts the same text on the same pages", async () => {
    const pages = await extractPdfText(await renderPdf(packShaped()));
    // The tab extracts as a control character; written visibly so the snapshot stays a text file.
    const visible = (t: string): string => [...t].map((c) => (c !== "\n" && c.charCodeAt(0) < 0x20 ? `<U+${c.charCodeAt(0).toString(16).padStart(4, "0")}>` : c)).join("");
    await expect(pages.map((p, i) => `--- page ${i + 1} ---\n${visible(p)}`).join("\n")).toMatchFileSnapshot("__snapshots__/pack-shaped.txt");
  });

  it("gives the same bytes", async () => {
    const pdf = await renderPdf(packShaped());
    expect(createHash("sha256").update(pdf).digest("hex")).toBe("1a2a3edcdac575410d84fccb78e7a96182c939fd18679e087416cd6478f1299b");
  });
});
