import { and, isNotNull, or, sql, type SQL, eq } from "drizzle-orm";
import { cases } from "~/db/schema";
import type { Viewer } from "~/server/domain/policy/access";
import type { CaseSharing } from "~/server/domain/policy/victim-views";
import { DEFAULT_POLICY } from "~/server/domain/policy/default-policy";
import { visibleItems } from "~/server/domain/projection/items";
import type { Tag } from "~/server/domain/tags";
import type { SessionUser } from "~/server/services/sessions";

/** The parts of a signed-in user these rules look at (a pack's recipient agency is one too). */
export type AccessUser = Pick<SessionUser, "role" | "agencyId" | "agencyIsMember">;

/**
 * Which cases a user may open at all (the projection then decides what of each they see).
 * - chair, coordinator, IDVA: every case;
 * - agency representative of a member agency: cases their agency referred, and cases accepted to MARAC;
 * - agency representative of a non-member agency (Immigration Enforcement): only cases it referred,
 *   because it does not attend MARAC (SafeLives);
 * - admin: none (separation of duties).
 */
export function caseVisibilityFilter(user: SessionUser): SQL | undefined {
  switch (user.role) {
    case "chair":
    case "coordinator":
    case "idva":
      return undefined;
    case "agency_rep":
      return user.agencyIsMember ? or(eq(cases.referringAgencyId, user.agencyId), isNotNull(cases.acceptedAt)) : eq(cases.referringAgencyId, user.agencyId);
    case "admin":
      return sql`0`;
  }
}

export function canOpenCase(user: AccessUser, row: { referringAgencyId: string | null; acceptedAt: Date | null }): boolean {
  switch (user.role) {
    case "chair":
    case "coordinator":
    case "idva":
      return true;
    case "agency_rep":
      return row.referringAgencyId === user.agencyId || (user.agencyIsMember && row.acceptedAt !== null);
    case "admin":
      return false;
  }
}

/** Chair, coordinator and IDVA hold the whole case: every case, every repeat link, every flag. */
export function holdsWholeCase(user: Pick<SessionUser, "role">): boolean {
  return user.role === "chair" || user.role === "coordinator" || user.role === "idva";
}

/**
 * Whether the user's agency takes part in MARAC and so may receive what it produces (meetings,
 * agendas, packs, research, minutes, actions, risk-factor flags, repeat links). A non-member agency
 * (Immigration Enforcement) only refers: it sees its own referrals and their status, nothing more.
 * Non-member agencies hold only agency representatives (decision 006); the member check is still
 * made for every role so that no role can carry MARAC outputs to a non-member agency.
 */
export function takesPartInMarac(user: Pick<SessionUser, "role" | "agencyIsMember">): boolean {
  return user.role !== "admin" && user.agencyIsMember;
}

/**
 * Whether this user may see that a case is linked to an earlier referral of the same victim, and
 * anything that link implies (the repeat criterion, the last MARAC case number and date, other
 * spellings, "same date of birth"). Case holders see every link; a member agency only links to
 * earlier cases it could open itself; a non-member agency none: otherwise referring a name would
 * answer "has this person been to MARAC?".
 */
export function canSeeRepeatLink(user: AccessUser, earlier: { referringAgencyId: string | null; acceptedAt: Date | null }): boolean {
  if (!takesPartInMarac(user)) return false;
  return holdsWholeCase(user) || canOpenCase(user, earlier);
}

/** Whether the viewer may see items carrying this tag on this case (for indicators beside the case record). */
export function maySeeTag(viewer: Viewer, tag: Tag, theCase: CaseSharing, now: Date): boolean {
  return visibleItems([{ tags: [tag] }], viewer, DEFAULT_POLICY, [], theCase, now).length > 0;
}

export const andAll = (...parts: (SQL | undefined)[]) => and(...parts.filter((p): p is SQL => p !== undefined));
