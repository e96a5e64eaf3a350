import { eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { caseNameTokens, caseRepeatLinks, cases, caseVictims } from "~/db/schema";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { caseRecordSchema, type CaseRecord } from "~/server/domain/case/schema";
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

/**
 * Turns a validated referral into a stored case, the same way for the form and for imports:
 * a case number, detector suggestions on all free text, the Dash score, repeat detection against
 * earlier referrals (certain matches count; possible ones wait for the coordinator), the criteria
 * evaluated on this MARAC's settings (kept with the case), and the rows written.
 */
export function intakeReferral(
  tx: Tx,
  cipher: FieldCipher,
  referral: TReferral,
  opts: { referringAgencyId: string | null; createdByUserId: string | null; now: Date; settings: MaracSettings & { caseNumberPrefix: string }; criteriaFromSource: boolean },
): IntakeResult {
  const { status, ...rest } = referral;
  const caseId = crypto.randomUUID();
  const caseNumber = nextCaseNumber(tx, opts.settings.caseNumberPrefix, Number(rest.referring.referralDate.slice(0, 4)));
  const matches = findEarlierReferrals(rest.victim, rest.referring.referralDate, earlierReferralCandidates(tx, rest.victim));
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
  const record: CaseRecord = withSuggestionsEverywhere(
    caseRecordSchema.parse({
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
    }),
  );
  writeCaseRows(tx, cipher, record, {
    status: status,
    referringAgencyId: opts.referringAgencyId,
    acceptedAt: status === "accepted" || status === "closed" ? opts.now : null,
    version: 1,
    createdAt: opts.now,
    updatedAt: opts.now,
    createdByUserId: opts.createdByUserId,
  });
  tx.update(cases)
    .set({
      scoredWith: { dashThreshold: opts.settings.dashThreshold, escalationIncidents: opts.settings.escalationIncidents, repeatWindowMonths: opts.settings.repeatWindowMonths },
      isRepeat: record.criteria.repeat,
      hasChildren: record.householdMembers.some((m) => m.isChild),
      closedAt: status === "closed" ? opts.now : null,
    })
    .where(eq(cases.id, caseId))
    .run();
  for (const m of matches) {
    tx.insert(caseRepeatLinks)
      .values({ caseId, earlierCaseId: m.caseId, kind: m.kind, status: m.kind === "match" ? "confirmed" : "pending", reason: m.reason })
      .run();
  }
  return { caseId, caseNumber, repeat, matches };
}
