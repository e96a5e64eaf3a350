import { emptyTextWording, STANDING_NOTICE } from "~/server/domain/projection/redact-text";
import type { TPack } from "~/server/api/routers/meetings";
import { DASH_QUESTIONS } from "~/server/domain/case/dash";
import { formatValue, labelFor } from "~/server/domain/case/labels";
import type { Block, KeyValueBlock, PdfDocument } from "./pdf/types";

type Row = KeyValueBlock["rows"][number];

function isWithheld(v: unknown): v is { withheld: true; reason: string } {
  return typeof v === "object" && v !== null && (v as { withheld?: unknown }).withheld === true;
}
function isText(v: unknown): v is { text: string; notice: string | null } {
  return typeof v === "object" && v !== null && "text" in v && "spans" in v;
}
function isGroup(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !isWithheld(v) && !isText(v);
}

/** One projected group as label/value rows: a withheld item shows the core's placeholder text. */
function rows(group: unknown, path: string, skip: readonly string[] = []): Row[] {
  if (!isGroup(group)) return [];
  const out: Row[] = [];
  for (const [key, value] of Object.entries(group)) {
    if (skip.includes(key)) continue;
    const p = `${path}.${key}`;
    if (isWithheld(value)) out.push({ label: labelFor(p), value: value.reason });
    else if (isText(value)) out.push({ label: labelFor(p), value: value.text.trim() === "" ? emptyTextWording(value.notice) : value.text });
    else if (isGroup(value)) for (const r of rows(value, p)) out.push({ label: `${labelFor(p)}: ${r.label}`, value: r.value });
    else out.push({ label: labelFor(p), value: formatValue(value) });
  }
  return out;
}

const section = (title: string, r: Row[]): Block[] => [{ kind: "heading", level: 3, text: title }, { kind: "keyValue", rows: r }];

/** The blocks for one case, from its projection only: nothing else reaches the PDF. */
function caseBlocks(c: TPack["cases"][number], index: number): Block[] {
  const v = c.view as unknown as Record<string, unknown>;
  const dash = (v.dash ?? {}) as Record<string, unknown>;
  const answers = (dash.answers ?? {}) as Record<string, unknown>;
  const household = v.householdMembers;
  const perpetrators = Array.isArray(v.perpetrators) ? (v.perpetrators as unknown[]) : [];
  const narrative = v.narrative;
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: `${index + 1}. ${c.caseNumber}: ${c.line.victimName}` },
    {
      kind: "keyValue",
      rows: [
        { label: "Dash score", value: `${c.dashScore} of 24` },
        { label: "Repeat", value: c.line.isRepeat ? "Yes" : "No" },
        // Only for agencies allowed the children tag; others get no row, not a placeholder.
        ...(c.line.hasChildren === null ? [] : [{ label: "Children in household", value: c.line.hasChildren ? "Yes" : "No" }]),
        { label: "Referred by", value: c.line.referringAgencyName },
      ],
    },
    ...section("Referral", rows(v.referring, "referring", ["agencyId"])),
    ...section("Referral criteria", rows(v.criteria, "criteria")),
    ...section("Victim", rows(v.victim, "victim")),
    ...perpetrators.flatMap((p, i) => section(perpetrators.length > 1 ? `Perpetrator ${i + 1}` : "Perpetrator", rows(p, "perpetrators"))),
  ];
  if (isWithheld(household)) blocks.push({ kind: "heading", level: 3, text: "Children and household" }, { kind: "notice", text: household.reason });
  else if (Array.isArray(household)) household.forEach((m, i) => blocks.push(...section(`Household member ${i + 1}`, rows(m, "householdMembers"))));
  blocks.push({
    kind: "table",
    header: ["Dash question", "Answer"],
    widths: [4, 2],
    rows: DASH_QUESTIONS.map((q, i) => {
      const a = answers[q.id];
      const answer = isWithheld(a) ? a.reason : isGroup(a) && a.answer !== undefined ? formatValue(a.answer) : "Not answered";
      return [`${i + 1}. ${q.text}`, answer];
    }),
  });
  blocks.push(...section("Consent and the victim's views", [...rows(v.consent, "consent"), ...rows(v.victimViews, "victimViews")]));
  blocks.push({ kind: "heading", level: 3, text: "Narrative" }, { kind: "paragraph", text: isText(narrative) && narrative.text.trim() !== "" ? narrative.text : emptyTextWording(isText(narrative) ? narrative.notice : STANDING_NOTICE) });
  if (isText(narrative) && narrative.notice) blocks.push({ kind: "notice", text: narrative.notice });
  return blocks;
}

/** A meeting pack for one agency as a PDF document description, built from the projected pack only. */
export function packDocument(pack: TPack, generatedAt: Date): PdfDocument {
  const m = pack.meeting;
  return {
    title: `MARAC meeting pack, ${formatValue(m.date)} ${m.time}, for ${pack.recipient.agencyName}`,
    recipient: { agencyName: pack.recipient.agencyName, userName: pack.recipient.userName },
    generatedAt,
    marking: "OFFICIAL-SENSITIVE",
    blocks: [
      { kind: "notice", title: "Confidential", text: "Shared under the MARAC information-sharing protocol for the safety of the people named. Do not forward. Withheld items say who to ask." },
      { kind: "keyValue", rows: [{ label: "Meeting", value: `${formatValue(m.date)} at ${m.time}, ${m.online ? `online (${m.venue})` : m.venue}` }, { label: "Chair", value: m.chairName }, { label: "Cases", value: String(pack.cases.length) }] },
      ...pack.cases.flatMap((c, i) => [...(i > 0 ? [{ kind: "pageBreak" } as const] : []), ...caseBlocks(c, i)]),
    ],
  };
}
