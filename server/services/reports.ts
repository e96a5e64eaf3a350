import { sql } from "drizzle-orm";
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

/** One hearing as read: the perpetrators' dates of birth joined by spaces, "" where one is not recorded, null when there is no perpetrator. */
type HearingRow = {
  caseId: string;
  meetingDate: string;
  version: number;
  referralDate: string;
  isRepeat: number;
  agencyId: string | null;
  victimDob: string | null;
  gender: unknown;
  ethnicity: unknown;
  perpetratorDobs: string | null;
  children: number;
};

type SensitiveFacts = { version: number; lgbtPlus: string; disabled: string };

/**
 * The two sealed answers the return needs, per case and case version, kept in this process's
 * memory once opened (decision 045): opening costs tens of microseconds a value, which alone
 * would exceed the 1 s budget at 50,000 cases. Never written anywhere; a new case version (any
 * edit) opens them again; deleting a case (retention) drops its entry.
 */
const sensitiveFacts = new Map<string, SensitiveFacts>();

/** Drops a deleted case's opened answers from memory, so nothing of it outlives its deletion here either. */
export function forgetReportFacts(caseId: string): void {
  sensitiveFacts.delete(caseId);
}

/** Cases whose sealed answers are read per query: well under SQLite's limit on bound values. */
const OPEN_CHUNK = 500;

/** Opens the sealed answers of the cases not yet in memory at their current version. */
function openMissingFacts(db: Db, cipher: FieldCipher, missing: readonly { caseId: string; version: number }[]): void {
  for (let i = 0; i < missing.length; i += OPEN_CHUNK) {
    const chunk = missing.slice(i, i + OPEN_CHUNK);
    const sealed = new Map(
      db
        .all<{ caseId: string; legacy: number; lgbtSealed: string | null; disabilitySealed: string | null }>(
          sql`SELECT v.case_id AS caseId, EXISTS (SELECT 1 FROM ${caseSealingLegacy} l WHERE l.case_id = v.case_id) AS legacy,
            json_extract(v.data, '$.lgbtPlus') AS lgbtSealed, json_extract(v.data, '$.disability') AS disabilitySealed
          FROM ${caseVictims} v WHERE v.case_id IN ${chunk.map((c) => c.caseId)}`,
        )
        .map((r) => [r.caseId, r]),
    );
    for (const { caseId, version } of chunk) {
      const r = sealed.get(caseId);
      const bound = r?.legacy ? undefined : version;
      sensitiveFacts.set(caseId, {
        version,
        lgbtPlus: textOr(openVictimGroup(cipher, caseId, bound, r?.lgbtSealed ?? null, "lgbtPlus").identifiesAsLgbtPlus, "unknown"),
        disabled: textOr(openVictimGroup(cipher, caseId, bound, r?.disabilitySealed ?? null, "disability").disabled, "unknown"),
      });
    }
  }
}

/**
 * Every hearing in the date range: a case on the agenda of a meeting dated in it, up to today (a
 * meeting not yet held has discussed nothing). Values are decrypted here, counted, and dropped:
 * only aggregates leave this module.
 *
 * One query, answered from covering indexes (decision 075): the case, victim, perpetrator and
 * household rows, with their large sealed documents, are never read for a case whose sealed
 * answers are already in memory. A read transaction keeps the versions read here and the sealed
 * values opened after them from the same snapshot.
 */
export function loadHearings(db: Db, cipher: FieldCipher, from: string, to: string): Hearing[] {
  return db.transaction(() => {
    const agencyTypes = new Map(db.select({ id: agencies.id, type: agencies.type }).from(agencies).all().map((a) => [a.id, a.type]));
    // Without statistics SQLite would pick each table's primary key and read the row; INDEXED BY
    // names the covering indexes (and fails loudly should one go missing). The expressions are
    // those of the indexes, character for character.
    const rows = db.all<HearingRow>(sql`
      SELECT a.case_id AS caseId, m.date AS meetingDate, c.version AS version, c.referral_date AS referralDate,
        c.is_repeat AS isRepeat, c.referring_agency_id AS agencyId, v.date_of_birth AS victimDob,
        json_extract(v.data, '$.gender') AS gender, json_extract(v.data, '$.ethnicity') AS ethnicity,
        (SELECT group_concat(coalesce(p.date_of_birth, ''), ' ') FROM ${casePerpetrators} p INDEXED BY case_perpetrators_case_idx WHERE p.case_id = a.case_id) AS perpetratorDobs,
        (SELECT count(*) FROM ${caseHouseholdMembers} h INDEXED BY case_household_children_idx WHERE h.case_id = a.case_id AND json_extract(h.data, '$.isChild') = 1) AS children
      FROM ${agendaItems} a
        JOIN ${meetings} m ON m.id = a.meeting_id
        JOIN ${cases} c INDEXED BY cases_report_idx ON c.id = a.case_id
        JOIN ${caseVictims} v INDEXED BY case_victims_report_idx ON v.case_id = a.case_id
      WHERE m.date >= ${from} AND m.date <= ${to}`);
    openMissingFacts(
      db,
      cipher,
      rows.filter((r) => sensitiveFacts.get(r.caseId)?.version !== r.version),
    );
    return rows.map((r) => {
      const f = sensitiveFacts.get(r.caseId);
      if (!f) throw new Error("The sealed answers of a case heard in the quarter were not opened.");
      return {
        caseId: r.caseId,
        meetingDate: r.meetingDate,
        referralDate: r.referralDate,
        isRepeat: r.isRepeat === 1,
        referringAgencyType: r.agencyId === null ? null : (agencyTypes.get(r.agencyId) ?? null),
        victimGender: textOr(r.gender, "not_known"),
        victimEthnicity: typeof r.ethnicity === "string" ? r.ethnicity : undefined,
        victimDateOfBirth: r.victimDob ?? undefined,
        lgbtPlus: f.lgbtPlus,
        disabled: f.disabled,
        perpetratorDatesOfBirth: r.perpetratorDobs === null ? [] : r.perpetratorDobs.split(" ").map((d) => d || undefined),
        children: r.children,
      };
    });
    // Reads only: a snapshot without the write lock the app's transactions otherwise take (db/client.ts).
  }, { behavior: "deferred" });
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
