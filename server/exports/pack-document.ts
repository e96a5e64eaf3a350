import { emptyTextWording, STANDING_NOTICE } from "~/server/domain/projection/redact-text";
import type { TPack } from "~/server/schemas/packs";
import { DASH_QUESTIONS } from "~/server/domain/case/dash";
import { formatValue, labelFor } from "~/server/domain/case/labels";
import { ACTION_STATUS_LABELS } from "~/server/domain/meeting/actions";
import { TAG_LABELS, type Tag } from "~/server/domain/tags";
import type { Block, KeyValueBlock, PdfDocument } from "./pdf/types";

type Row = KeyValueBlock["rows"][number];
type PackCase = TPack["cases"][number];
/** Tags of the items this agency was shown, by path: those rows carry "Restricted". */
type ShownTags = ReadonlyMap<string, readonly Tag[]>;

const CRITERIA = { visibleHighRisk: "Visible high risk", potentialEscalation: "Potential escalation", professionalJudgement: "Professional judgement", repeat: "Repeat" } as const;
const VIEW_WORDS = { do_not_share: "She asked for this not to be shared", share: "She agreed to this being shared", not_asked: "Not asked: ask her whether she wants this shared" } as const;

function isWithheld(v: unknown): v is { withheld: true; reason: string } {
  return typeof v === "object" && v !== null && (v as { withheld?: unknown }).withheld === true;
}
function isText(v: unknown): v is { text: string; notice: string | null } {
  return typeof v === "object" && v !== null && "text" in v && "spans" in v;
}
function isGroup(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !isWithheld(v) && !isText(v);
}
const shortDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
/** "20 Nov 2026": narrow table columns. */
const short = (iso: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? shortDate.format(new Date(`${iso}T00:00:00Z`)) : formatValue(iso));
const asGroup = (v: unknown): Record<string, unknown> => (isGroup(v) ? v : {});
const textOf = (t: { text: string; notice: string | null }): string => (t.text.trim() === "" ? emptyTextWording(t.notice) : t.text);

/** The marking the screen shows as a badge: the item is sensitive and this agency may see it. */
const restricted = (tags: readonly Tag[] | undefined): string => (tags && tags.length > 0 ? `\nRestricted: ${tags.map((t) => TAG_LABELS[t]).join(", ")}` : "");

/**
 * One projected group as label/value rows, labelled as on screen. A withheld item shows the core's
 * placeholder; a shown sensitive item says "Restricted" under its label.
 */
function rows(group: unknown, path: string, shown: ShownTags, skip: readonly string[] = []): Row[] {
  if (!isGroup(group)) return [];
  const out: Row[] = [];
  for (const [key, value] of Object.entries(group)) {
    if (skip.includes(key)) continue;
    const p = `${path}.${key}`;
    if (isWithheld(value)) out.push({ label: labelFor(p), value: value.reason });
    else if (isText(value)) out.push({ label: labelFor(p) + restricted(shown.get(p)), value: textOf(value) });
    else if (isGroup(value)) {
      const mark = restricted(shown.get(p));
      for (const r of rows(value, p, shown)) out.push({ label: `${labelFor(p)}: ${r.label}${r.label.includes("\nRestricted") ? "" : mark}`, value: r.value });
    } else out.push({ label: labelFor(p) + restricted(shown.get(p)), value: formatValue(value) });
  }
  return out;
}

const heading = (text: string, level: 2 | 3 = 3): Block => ({ kind: "heading", level, text });
const section = (title: string, r: Row[]): Block[] => (r.length === 0 ? [] : [heading(title), { kind: "keyValue", rows: r }]);

/** The case at a glance, as the agency may see it: the repeat marker and children only as allowed. */
function summary(c: PackCase): Row[] {
  const l = c.line;
  return [
    { label: "Victim", value: `${l.victimName}${l.victimDateOfBirth ? `, born ${formatValue(l.victimDateOfBirth)}` : ""}` },
    { label: "Perpetrator", value: l.perpetrators || "Not recorded" },
    { label: "Referred by", value: l.referringAgencyName },
    { label: "Dash score", value: `${c.dashScore} of 24 "yes"` },
    { label: "Criteria", value: l.criteria.map((k) => CRITERIA[k]).join(", ") || "None recorded" },
    { label: "Repeat referral", value: l.isRepeat ? "Yes" : "No" },
    // Only for agencies allowed the children tag; others get no row, not a placeholder.
    ...(l.hasChildren === null ? [] : [{ label: "Children in household", value: l.hasChildren ? "Yes" : "No" }]),
    { label: "Risk flags", value: l.flags.length > 0 ? l.flags.join("; ") : "None" },
  ];
}

function dashBlocks(c: PackCase, shown: ShownTags): Block[] {
  const dash = asGroup(asGroup(c.view).dash);
  const answers = asGroup(dash.answers);
  const additional = dash.additionalConsiderations;
  return [
    heading(`Dash risk checklist: ${c.dashScore} of 24 "yes"`),
    {
      kind: "table",
      header: ["Question", "Answer", "Comment and source"],
      widths: [4, 1.4, 3],
      rows: DASH_QUESTIONS.map((q, i) => {
        const a = answers[q.id];
        const question = `${i + 1}. ${q.text}`;
        if (isWithheld(a)) return [question, a.reason, ""];
        const g = asGroup(a);
        const comment = isText(g.comment) && g.comment.text.trim() !== "" ? g.comment.text : "";
        const source = g.sourceIfNotVictim ? `Source: ${formatValue(g.sourceIfNotVictim)}` : "";
        return [question + restricted(shown.get(`dash.answers.${q.id}`)), g.answer === undefined ? "Not answered" : formatValue(g.answer), [comment, source].filter(Boolean).join("\n")];
      }),
    },
    ...section("Professional's additional considerations", [
      { label: "Additional considerations", value: isWithheld(additional) ? additional.reason : isText(additional) ? textOf(additional) : formatValue(additional) },
    ]),
  ];
}

function researchBlocks(c: PackCase): Block[] {
  if (c.research.length === 0) return [heading("Research by agency"), { kind: "paragraph", text: "No agency has added research for this case yet." }];
  return [heading("Research by agency"), { kind: "keyValue", rows: c.research.map((r) => ({ label: r.agencyName, value: textOf(r.shared) })) }];
}

function actionBlocks(c: PackCase): Block[] {
  if (c.actions.length === 0) return [heading("Actions"), { kind: "paragraph", text: "No open actions or actions from earlier meetings that your agency may see." }];
  return [
    heading("Actions: open, and from earlier meetings"),
    {
      kind: "table",
      header: ["Action", "Owner", "Agreed", "Due", "Status"],
      widths: [4, 2.4, 1.7, 1.7, 1.5],
      rows: c.actions.map((a) => [
        textOf(a.description) + restricted(a.tags) + (a.statusNote && a.statusNote.text.trim() ? `\nUpdate: ${a.statusNote.text}` : ""),
        `${a.owningAgencyName}, ${a.ownerName}`,
        short(a.agreedAt),
        short(a.dueDate),
        a.overdue ? "Overdue" : ACTION_STATUS_LABELS[a.status],
      ]),
    },
  ];
}

/** Her views as the screen pack shows them: her words, each category's choice, and (for case holders) what it means. */
function viewsBlocks(c: PackCase, shown: ShownTags): Block[] {
  const views = asGroup(asGroup(c.view).victimViews);
  const perTag = views.perTag;
  const r: Row[] = [
    ...rows({ inTheirWords: views.inTheirWords }, "victimViews", shown),
    ...(isWithheld(perTag) ? [{ label: "Her views by category", value: perTag.reason }] : rows(perTag, "victimViews.perTag", shown)),
    ...c.decisions
      .filter((d) => d.kind === "sentences" && d.victimView !== undefined && d.tags[0] !== undefined)
      .map((d) => ({ label: `Her view on ${TAG_LABELS[d.tags[0] as Tag]} information`, value: VIEW_WORDS[d.victimView as keyof typeof VIEW_WORDS] })),
  ];
  return section("The victim's views on sharing", r);
}

/** The blocks for one case, from its projected pack entry only: nothing else reaches the PDF. */
function caseBlocks(c: PackCase, index: number): Block[] {
  const v = asGroup(c.view);
  const shown: ShownTags = new Map(c.decisions.filter((d) => d.kind === "field" && d.outcome === "shown" && d.tags.length > 0).map((d) => [d.path, d.tags]));
  const household = v.householdMembers;
  const perpetrators = Array.isArray(v.perpetrators) ? (v.perpetrators as unknown[]) : [];
  const narrative = v.narrative;
  const notice = isText(narrative) ? narrative.notice : null;
  const blocks: Block[] = [
    { kind: "runningHeader", text: c.caseNumber },
    heading(`${index + 1}. ${c.caseNumber}: ${c.line.victimName}`, 2),
    { kind: "keyValue", rows: summary(c) },
    ...dashBlocks(c, shown),
    ...researchBlocks(c),
    ...actionBlocks(c),
    ...viewsBlocks(c, shown),
    ...section("Referral", rows(v.referring, "referring", shown, ["agencyId"])),
    ...section("Referral criteria", rows(v.criteria, "criteria", shown)),
    ...section("Victim", rows(v.victim, "victim", shown)),
    ...perpetrators.flatMap((p, i) => section(perpetrators.length > 1 ? `Perpetrator ${i + 1}` : "Perpetrator", rows(p, `perpetrators[${i}]`, shown))),
  ];
  if (isWithheld(household)) blocks.push(heading("Children and household"), { kind: "notice", text: household.reason });
  else if (Array.isArray(household)) household.forEach((m, i) => blocks.push(...section(`Household member ${i + 1}${shown.has("householdMembers") ? " (Restricted)" : ""}`, rows(m, `householdMembers[${i}]`, shown))));
  blocks.push(...section("Consent", rows(v.consent, "consent", shown)));
  blocks.push(heading("Narrative"), { kind: "paragraph", text: isText(narrative) && narrative.text.trim() !== "" ? narrative.text : emptyTextWording(isText(narrative) ? narrative.notice : STANDING_NOTICE) });
  if (notice) blocks.push({ kind: "notice", text: notice });
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
      { kind: "notice", title: "Confidential", text: "Shared under the MARAC information-sharing protocol for the safety of the people named. Do not forward. Withheld items say who to ask. Items marked \"Restricted\" are sensitive: take particular care with them." },
      { kind: "keyValue", rows: [{ label: "Meeting", value: `${formatValue(m.date)} at ${m.time}, ${m.online ? `online (${m.venue})` : m.venue}` }, { label: "Chair", value: m.chairName }, { label: "Cases", value: String(pack.cases.length) }] },
      heading("Contents", 2),
      pack.cases.length === 0
        ? { kind: "paragraph", text: "There are no cases on this agenda." }
        : {
            kind: "table",
            header: ["Case", "Victim", "Repeat", "Flags"],
            widths: [2.4, 3, 1, 3],
            rows: pack.cases.map((c, i) => [`${i + 1}. ${c.caseNumber}`, c.line.victimName, c.line.isRepeat ? "Yes" : "No", c.line.flags.join("; ") || "None"]),
          },
      ...pack.cases.flatMap((c, i) => [{ kind: "pageBreak" } as const, ...caseBlocks(c, i)]),
    ],
  };
}
