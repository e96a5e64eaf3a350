/**
 * The input shape of the PDF layer. Everything here is already-projected display text: this layer
 * never sees cases, the database or redaction, so it cannot leak what the caller did not pass in.
 */

/**
 * The markings MARAC Desk exports carry: OFFICIAL-SENSITIVE for anything about a case; OFFICIAL
 * only for suppressed aggregate reports (docs/reports.md). Literal types so a caller cannot invent one.
 */
export type ProtectiveMarking = "OFFICIAL-SENSITIVE" | "OFFICIAL";

export type PdfRecipient = { agencyName: string; userName: string };

export type HeadingBlock = { kind: "heading"; level: 1 | 2 | 3; text: string };
export type ParagraphBlock = { kind: "paragraph"; text: string };
export type KeyValueBlock = { kind: "keyValue"; rows: readonly { label: string; value: string }[] };
export type TableBlock = {
  kind: "table";
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Relative column widths (e.g. [1, 3, 1]); equal widths when omitted. */
  widths?: readonly number[];
};
/** A shaded box: a withheld-item placeholder or the standing confidentiality notice. */
export type NoticeBlock = { kind: "notice"; title?: string; text: string };
export type PageBreakBlock = { kind: "pageBreak" };

export type Block = HeadingBlock | ParagraphBlock | KeyValueBlock | TableBlock | NoticeBlock | PageBreakBlock;

export type PdfDocument = {
  title: string;
  recipient: PdfRecipient;
  generatedAt: Date;
  marking: ProtectiveMarking;
  blocks: readonly Block[];
};
