import type { Db } from "~/db/client";
import { readCaseSharing } from "~/server/cases/case-store";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import type { TaggedText } from "~/server/domain/case/text";
import { readSharingRules } from "~/server/cases/sharing-rules";
import { projectItemText } from "~/server/domain/projection/items";
import { HOLDERS_ONLY } from "~/server/domain/review/review";
import { ROLE_LABELS, type Role } from "~/server/domain/roles";
import { TAG_LABELS, TAGS, type Tag } from "~/server/domain/tags";
import { listDisclosures, type Surface } from "./disclosures";
import { listOverrides, whatWent } from "./overrides";
import type { SessionUser } from "./sessions";
import { formatDate } from "~/server/domain/dates";

const SURFACE_WHY: Record<Surface, string> = {
  case_page: "to read the case in MARAC Desk (research, safety planning or the meeting)",
  case_api: "to read the case through MARAC Desk's data service",
  sharing_record: "to read this sharing record",
  import: "when the case was imported",
  meeting_pack: "in its pack for a MARAC meeting (research and the meeting)",
  meeting_pack_pdf: "in its pack for a MARAC meeting, downloaded as a PDF",
  minutes: "in the minutes of a MARAC meeting",
  minutes_pdf: "in the minutes of a MARAC meeting, downloaded as a PDF",
};

export type SharingRecordEntry = {
  /** The agency, or for the chair and coordinator their MARAC function ("MARAC chair (Northshire Police)"). */
  who: string;
  agencyName: string;
  agencyType: string;
  userName: string;
  role: string;
  at: Date;
  tagsShown: Tag[];
  tagsWithheld: Tag[];
  why: string;
  policyVersion: number;
  consultation: boolean;
};

/** One kind of information one agency (or MARAC function) was shown: how often, over what time, and why. */
export type SharingCategory = {
  /** null: the basic case details every member agency sees (names, dates of birth, risk assessment, referral). */
  tag: Tag | null;
  times: number;
  first: Date;
  last: Date;
  purposes: string[];
  plainEnglish: string;
};

export type SharingGroup = { who: string; times: number; first: Date; last: Date; categories: SharingCategory[]; plainEnglish: string };

const BASIC = "the basic case details (names, dates of birth, the risk assessment and the referral)";

/** "once", "twice", "3 times": read aloud, numbers should sound natural. */
function timesInWords(n: number): string {
  return n === 1 ? "once" : n === 2 ? "twice" : `${n} times`;
}

function span(first: Date, last: Date): string {
  const [a, b] = [formatDate(first), formatDate(last)];
  return a === b ? `on ${a}` : `between ${a} and ${b}`;
}

/** "a, b and c" */
function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function categoryOf(who: string, tag: Tag | null, entries: readonly SharingRecordEntry[]): SharingCategory {
  const first = entries[0]?.at ?? new Date(0);
  const last = entries.at(-1)?.at ?? first;
  const purposes = [...new Set(entries.map((e) => e.why))];
  const what = tag === null ? BASIC : `${TAG_LABELS[tag]} information`;
  return {
    tag,
    times: entries.length,
    first,
    last,
    purposes,
    plainEnglish: `${who} saw ${what} ${timesInWords(entries.length)}, ${span(first, last)}: ${list(purposes)}.`,
  };
}

/** Groups looks by who looked, then by kind of information, oldest first. */
function grouped(entries: readonly SharingRecordEntry[]): SharingGroup[] {
  const byWho = new Map<string, SharingRecordEntry[]>();
  for (const e of entries) byWho.set(e.who, [...(byWho.get(e.who) ?? []), e]);
  return [...byWho.entries()].map(([who, looks]) => {
    const first = looks[0]?.at ?? new Date(0);
    const last = looks.at(-1)?.at ?? first;
    const categories = [
      categoryOf(who, null, looks),
      ...TAGS.map((tag) => [tag, looks.filter((e) => e.tagsShown.includes(tag))] as const)
        .filter(([, withTag]) => withTag.length > 0)
        .map(([tag, withTag]) => categoryOf(who, tag, withTag)),
    ];
    const restricted = categories.flatMap((c) => (c.tag ? [TAG_LABELS[c.tag]] : []));
    const plainEnglish =
      restricted.length === 0
        ? `${who} saw the basic case details only, ${timesInWords(looks.length)} ${span(first, last)}, and none of the restricted information.`
        : `${who} saw the basic case details, ${timesInWords(looks.length)} ${span(first, last)}, and these restricted kinds of information: ${list(restricted)}.`;
    return { who, times: looks.length, first, last, categories, plainEnglish };
  });
}

/**
 * What categories of the victim's information each agency has been shown, when and why, for the
 * IDVA to go through with the victim. The MARAC chair and coordinator are listed by their MARAC
 * function, apart from the agencies: the agency employing them never saw what they saw. Looking
 * at this record is itself not a disclosure of case content, so it is not listed here.
 */
export function getSharingRecord(db: Db, cipher: FieldCipher, user: SessionUser, caseId: string, now: Date) {
  const viewer = { userId: user.id, role: user.role, agencyId: user.agencyId, agencyType: user.agencyType };
  const rules = readSharingRules(db, cipher, now);
  const theCase = readCaseSharing(db, cipher, caseId);
  // A purpose is free text: shown through the reader's sentence rules; nothing left reads as no purpose.
  const purposeOf = (d: { purpose: TaggedText | null }) =>
    d.purpose ? projectItemText(d.purpose, [], viewer, rules.policy, rules.grants, theCase, now, HOLDERS_ONLY).text.trim() : "";
  const entries: SharingRecordEntry[] = listDisclosures(db, cipher, caseId)
    .filter((d) => d.surface !== "sharing_record")
    .map((d) => ({
      who: d.consultation ? `${ROLE_LABELS[d.role as Role]} (${d.agencyName})` : d.agencyName,
      agencyName: d.agencyName,
      agencyType: d.agencyType,
      userName: d.userName,
      role: d.role,
      at: d.at,
      tagsShown: d.tagsShown,
      tagsWithheld: d.tagsWithheld as Tag[],
      why: purposeOf(d) || (SURFACE_WHY[d.surface as Surface] ?? "to read the case"),
      policyVersion: d.policyVersion,
      consultation: d.consultation,
    }));
  return {
    agencies: grouped(entries.filter((e) => !e.consultation)),
    maracItself: grouped(entries.filter((e) => e.consultation)),
    entries,
    // Decisions to share beyond the policy: those that took effect, whether still in effect, ended or revoked.
    overrides: listOverrides(db, cipher, user, now, { caseId })
      .filter((o) => o.approvedAt !== null)
      .map((o) => ({ id: o.id, agencyName: o.agencyName, tag: o.tag, state: o.state, plainEnglish: whatWent(o), why: o.reason })),
  };
}
