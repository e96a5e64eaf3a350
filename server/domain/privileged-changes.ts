import type { AgencyType } from "./agency-types";
import type { Role } from "./roles";

/**
 * Changes that widen what someone can see take two people (decision 033): an admin proposes and a
 * chair who is not the proposer approves. Narrowing changes (deactivation, a rename) stay direct.
 */
export const PRIVILEGED_CHANGE_KINDS = ["create_user", "change_user_access", "reset_password", "change_agency", "change_policy", "set_identity_provider"] as const;
export type PrivilegedChangeKind = (typeof PRIVILEGED_CHANGE_KINDS)[number];

export const PRIVILEGED_CHANGE_STATUSES = ["pending", "approved", "rejected"] as const;
export type PrivilegedChangeStatus = (typeof PRIVILEGED_CHANGE_STATUSES)[number];

/** A proposal nobody decides within this time lapses and must be proposed again. */
export const PROPOSAL_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export const PRIVILEGED_CHANGE_LABELS: Record<PrivilegedChangeKind, string> = {
  create_user: "Add a user",
  change_user_access: "Change a user's role or agency",
  reset_password: "Reset a password",
  change_agency: "Change an agency's type or MARAC membership",
  change_policy: "Change what an agency is shared (a new sharing policy version)",
  set_identity_provider: "Set an agency's single sign-on",
};

/** Whether a user edit touches access (role or agency) and so needs a chair's approval. */
export function userAccessChanged(before: { role: Role; agencyId: string }, after: { role: Role; agencyId: string }): boolean {
  return before.role !== after.role || before.agencyId !== after.agencyId;
}

/** Whether an agency edit touches its type or membership and so needs a chair's approval. */
export function agencyAccessChanged(
  before: { type: AgencyType; isMaracMember: boolean },
  after: { type: AgencyType; isMaracMember: boolean },
): boolean {
  return before.type !== after.type || before.isMaracMember !== after.isMaracMember;
}

/**
 * The hard rule at the agency level: Immigration Enforcement stays Immigration Enforcement for
 * ever, and no other agency becomes it (its users and history were shared with as another type).
 */
export function agencyTypeChangeAllowed(from: AgencyType, to: AgencyType): boolean {
  return from === to || (from !== "immigration_enforcement" && to !== "immigration_enforcement");
}
