import type { FieldCipher } from "~/server/crypto/field-cipher";
import { taggedTextSchema, type TaggedText } from "~/server/domain/case/text";
import { withSuggestions } from "~/server/domain/suggest";
import { TAGS, type Tag } from "~/server/domain/tags";

/**
 * Where each value kept beside the case record is sealed (the authenticated data of its
 * ciphertext): a value copied into another row or column fails to decrypt. Every sealed column
 * outside the case documents is named here, so the at-rest tests and the step that seals older
 * rows use the same places as the services.
 */
/** The chair's texts for one case at a meeting (meeting_case_notes). */
export type NotePart = "discussion" | "risks" | "safetyPlan";
export const NOTE_PARTS: readonly NotePart[] = ["discussion", "risks", "safetyPlan"];

export const PLACES = {
  declineReason: (caseId: string) => `cases:${caseId}:decline_reason`,
  changedPaths: (caseId: string, version: number) => `case_revisions:${caseId}/${version}:changed_paths`,
  removalTag: (id: number) => `case_suggestion_removals:${id}:tag`,
  removalReason: (id: number) => `case_suggestion_removals:${id}:reason`,
  flagFactor: (id: number) => `case_risk_flags:${id}:factor_id`,
  flagNote: (id: number) => `case_risk_flags:${id}:note`,
  flagWithdrawReason: (id: number) => `case_risk_flags:${id}:withdraw_reason`,
  actionDescription: (id: number) => `meeting_actions:${id}:description`,
  actionTags: (id: number) => `meeting_actions:${id}:tags`,
  actionStatusNote: (id: number) => `meeting_actions:${id}:status_note`,
  minutesNote: (meetingId: string, caseId: string, part: NotePart) => `meeting_case_notes:${meetingId}/${caseId}:${part}`,
  // The disclosure log is append-only (no insert-then-update), so its values are bound to the case and viewer.
  disclosureTagsShown: (caseId: string, userId: string) => `disclosures:${caseId}/${userId}:tags_shown`,
  disclosurePurpose: (caseId: string, userId: string) => `disclosures:${caseId}/${userId}:purpose`,
  research: (meetingId: string, caseId: string, agencyId: string, part: "shared" | "withheld") => `case_research:${meetingId}/${caseId}/${agencyId}:${part}`,
  overrideTag: (id: string) => `case_overrides:${id}:tag`,
  overrideReason: (id: string) => `case_overrides:${id}:reason`,
  overrideItemView: (id: string, item: string) => `case_override_items:${id}/${item}:victim_view`,
  overrideRevokeReason: (id: string) => `case_overrides:${id}:revoke_reason`,
  overrideViewNote: (id: string, item: string) => `case_override_items:${id}/${item}:view_note`,
  overrideProportionality: (id: string, item: string) => `case_override_items:${id}/${item}:proportionality`,
  victimTaskNote: (overrideId: string) => `victim_tasks:${overrideId}:note`,
} as const;

/**
 * Free text someone writes for someone else to read: the detector's suggestions are applied at
 * once (fail closed, as for the narrative) and the tagged text is sealed whole.
 */
export function sealFreeText(cipher: FieldCipher, text: string, place: string): string {
  return cipher.seal(JSON.stringify(withSuggestions({ text, spans: [] })), place);
}

export function openFreeText(cipher: FieldCipher, sealed: string, place: string): TaggedText {
  return taggedTextSchema.parse(JSON.parse(cipher.open(sealed, place)));
}

/** A short list of tags (an action's tags, the tags a disclosure showed), sealed as one value. */
export function sealTags(cipher: FieldCipher, tags: readonly Tag[], place: string): string {
  return cipher.seal(JSON.stringify(TAGS.filter((t) => tags.includes(t))), place);
}

export function openTags(cipher: FieldCipher, sealed: string, place: string): Tag[] {
  const parsed = JSON.parse(cipher.open(sealed, place)) as unknown;
  return Array.isArray(parsed) ? TAGS.filter((t) => parsed.includes(t)) : [];
}
