import type { TMinutes } from "~/server/api/routers/meetings";
import { formatValue } from "~/server/domain/case/labels";
import { ACTION_STATUS_LABELS } from "~/server/domain/meeting/actions";
import type { Block, PdfDocument } from "./pdf/types";

const ATTENDANCE = { attended: "Attended", apologies: "Apologies", absent: "Did not attend" } as const;
const text = (t: { text: string }) => (t.text.trim() === "" ? "Not recorded" : t.text);

/** A meeting's minutes for one agency as a PDF document description, from the projected minutes only. */
export function minutesDocument(m: TMinutes, generatedAt: Date): PdfDocument {
  const notice = m.cases.flatMap((c) => [c.discussion.notice, c.risks.notice, c.safetyPlan.notice]).find((n) => n) ?? null;
  const blocks: Block[] = [
    { kind: "keyValue", rows: [
      { label: "Meeting", value: `${formatValue(m.meeting.date)} at ${m.meeting.time}, ${m.meeting.online ? `online (${m.meeting.venue})` : m.meeting.venue}` },
      { label: "Chair", value: m.meeting.chairName },
      { label: "Confidentiality statement", value: m.confidentialityAgreed ? `Read and agreed by all present${m.statementConfirmedBy ? ` (confirmed by ${m.statementConfirmedBy})` : ""}` : "Not recorded as agreed" },
    ] },
    { kind: "paragraph", text: m.confidentialityStatement },
    { kind: "heading", level: 2, text: "Attendance" },
    { kind: "table", header: ["Agency", "Attendance", "Names"], rows: m.attendance.map((a) => [a.agencyName, ATTENDANCE[a.status], a.names || "-"]) },
  ];
  m.cases.forEach((c, i) => {
    blocks.push(
      { kind: "heading", level: 2, text: `${i + 1}. ${c.caseNumber}: ${c.victimName}` },
      { kind: "heading", level: 3, text: "Discussion" },
      { kind: "paragraph", text: text(c.discussion) },
      { kind: "heading", level: 3, text: "Summary of risks" },
      { kind: "paragraph", text: text(c.risks) },
      { kind: "heading", level: 3, text: "Safety plan agreed" },
      { kind: "paragraph", text: text(c.safetyPlan) },
      { kind: "heading", level: 3, text: "Actions" },
      c.actions.length === 0
        ? // Only a reader without full access can have actions left out; the chair and coordinator see them all.
          { kind: "paragraph", text: notice ? "None that your agency may see." : "No actions were agreed." }
        : { kind: "table", header: ["Action", "Owner", "Due", "Status"], widths: [4, 2, 1, 1], rows: c.actions.map((a) => [text(a.description), `${a.owningAgencyName}, ${a.ownerName}`, formatValue(a.dueDate), ACTION_STATUS_LABELS[a.status]]) },
    );
  });
  if (notice) blocks.push({ kind: "notice", text: notice });
  return {
    title: `MARAC minutes, ${formatValue(m.meeting.date)}, for ${m.recipient.agencyName}`,
    recipient: { agencyName: m.recipient.agencyName, userName: m.recipient.userName },
    generatedAt,
    marking: "OFFICIAL-SENSITIVE",
    blocks,
  };
}
