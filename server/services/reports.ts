import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { agencies, agendaItems, caseHouseholdMembers, casePerpetrators, cases, caseSealingLegacy, caseVictims, meetings } from "~/db/schema";
import { placeOf } from "~/server/cases/sealing";
import { writeAudit } from "~/server/audit/log";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { countReturn, presentReturn, type Hearing, type ReturnRow } from "~/server/domain/reports/quarterly-return";
import { quarterLabel, quarterRange, type Quarter } from "~/server/domain/reports/quarters";
import { getSettings } from "./settings";
import type { SessionUser } from "./sessions";

export type ReportFormat = "screen" | "csv" | "xlsx" | "pdf";

const textOr = (v: unknown, fallback: string) => (typeof v === "string" ? v : fallback);

/** Reads one sealed group of a victim's document (disability, lgbtPlus): the only sealed values the return needs. */
function openVictimGroup(cipher: FieldCipher, caseId: string, version: number | undefined, sealed: string | null, key: "disability" | "lgbtPlus"): Record<string, unknown> {
  if (typeof sealed !== "string") return {};
  // Bound to the case version as every case value is (decision 039), unless sealed before that.
  return JSON.parse(cipher.open(sealed, placeOf({ table: "case_victims", rowId: caseId, version }, key))) as Record<string, unknown>;
}

/**
 * The two sealed answers the return needs, per case and case version, kept in this process's
 * memory once opened (decision 045): opening costs tens of microseconds a value, which alone
 * would exceed the 1 s budget at 50,000 cases. Never written anywhere; a new case version (any
 * edit) opens them again; a deleted case is never looked up again.
 */
const sensitiveFacts = new Map<string, { version: number; lgbtPlus: string; disabled: string }>();

/**
 * Every hearing in the date range: a case on the agenda of a meeting dated in it, up to today (a
 * meeting not yet held has discussed nothing). Values are decrypted here, counted, and dropped:
 * only aggregates leave this module.
 */
export function loadHearings(db: Db, cipher: FieldCipher, from: string, to: string): Hearing[] {
  const held = and(gte(meetings.date, from), lte(meetings.date, to));
  // Only the few victim values the return needs are taken out of the JSON, in SQL: parsing whole
  // documents full of ciphertext dominated the time at 50,000 cases.
  const rows = db
    .select({
      caseId: agendaItems.caseId,
      version: cases.version,
      legacy: sql<number>`EXISTS (SELECT 1 FROM ${caseSealingLegacy} WHERE ${caseSealingLegacy.caseId} = ${cases.id})`,
      meetingDate: meetings.date,
      referralDate: cases.referralDate,
      isRepeat: cases.isRepeat,
      agencyType: agencies.type,
      victimDob: caseVictims.dateOfBirth,
      gender: sql<string | null>`json_extract(${caseVictims.data}, '$.gender')`,
      ethnicity: sql<string | null>`json_extract(${caseVictims.data}, '$.ethnicity')`,
      lgbtSealed: sql<string | null>`json_extract(${caseVictims.data}, '$.lgbtPlus')`,
      disabilitySealed: sql<string | null>`json_extract(${caseVictims.data}, '$.disability')`,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(cases, eq(cases.id, agendaItems.caseId))
    .innerJoin(caseVictims, eq(caseVictims.caseId, cases.id))
    .leftJoin(agencies, eq(agencies.id, cases.referringAgencyId))
    .where(held)
    .all();
  const heard = db.select({ caseId: agendaItems.caseId }).from(agendaItems).innerJoin(meetings, eq(meetings.id, agendaItems.meetingId)).where(held);
  const perpetratorDobs = new Map<string, (string | undefined)[]>();
  for (const p of db.select({ caseId: casePerpetrators.caseId, dob: casePerpetrators.dateOfBirth }).from(casePerpetrators).where(inArray(casePerpetrators.caseId, heard)).all()) {
    const list = perpetratorDobs.get(p.caseId) ?? [];
    list.push(p.dob ?? undefined);
    perpetratorDobs.set(p.caseId, list);
  }
  const children = new Map(
    db
      .select({ caseId: caseHouseholdMembers.caseId, n: sql<number>`sum(json_extract(${caseHouseholdMembers.data}, '$.isChild') = 1)` })
      .from(caseHouseholdMembers)
      .where(inArray(caseHouseholdMembers.caseId, heard))
      .groupBy(caseHouseholdMembers.caseId)
      .all()
      .map((c) => [c.caseId, Number(c.n)]),
  );
  return rows.map((r) => {
    let f = sensitiveFacts.get(r.caseId);
    if (!f || f.version !== r.version) {
      f = {
        version: r.version,
        lgbtPlus: textOr(openVictimGroup(cipher, r.caseId, r.legacy ? undefined : r.version, r.lgbtSealed, "lgbtPlus").identifiesAsLgbtPlus, "unknown"),
        disabled: textOr(openVictimGroup(cipher, r.caseId, r.legacy ? undefined : r.version, r.disabilitySealed, "disability").disabled, "unknown"),
      };
      sensitiveFacts.set(r.caseId, f);
    }
    return {
      caseId: r.caseId,
      meetingDate: r.meetingDate,
      referralDate: r.referralDate,
      isRepeat: r.isRepeat,
      referringAgencyType: r.agencyType,
      victimGender: textOr(r.gender, "not_known"),
      victimEthnicity: typeof r.ethnicity === "string" ? r.ethnicity : undefined,
      victimDateOfBirth: r.victimDob ?? undefined,
      lgbtPlus: f.lgbtPlus,
      disabled: f.disabled,
      perpetratorDatesOfBirth: perpetratorDobs.get(r.caseId) ?? [],
      children: children.get(r.caseId) ?? 0,
    };
  });
}

export type QuarterlyReturn = {
  areaName: string;
  quarter: Quarter;
  label: string;
  from: string;
  to: string;
  adultFemalePopulation: number | null;
  rows: ReturnRow[];
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The quarterly return for the reader, suppressed; the view or export is logged (the quarter and format, never a figure). */
export function quarterlyReturn(db: Db, cipher: FieldCipher, user: SessionUser, quarter: Quarter, format: ReportFormat, now: Date): QuarterlyReturn {
  const settings = getSettings(db);
  const { from, to: end } = quarterRange(quarter);
  const today = isoDay(now);
  const to = end < today ? end : today;
  const counts = countReturn(from <= to ? loadHearings(db, cipher, from, to) : []);
  const rows = presentReturn(counts, settings.adultFemalePopulation, user.role === "admin" ? "admin" : "organiser");
  writeAudit(db, {
    at: now,
    actorUserId: user.id,
    action: format === "screen" ? "report.viewed" : "report.exported",
    targetType: "report",
    targetId: "quarterly_return",
    details: { quarter: `${quarter.year}-Q${quarter.quarter}`, format },
  });
  return { areaName: settings.name, quarter, label: quarterLabel(quarter), from, to: end, adultFemalePopulation: settings.adultFemalePopulation, rows };
}
