import { and, asc, count, desc, eq, gte, inArray, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client";
import { preparedQuery } from "~/db/prepared";
import { caseNameTokens, casePerpetrators, caseRepeatLinks, cases, caseVictims } from "~/db/schema";
import { andAll, canOpenCase, caseVisibilityFilter } from "~/server/cases/access";
import { readCase } from "~/server/cases/case-store";
import type { CaseListCursor } from "~/server/cases/case-list-cursor";
import type { CaseStatus } from "~/server/cases/import-schema";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { nameTokens } from "~/server/domain/names";
import { readSharingRules } from "~/server/cases/sharing-rules";
import { isCaseHolder } from "~/server/domain/review/review";
import { disclosedTags } from "~/server/domain/projection/disclosed";
import { project } from "~/server/domain/projection/project";
import { AppError } from "~/server/errors";
import { logDisclosure, type Surface } from "./disclosures";
import { repeatFactsFor, withRepeatFacts } from "./repeat-view";
import type { SessionUser } from "./sessions";

export const CASES_PAGE_SIZE = 25;

/** "12/03/1990" or "1990-03-12" -> "1990-03-12"; anything else -> null. */
function asIsoDate(q: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(q);
  if (iso) return q;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(q);
  return uk ? `${uk[3]}-${uk[2]?.padStart(2, "0")}-${uk[1]?.padStart(2, "0")}` : null;
}

/** Search on untagged facts only: case number, victim or perpetrator name (or alias), date of birth. */
function searchFilter(q: string): SQL | undefined {
  const query = q.trim();
  if (query === "") return undefined;
  const date = asIsoDate(query);
  if (date) {
    // Two indexed look-ups (victims' and perpetrators' dates of birth), not a scan of every case.
    return or(
      sql`${cases.id} IN (SELECT ${caseVictims.caseId} FROM ${caseVictims} WHERE ${caseVictims.dateOfBirth} = ${date})`,
      sql`${cases.id} IN (SELECT ${casePerpetrators.caseId} FROM ${casePerpetrators} WHERE ${casePerpetrators.dateOfBirth} = ${date})`,
    );
  }
  const upper = query.toUpperCase();
  // A case number, or its start ("NS-2026-00"), is an index range; bare digits match anywhere in the number.
  const byNumber = /^[A-Z]+-\d/.test(upper)
    ? and(gte(cases.caseNumber, upper), lt(cases.caseNumber, `${upper}\uffff`))
    : /^\d+$/.test(upper)
      ? sql`${cases.caseNumber} LIKE ${`%${upper}%`}`
      : undefined;
  const tokens = nameTokens(query);
  if (tokens.length === 0) return byNumber ?? sql`0`;
  // Every word typed must begin some word of the victim's or a perpetrator's names (an index range scan each).
  const byName = and(
    ...tokens.map(
      (t) =>
        sql`${cases.id} IN (SELECT ${caseNameTokens.caseId} FROM ${caseNameTokens} WHERE ${and(gte(caseNameTokens.token, t), lt(caseNameTokens.token, `${t}\uffff`))})`,
    ),
  );
  return byNumber ? or(byNumber, byName) : byName;
}

const keyOf = (r: { referralDate: string; caseNumber: string }): CaseListCursor => ({ referralDate: r.referralDate, caseNumber: r.caseNumber });

/**
 * One page of the case list, newest referral first, by keyset: `after` the last row of the page
 * before, or `before` the first row of the page after. A link keeps showing the same cases when
 * new referrals arrive, and a deep page costs what the first does (no OFFSET scan).
 */
export function listCases(db: Db, user: SessionUser, input: { q?: string; status?: CaseStatus; after?: CaseListCursor; before?: CaseListCursor }) {
  const where = andAll(caseVisibilityFilter(user), input.status ? eq(cases.status, input.status) : undefined, searchFilter(input.q ?? ""));
  const key = sql`(${cases.referralDate}, ${cases.caseNumber})`;
  const at = (c: CaseListCursor) => sql`(${c.referralDate}, ${c.caseNumber})`;
  const total = db.select({ n: count() }).from(cases).where(where).get()?.n ?? 0;
  const backwards = input.before !== undefined && input.after === undefined;
  const bound = input.after ? sql`${key} < ${at(input.after)}` : input.before ? sql`${key} > ${at(input.before)}` : undefined;
  const found = db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      status: cases.status,
      referralDate: cases.referralDate,
      referringAgencyName: cases.referringAgencyName,
      dashScore: cases.dashScore,
      victimName: caseVictims.name,
      victimDateOfBirth: caseVictims.dateOfBirth,
      perpetratorNames: sql<string | null>`(SELECT group_concat(${casePerpetrators.name}, '; ') FROM ${casePerpetrators} WHERE ${casePerpetrators.caseId} = ${cases.id})`,
    })
    .from(cases)
    .innerJoin(caseVictims, eq(caseVictims.caseId, cases.id))
    .where(andAll(where, bound))
    .orderBy(...(backwards ? [asc(cases.referralDate), asc(cases.caseNumber)] : [desc(cases.referralDate), desc(cases.caseNumber)]))
    .limit(CASES_PAGE_SIZE)
    .all();
  const rows = backwards ? found.reverse() : found;
  const first = rows[0];
  const last = rows.at(-1);
  const linked = isCaseHolder(user.role) ? linkedReferrals(db, rows.map((r) => r.id)) : new Map<string, LinkedReferral[]>();
  // Where this page starts: the matching cases that sort before its first row (an index range count).
  const before = first ? (db.select({ n: count() }).from(cases).where(andAll(where, sql`${key} > ${at(keyOf(first))}`)).get()?.n ?? 0) : 0;
  return {
    rows: rows.map((r) => ({ ...r, perpetratorNames: r.perpetratorNames ?? "", linked: linked.get(r.id) ?? [] })),
    total,
    start: before + 1,
    pageSize: CASES_PAGE_SIZE,
    previous: first && before > 0 ? keyOf(first) : null,
    next: last && before + rows.length < total ? keyOf(last) : null,
  };
}

type LinkedReferral = { caseId: string; caseNumber: string; victimName: string; referralDate: string; confirmed: boolean };

/**
 * Each listed case's other referrals of the same victim, earlier or later, confirmed or still a
 * possible match (rejected ones are not). Only case holders are given these (decision 031): a
 * search then shows "Parveen Akhter" beside the earlier "Parveen Akhtar" referral.
 */
function linkedReferrals(db: Db, caseIds: string[]): Map<string, LinkedReferral[]> {
  const out = new Map<string, LinkedReferral[]>();
  if (caseIds.length === 0) return out;
  const links = db
    .select({ caseId: caseRepeatLinks.caseId, earlierCaseId: caseRepeatLinks.earlierCaseId, status: caseRepeatLinks.status })
    .from(caseRepeatLinks)
    .where(and(ne(caseRepeatLinks.status, "rejected"), or(inArray(caseRepeatLinks.caseId, caseIds), inArray(caseRepeatLinks.earlierCaseId, caseIds))))
    .all();
  const otherIds = [...new Set(links.flatMap((l) => [l.caseId, l.earlierCaseId]))];
  if (otherIds.length === 0) return out;
  const about = new Map(
    db
      .select({ id: cases.id, caseNumber: cases.caseNumber, referralDate: cases.referralDate, victimName: caseVictims.name })
      .from(cases)
      .innerJoin(caseVictims, eq(caseVictims.caseId, cases.id))
      .where(inArray(cases.id, otherIds))
      .all()
      .map((c) => [c.id, c]),
  );
  const listed = new Set(caseIds);
  for (const l of links) {
    for (const [self, other] of [[l.caseId, l.earlierCaseId], [l.earlierCaseId, l.caseId]] as const) {
      const o = about.get(other);
      if (!listed.has(self) || !o) continue;
      const list = out.get(self) ?? [];
      if (!list.some((x) => x.caseId === other)) list.push({ caseId: other, caseNumber: o.caseNumber, victimName: o.victimName, referralDate: o.referralDate, confirmed: l.status === "confirmed" });
      out.set(self, list);
    }
  }
  return out;
}

// Every case read asks it first: built once per connection.
const caseAccessFacts = preparedQuery((db) => db.select({ referringAgencyId: cases.referringAgencyId, acceptedAt: cases.acceptedAt }).from(cases).where(eq(cases.id, sql.placeholder("caseId"))).prepare());

/** Passes if this user may open the case; otherwise NOT_FOUND, so its existence is not revealed. */
export function assertCanOpenCase(db: Db, user: SessionUser, caseId: string) {
  const row = caseAccessFacts(db).get({ caseId });
  if (!row || !canOpenCase(user, row)) throw new AppError("NOT_FOUND", "There is no case with that reference that you can see.");
}

/**
 * The case as this viewer may see it, through the one projection, and the disclosure logged in the
 * same transaction: a view that is not logged is not returned.
 */
export function viewCase(db: Db, cipher: FieldCipher, user: SessionUser, caseId: string, surface: Surface, now: Date, purpose?: string) {
  assertCanOpenCase(db, user, caseId);
  // Immediate: the PDF and import workers write through connections of their own (decisions 064,
  // 076), and a deferred transaction that reads and then writes fails with SQLITE_BUSY in WAL mode
  // if one of them committed in between.
  return db.transaction((tx) => {
    const loaded = readCase(tx, cipher, caseId);
    if (!loaded) throw new AppError("NOT_FOUND", "There is no case with that reference that you can see.");
    const rules = readSharingRules(tx, cipher, now);
    const viewer = { userId: user.id, role: user.role, agencyId: user.agencyId, agencyType: user.agencyType };
    // The repeat criterion and last MARAC case are shown only as far as this user may see the links behind them.
    const record = { ...loaded.record, criteria: withRepeatFacts(loaded.record.criteria, repeatFactsFor(tx, user, caseId)) };
    const projection = project(record, viewer, rules.policy, rules.grants, now);
    const tags = disclosedTags(record, projection);
    logDisclosure(tx, cipher, { at: now, caseId, user, surface, tagsShown: tags.shown, tagsWithheld: tags.withheld, policyVersion: projection.policyVersion, purpose });
    return {
      caseId,
      caseNumber: loaded.meta.caseNumber,
      status: loaded.meta.status,
      dashScore: loaded.meta.dashScore,
      version: loaded.meta.version,
      updatedAt: loaded.meta.updatedAt,
      view: projection.view,
      decisions: projection.decisions,
      policyVersion: projection.policyVersion,
    };
  }, { behavior: "immediate" });
}
