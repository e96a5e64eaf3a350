import { formatValue } from "~/server/domain/case/labels";
import type { Block, PdfDocument, PdfRecipient } from "./pdf/types";

const CRITERIA = { visibleHighRisk: "Visible high risk", potentialEscalation: "Potential escalation", professionalJudgement: "Professional judgement", repeat: "Repeat" } as const;

/** An agenda line exactly as the viewer's projection gave it (repeat, children and flags already decided). */
export type AgendaLine = {
  caseNumber: string;
  victimName: string;
  victimDateOfBirth: string | null;
  perpetrators: string;
  isRepeat: boolean;
  dashScore: number;
  criteria: readonly (keyof typeof CRITERIA)[];
  referringAgencyName: string;
  hasChildren: boolean | null;
  flags: readonly string[];
};
export type AgendaMeeting = { date: string; time: string; venue: string; online: boolean; chairName: string; lines: readonly AgendaLine[] };

/** The facts of one agenda line as label/value pairs, shared by the print view and the PDF. */
export function agendaLineRows(l: AgendaLine): { label: string; value: string }[] {
  return [
    { label: "Victim", value: `${l.victimName}${l.victimDateOfBirth ? `, born ${formatValue(l.victimDateOfBirth)}` : ""}` },
    { label: "Perpetrator", value: l.perpetrators || "Not recorded" },
    { label: "Dash score", value: `${l.dashScore} of 24` },
    { label: "Criteria", value: l.criteria.map((c) => CRITERIA[c]).join(", ") || "None recorded" },
    { label: "Referred by", value: l.referringAgencyName },
    { label: "Repeat referral", value: l.isRepeat ? "Yes" : "No" },
    // Only for agencies allowed the children tag; others get no row, not a placeholder.
    ...(l.hasChildren === null ? [] : [{ label: "Children in household", value: l.hasChildren ? "Yes" : "No" }]),
    ...(l.flags.length > 0 ? [{ label: "Risk flags", value: l.flags.join("; ") }] : []),
  ];
}

export const meetingPlace = (m: { venue: string; online: boolean }): string => (m.online ? `online (${m.venue})` : m.venue);

/** A meeting's agenda as a PDF document description, from the viewer's agenda lines only. */
export function agendaDocument(m: AgendaMeeting, recipient: PdfRecipient, generatedAt: Date): PdfDocument {
  const blocks: Block[] = [
    { kind: "keyValue", rows: [{ label: "Meeting", value: `${formatValue(m.date)} at ${m.time}, ${meetingPlace(m)}` }, { label: "Chair", value: m.chairName }, { label: "Cases", value: String(m.lines.length) }] },
    ...(m.lines.length === 0 ? [{ kind: "paragraph", text: "No cases on the agenda yet." } as const] : []),
    ...m.lines.flatMap((l, i): Block[] => [
      { kind: "heading", level: 2, text: `${i + 1}. ${l.caseNumber}` },
      { kind: "keyValue", rows: agendaLineRows(l) },
    ]),
  ];
  return { title: `MARAC agenda, ${formatValue(m.date)} ${m.time}`, recipient, generatedAt, marking: "OFFICIAL-SENSITIVE", blocks };
}
