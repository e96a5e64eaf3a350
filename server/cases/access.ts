import { and, isNotNull, or, sql, type SQL, eq } from "drizzle-orm";
import { cases } from "~/db/schema";
import type { SessionUser } from "~/server/services/sessions";

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

export function canOpenCase(user: SessionUser, row: { referringAgencyId: string | null; acceptedAt: Date | null }): boolean {
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

export const andAll = (...parts: (SQL | undefined)[]) => and(...parts.filter((p): p is SQL => p !== undefined));
