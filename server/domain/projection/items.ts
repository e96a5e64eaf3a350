import type { TaggedText } from "../case/text";
import type { Viewer } from "../policy/access";
import { decideTagAccess, hasFullAccess } from "../policy/access";
import type { Policy } from "../policy/define-policy";
import type { Grant } from "../policy/grants";
import type { CaseSharing } from "../policy/victim-views";
import { type Authorship, seesUnreviewed } from "../review/review";
import type { Tag } from "../tags";
import { combine } from "./explain";
import { redactText, STANDING_NOTICE } from "./redact-text";
import type { ProjectedText } from "./types";

/**
 * Tagged items that live beside the case record (risk-factor flags, later actions and research):
 * the ones this viewer may see, decided by the same rules as `project` (default deny, hard rules,
 * the victim's views on that case, grants). Items the viewer may not see are dropped without a trace, so nothing shows that
 * others exist. Admins see none.
 */
export function visibleItems<T extends { readonly tags: readonly Tag[] }>(
  items: readonly T[],
  viewer: Viewer,
  policy: Policy,
  grants: readonly Grant[],
  theCase: CaseSharing,
  now: Date,
): T[] {
  if (viewer.role === "admin") return [];
  const access = decideTagAccess(viewer, policy, grants, theCase, now);
  return items.filter((item) => combine(access, item.tags).shown);
}

/**
 * Free text attached to such an item (a flag's note, research, minutes, an action): its sentences
 * are redacted for the viewer exactly as the case's own free text is, on top of the item's own
 * tags, and its unreviewed sentences reach only case holders and the author's agency.
 */
export function projectItemText(
  text: TaggedText,
  itemTags: readonly Tag[],
  viewer: Viewer,
  policy: Policy,
  grants: readonly Grant[],
  theCase: CaseSharing,
  now: Date,
  author: Authorship,
): ProjectedText {
  const access = decideTagAccess(viewer, policy, grants, theCase, now);
  return redactText(
    text,
    (spanTags) => combine(access, [...itemTags, ...spanTags]).shown,
    hasFullAccess(viewer.role) ? null : STANDING_NOTICE,
    viewer.role !== "admin" && seesUnreviewed(viewer, author),
  );
}
