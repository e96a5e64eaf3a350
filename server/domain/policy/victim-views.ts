import type { CaseRecord } from "../case/schema";
import type { SharingChoice } from "../case/referral";
import { isCaseHolder } from "../review/review";
import type { Role } from "../roles";
import { TAGS, type Tag } from "../tags";

/** The victim's recorded choice about sharing each category (design.md section 6). */
export type SharingViews = Readonly<Record<Tag, SharingChoice>>;

/**
 * The facts of one case that every tag decision needs: which case (grants name one) and what the
 * victim said about sharing. Anything projected for a viewer "beside a case" (flags, actions,
 * research, minutes) takes this, so her views narrow every surface alike (decision 049).
 */
export interface CaseSharing {
  readonly caseId: string;
  readonly views: SharingViews;
}

export function caseSharingOf(record: Pick<CaseRecord, "caseId" | "victimViews">): CaseSharing {
  return { caseId: record.caseId, views: record.victimViews.perTag };
}

/**
 * Whether her views take this tag away from this viewer before grants are considered: she asked
 * for it not to be shared, and the viewer is not a case holder (chair, coordinator, IDVA), who
 * hold her views and work with her. "Not asked" and "share" leave the policy as it is.
 */
export function narrowedByViews(role: Role, views: SharingViews, tag: Tag): boolean {
  return views[tag] === "do_not_share" && !isCaseHolder(role);
}

const STRICTNESS: readonly SharingChoice[] = ["do_not_share", "not_asked", "share"];

/** Her view on an item with several tags: the most cautious of them ("do not share" first). */
export function strictestView(views: SharingViews, tags: readonly Tag[]): SharingChoice {
  const choices = tags.map((tag) => views[tag]);
  return STRICTNESS.find((choice) => choices.includes(choice)) ?? "share";
}

/** Every category "not asked": what a case holds when her views were never recorded. */
export const NOT_ASKED: SharingViews = Object.fromEntries(TAGS.map((tag) => [tag, "not_asked"])) as Record<Tag, SharingChoice>;
