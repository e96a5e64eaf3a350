import type { AgencyType } from "../agency-types";
import type { Tag } from "../tags";
import { IMMIGRATION_NEVER_TO_IMMIGRATION_ENFORCEMENT, isBlockedByHardRule } from "./hard-rules";

/**
 * An override ("break glass", design.md section 6): one agency may see one tag on one case until
 * `expiresAt`. Created by a chair for a stated purpose and lawful basis; passed to the projection
 * as an argument, so the core never loads or stores grants itself.
 */
export interface Grant {
  readonly grantId?: string;
  readonly caseId: string;
  readonly agencyId: string;
  readonly tag: Tag;
  /** The grant stops working at this instant (exclusive). */
  readonly expiresAt: Date;
  /** Reference of the recorded MARAC decision; required to share immigration with Immigration Enforcement. */
  readonly maracDecisionRef?: string;
  readonly grantedBy?: string;
  readonly purpose?: string;
  readonly lawfulBasis?: string;
}

export type GrantCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: "hard_rule"; readonly message: string };

function hasMaracDecision(grant: Grant): boolean {
  return (grant.maracDecisionRef ?? "").trim() !== "";
}

/**
 * Whether a grant may take effect for an agency of `agencyType`. A grant of `immigration` to an
 * Immigration Enforcement agency is refused unless it carries a MARAC-decision reference
 * (design.md 5.3). Call it before saving a grant; the projection applies it again regardless.
 */
export function checkGrant(grant: Grant, agencyType: AgencyType): GrantCheck {
  if (isBlockedByHardRule(agencyType, grant.tag) && !hasMaracDecision(grant)) {
    const rule = IMMIGRATION_NEVER_TO_IMMIGRATION_ENFORCEMENT;
    return {
      ok: false,
      code: "hard_rule",
      message: `Refused by hard rule ${rule.id} (${rule.title}): an override of ${grant.tag} to Immigration Enforcement needs a recorded MARAC decision reference.`,
    };
  }
  return { ok: true };
}

/** A grant is active for a viewer when it is for this case and agency and has not expired. */
export function isGrantActive(grant: Grant, caseId: string, agencyId: string, now: Date): boolean {
  // An invalid date compares false, so a malformed expiry means "expired": fail closed.
  return grant.caseId === caseId && grant.agencyId === agencyId && grant.expiresAt.getTime() > now.getTime();
}
