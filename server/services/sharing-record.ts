import type { Db } from "~/db/client";
import { readCaseSharing } from "~/server/cases/case-store";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import type { TaggedText } from "~/server/domain/case/text";
import { DEFAULT_POLICY } from "~/server/domain/policy/default-policy";
import { HOLDERS_ONLY } from "~/server/domain/review/review";
import { projectItemText } from "~/server/domain/projection/items";
import { TAG_LABELS, type Tag } from "~/server/domain/tags";
import { listDisclosures, type Surface } from "./disclosures";
import type { SessionUser } from "./sessions";

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

/**
 * What categories of the victim's information each agency has been shown, when and why, for the
 * IDVA to go through with the victim. Looking at this record is itself not a disclosure of case
 * content, so it is not listed here.
 */
export function getSharingRecord(db: Db, cipher: FieldCipher, user: SessionUser, caseId: string, now: Date) {
  const viewer = { userId: user.id, role: user.role, agencyId: user.agencyId, agencyType: user.agencyType };
  const theCase = readCaseSharing(db, cipher, caseId);
  // A purpose is free text: shown through the reader's sentence rules; nothing left reads as no purpose.
  const purposeOf = (d: { purpose: TaggedText | null }) =>
    d.purpose ? projectItemText(d.purpose, [], viewer, DEFAULT_POLICY, [], theCase, now, HOLDERS_ONLY).text.trim() : "";
  const entries: SharingRecordEntry[] = listDisclosures(db, cipher, caseId)
    .filter((d) => d.surface !== "sharing_record")
    .map((d) => ({
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
  const byAgency = new Map<string, { agencyName: string; views: number; first: Date; last: Date; tagsShown: Set<Tag> }>();
  for (const e of entries) {
    const a = byAgency.get(e.agencyName) ?? { agencyName: e.agencyName, views: 0, first: e.at, last: e.at, tagsShown: new Set<Tag>() };
    a.views += 1;
    a.last = e.at;
    e.tagsShown.forEach((t) => a.tagsShown.add(t));
    byAgency.set(e.agencyName, a);
  }
  const summary = [...byAgency.values()].map((a) => ({
    agencyName: a.agencyName,
    views: a.views,
    first: a.first,
    last: a.last,
    tagsShown: [...a.tagsShown],
    plainEnglish:
      a.tagsShown.size === 0
        ? `${a.agencyName} saw the basic case details only (names, dates of birth, the risk assessment and the referral), none of the restricted information.`
        : `${a.agencyName} saw the basic case details and these restricted kinds of information: ${[...a.tagsShown].map((t) => TAG_LABELS[t]).join(", ")}.`,
  }));
  return { summary, entries };
}
