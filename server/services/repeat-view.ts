import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "~/db/client";
import { preparedQuery } from "~/db/prepared";
import { caseRepeatLinks, cases, maracSettings } from "~/db/schema";
import { canSeeRepeatLink, holdsWholeCase, takesPartInMarac, type AccessUser } from "~/server/cases/access";
import { repeatStatus } from "~/server/domain/referral/repeat";

type Read = Pick<Db, "select">;
const earlier = alias(cases, "earlier");

/** The repeat criterion and what it rests on, as stored with the case or as one viewer may see it. */
export type RepeatFacts = { repeat: boolean; lastMaracReferralDate?: string; lastMaracCaseNumber?: string };

// Read for every case page and pack case: built once per connection.
const linksOf = preparedQuery((db) =>
  db
    .select({
      id: caseRepeatLinks.id,
      kind: caseRepeatLinks.kind,
      status: caseRepeatLinks.status,
      reason: caseRepeatLinks.reason,
      earlierCaseId: earlier.id,
      caseNumber: earlier.caseNumber,
      referralDate: earlier.referralDate,
      referringAgencyId: earlier.referringAgencyId,
      acceptedAt: earlier.acceptedAt,
    })
    .from(caseRepeatLinks)
    .innerJoin(earlier, eq(earlier.id, caseRepeatLinks.earlierCaseId))
    .where(eq(caseRepeatLinks.caseId, sql.placeholder("caseId")))
    .prepare(),
);
const caseDates = preparedQuery((db) => db.select({ referralDate: cases.referralDate, scoredWith: cases.scoredWith }).from(cases).where(eq(cases.id, sql.placeholder("caseId"))).prepare());

/**
 * Earlier referrals linked to a case that this user may see, newest first: every link for case
 * holders, only links to earlier cases it could open itself for a member agency, none for a
 * non-member agency (decision 031).
 */
export function repeatLinksFor(db: Read, user: AccessUser, caseId: string) {
  return linksOf(db)
    .all({ caseId })
    .filter((l) => canSeeRepeatLink(user, l))
    .map(({ referringAgencyId: _a, acceptedAt: _t, ...l }) => l)
    .sort((a, b) => b.referralDate.localeCompare(a.referralDate));
}

/**
 * The repeat facts of a case as this user may see them, or null when the user holds the whole case
 * and sees them as stored. For anyone else they are worked out again from the confirmed links the
 * user may see, on the window the case was scored with, so a case whose history the user may not
 * see looks exactly like a first referral: repeat false and no last case, never a "withheld" marker,
 * because a marker would itself answer "has this person been to MARAC?".
 */
export function repeatFactsFor(db: Read, user: AccessUser, caseId: string): RepeatFacts | null {
  if (holdsWholeCase(user) && takesPartInMarac(user)) return null;
  if (!takesPartInMarac(user)) return { repeat: false };
  const row = caseDates(db).get({ caseId });
  if (!row) return { repeat: false };
  const windowMonths = row.scoredWith?.repeatWindowMonths ?? db.select({ m: maracSettings.repeatWindowMonths }).from(maracSettings).get()?.m ?? 12;
  const confirmed = repeatLinksFor(db, user, caseId)
    .filter((l) => l.status === "confirmed")
    .map((l) => ({ caseId: l.earlierCaseId, caseNumber: l.caseNumber, referralDate: l.referralDate }));
  const r = repeatStatus(row.referralDate, confirmed, windowMonths);
  return {
    repeat: r.isRepeat,
    ...(r.lastReferralDate === undefined ? {} : { lastMaracReferralDate: r.lastReferralDate }),
    ...(r.lastCaseNumber === undefined ? {} : { lastMaracCaseNumber: r.lastCaseNumber }),
  };
}

/** Criteria with the stored repeat facts replaced by the viewer's (keys absent, not undefined, when there are none). */
export function withRepeatFacts<C extends Partial<RepeatFacts>>(criteria: C, facts: RepeatFacts | null): C {
  if (facts === null) return criteria;
  const { repeat: _r, lastMaracReferralDate: _d, lastMaracCaseNumber: _n, ...rest } = criteria;
  return { ...rest, ...facts } as C;
}
