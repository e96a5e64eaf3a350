import type { AgencyType } from "../agency-types";
import type { Role } from "../roles";
import { TAGS, type Tag } from "../tags";
import { allowedTags, type Policy } from "./define-policy";
import { checkGrant, type Grant, isGrantActive } from "./grants";
import { isBlockedByHardRule } from "./hard-rules";
import { type CaseSharing, narrowedByViews } from "./victim-views";

/** Who is looking. Every user belongs to exactly one agency (design.md section 1). */
export interface Viewer {
  readonly userId: string;
  readonly role: Role;
  readonly agencyId: string;
  readonly agencyType: AgencyType;
}

/** Why an item was shown or withheld; stable codes for the disclosure log, with plain text beside. */
export const REASON_CODES = [
  "shared_with_agency",
  "full_access_role",
  "override_until",
  "not_shared_with_agency",
  "hard_rule",
  "admin_no_case_content",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** The verdict for one tag, for one viewer, on one case, at one instant. */
export type TagAccess =
  | { readonly tag: Tag; readonly shown: true; readonly reason: "shared_with_agency" | "full_access_role" }
  | { readonly tag: Tag; readonly shown: true; readonly reason: "override_until"; readonly until: Date }
  | { readonly tag: Tag; readonly shown: false; readonly reason: "not_shared_with_agency" | "hard_rule" | "admin_no_case_content" };

/** Chairs and coordinators see everything; each view of a restricted item is still reported. */
export function hasFullAccess(role: Role): boolean {
  return role === "chair" || role === "coordinator";
}

/** The latest expiry among grants for this tag that are active and not refused by a hard rule. */
function latestGrant(tag: Tag, viewer: Viewer, grants: readonly Grant[], caseId: string, now: Date): Date | undefined {
  let latest: Date | undefined;
  for (const grant of grants) {
    if (grant.tag !== tag || !isGrantActive(grant, caseId, viewer.agencyId, now)) continue;
    if (!checkGrant(grant, viewer.agencyType).ok) continue;
    if (latest === undefined || grant.expiresAt.getTime() > latest.getTime()) latest = grant.expiresAt;
  }
  return latest;
}

/**
 * Decides each tag for a viewer, in this order (first match wins):
 * 1. admins see no case content;
 * 2. hard rule 5.3: immigration to Immigration Enforcement only through an active grant carrying a
 *    MARAC-decision reference (whatever the role);
 * 3. chair and coordinator: full access;
 * 4. the agency's policy row (or its type default) allows the tag, unless the victim asked for it
 *    not to be shared and the viewer is not a case holder (her views narrow the policy);
 * 5. an active grant for this case, agency and tag (a recorded override opens even what she
 *    asked to keep back: her views narrow the policy before grants widen it);
 * 6. otherwise withheld (default deny). Withheld because of her views reads exactly like any
 *    other "not shared with your agency": the placeholder does not reveal what she said.
 */
export function decideTagAccess(
  viewer: Viewer,
  policy: Policy,
  grants: readonly Grant[],
  theCase: CaseSharing,
  now: Date,
): Readonly<Record<Tag, TagAccess>> {
  const { caseId, views } = theCase;
  const allowed = viewer.role === "admin" || hasFullAccess(viewer.role) ? new Set<Tag>() : allowedTags(policy, viewer.agencyId, viewer.agencyType);
  const decide = (tag: Tag): TagAccess => {
    if (viewer.role === "admin") return { tag, shown: false, reason: "admin_no_case_content" };
    const until = latestGrant(tag, viewer, grants, caseId, now);
    if (isBlockedByHardRule(viewer.agencyType, tag)) {
      return until ? { tag, shown: true, reason: "override_until", until } : { tag, shown: false, reason: "hard_rule" };
    }
    if (hasFullAccess(viewer.role)) return { tag, shown: true, reason: "full_access_role" };
    if (allowed.has(tag) && !narrowedByViews(viewer.role, views, tag)) return { tag, shown: true, reason: "shared_with_agency" };
    if (until) return { tag, shown: true, reason: "override_until", until };
    return { tag, shown: false, reason: "not_shared_with_agency" };
  };
  return Object.fromEntries(TAGS.map((tag) => [tag, decide(tag)])) as Record<Tag, TagAccess>;
}
