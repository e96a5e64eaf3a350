import { eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { caseNameTokens, caseRepeatLinks, cases, caseVictims } from "~/db/schema";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import type { CaseRecord } from "~/server/domain/case/schema";
import { nameKeyTokens, nameTokens } from "~/server/domain/names";
import { evaluateCriteria, type MaracSettings } from "~/server/domain/referral/criteria";
import { findEarlierReferrals, repeatStatus, type EarlierReferral, type EarlierReferralMatch, type RepeatResult } from "~/server/domain/referral/repeat";
import { dashScore } from "~/server/domain/referral/scoring";
import { withSuggestionsEverywhere } from "~/server/domain/suggest";
import { nextCaseNumber } from "./case-numbers";
import { writeCaseRows } from "./case-store";
import type { TReferral } from "./import-schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Earlier referrals that could be the same victim: same date of birth, or a name word in common.
 * The core's matcher then decides "match" or "possible" (server/domain/referral/repeat.ts).
 */
export function earlierReferralCandidates(tx: Tx, victim: { name: string; aliases: readonly string[]; dateOfBirth?: string | undefined }, excludeCaseId?: string): EarlierReferral[] {
  const tokens = [...new Set([victim.name, ...victim.aliases].flatMap((n) => [...nameTokens(n), ...nameKeyTokens(n)]))];
  const conditions = [
    ...(victim.dateOfBirth ? [eq(caseVictims.dateOfBirth, victim.dateOfBirth)] : []),
    ...(tokens.length > 0 ? [sql`${caseVictims.caseId} IN (SELECT ${caseNameTokens.caseId} FROM ${caseNameTokens} WHERE ${caseNameTokens.party} = 'victim' AND ${inArray(caseNameTokens.token, tokens)})`] : []),
  ];
  if (conditions.length === 0) return [];
  return tx
    .select({ caseId: cases.id, caseNumber: cases.caseNumber, referralDate: cases.referralDate, name: caseVictims.name, dob: caseVictims.dateOfBirth, data: caseVictims.data })
    .from(caseVictims)
    .innerJoin(cases, eq(cases.id, caseVictims.caseId))
    .where(or(...conditions))
    .all()
    .filter((r) => r.caseId !== excludeCaseId)
    .map((r) => ({
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      referralDate: r.referralDate,
      victimName: r.name,
      // Aliases are untagged, so they sit in the victim row's document in clear.
      victimAliases: Array.isArray(r.data.aliases) ? r.data.aliases.filter((a): a is string => typeof a === "string") : [],
      victimDateOfBirth: r.dob ?? undefined,
    }));
}

export type IntakeResult = { caseId: string; caseNumber: string; repeat: RepeatResult; matches: EarlierReferralMatch[] };

export type IntakeOptions = {
  referringAgencyId: string | null;
  createdByUserId: string | null;
  now: Date;
  settings: MaracSettings & { caseNumberPrefix: string };
  criteriaFromSource: boolean;
};

/** The year a referral's case number is counted in. */
export const caseNumberYear = (referral: TReferral) => Number(referral.referring.referralDate.slice(0, 4));

/**
 * The stored form of a referral, given its case number and the earlier referrals that could be
 * the same victim: detector suggestions on all free text, the Dash score, repeat detection
 * (certain matches count; possible ones wait for the coordinator), and the criteria evaluated on
 * this MARAC's settings (kept with the case). Touches no database.
 */
export function referralToCase(referral: TReferral, caseId: string, caseNumber: string, candidates: EarlierReferral[], opts: IntakeOptions) {
  const { status, ...rest } = referral;
  const matches = findEarlierReferrals(rest.victim, rest.referring.referralDate, candidates);
  const repeat = repeatStatus(rest.referring.referralDate, matches.filter((m) => m.kind === "match"), opts.settings.repeatWindowMonths);
  const score = dashScore(rest.dash.answers);
  const evaluation = evaluateCriteria(
    {
      score,
      policeIncidentsLast12Months: rest.criteria.policeIncidentsLast12Months,
      professionalJudgement: { ticked: rest.criteria.professionalJudgement, reasons: rest.criteria.reasons.text },
      repeat,
    },
    opts.settings,
  );
  // An import keeps what the source system decided and adds what MARAC Desk found; the form's
  // criteria are computed here.
  const keep = (fromSource: boolean, computed: boolean) => (opts.criteriaFromSource ? fromSource || computed : computed);
  // The referral is already a validated record minus its ids (ZReferral), and what is added here
  // comes from this MARAC's own rows, so it is not parsed again (the import's main cost per case;
  // tests/integration/import-pinned.test.ts checks a second parse would change nothing).
  const record: CaseRecord = withSuggestionsEverywhere({
    ...rest,
    caseId,
    caseNumber,
    referring: { ...rest.referring, agencyId: opts.referringAgencyId ?? undefined },
    criteria: {
      ...rest.criteria,
      visibleHighRisk: keep(rest.criteria.visibleHighRisk, evaluation.visibleHighRisk.met),
      potentialEscalation: keep(rest.criteria.potentialEscalation, evaluation.potentialEscalation.met),
      repeat: keep(rest.criteria.repeat, repeat.isRepeat),
      lastMaracReferralDate: rest.criteria.lastMaracReferralDate ?? repeat.lastReferralDate,
      lastMaracCaseNumber: rest.criteria.lastMaracCaseNumber ?? repeat.lastCaseNumber,
    },
  });
  const meta = {
    status,
    referringAgencyId: opts.referringAgencyId,
    acceptedAt: status === "accepted" || status === "closed" ? opts.now : null,
    version: 1,
    createdAt: opts.now,
    updatedAt: opts.now,
    createdByUserId: opts.createdByUserId,
  };
  const scored = {
    scoredWith: { dashThreshold: opts.settings.dashThreshold, escalationIncidents: opts.settings.escalationIncidents, repeatWindowMonths: opts.settings.repeatWindowMonths },
    isRepeat: record.criteria.repeat,
    hasChildren: record.householdMembers.some((m) => m.isChild),
    closedAt: status === "closed" ? opts.now : null,
  };
  const links = matches.map((m) => ({ caseId, earlierCaseId: m.caseId, kind: m.kind, status: m.kind === "match" ? ("confirmed" as const) : ("pending" as const), reason: m.reason }));
  return { record, meta, scored, links, repeat, matches };
}

/** Turns a validated referral into a stored case, the same way for the form and for imports (see referralToCase). */
export function intakeReferral(tx: Tx, cipher: FieldCipher, referral: TReferral, opts: IntakeOptions): IntakeResult {
  const caseId = crypto.randomUUID();
  const caseNumber = nextCaseNumber(tx, opts.settings.caseNumberPrefix, caseNumberYear(referral));
  const { record, meta, scored, links, repeat, matches } = referralToCase(referral, caseId, caseNumber, earlierReferralCandidates(tx, referral.victim), opts);
  writeCaseRows(tx, cipher, record, meta);
  tx.update(cases).set(scored).where(eq(cases.id, caseId)).run();
  for (const link of links) tx.insert(caseRepeatLinks).values(link).run();
  return { caseId, caseNumber, repeat, matches };
}
