import type { AgencyType } from "../agency-types";
import { londonDay } from "../dates";
import { addCalendarMonths, addDays } from "../referral/dates";
import type { Role } from "../roles";
import type { Tag } from "../tags";
import type { Grant } from "./grants";

/**
 * Overrides (design.md section 6; issue 11 section 2): a recorded MARAC decision to share one
 * category of one case with one named agency until an end date. The rules here are pure; the
 * service stores overrides and turns those in effect into `Grant`s for the projection.
 */

export const DEFAULT_OVERRIDE_DAYS = 90;
export const MAX_OVERRIDE_MONTHS = 12;
/** Days the IDVA has to tell the victim once an override takes effect. */
export const TELL_VICTIM_DAYS = 7;

/** The end date a new override's form offers: 90 days from today. */
export function defaultEndDate(today: string): string {
  return addDays(today, DEFAULT_OVERRIDE_DAYS);
}

/** The last end date allowed: 12 months from today. */
export function latestEndDate(today: string): string {
  return addCalendarMonths(today, MAX_OVERRIDE_MONTHS);
}

/** Why an end date is refused, or null. The override works through its end date and stops after it. */
export function endDateProblem(endDate: string, today: string): string | null {
  if (endDate < today) return "The end date must be today or later";
  if (endDate > latestEndDate(today)) return `The end date must be within ${MAX_OVERRIDE_MONTHS} months (${latestEndDate(today)} at the latest)`;
  return null;
}

/**
 * The instant an override stops: midnight in the UK at the start of the day after its end date
 * (00:00 GMT in winter, 23:00 UTC the evening before in British Summer Time).
 */
export function endsAt(endDate: string): Date {
  const next = addDays(endDate, 1);
  const utcMidnight = new Date(`${next}T00:00:00.000Z`);
  const anHourBefore = new Date(utcMidnight.getTime() - 3_600_000);
  return londonDay(anHourBefore) === next ? anHourBefore : utcMidnight;
}

/**
 * Who must approve, besides the person who records it (who never approves their own):
 * - sharing with Immigration Enforcement: a chair and an IDVA, both (hard rule 5.3);
 * - immigration information with any other agency: a chair;
 * - anything else: a second case holder (chair, coordinator or IDVA).
 */
export type ApprovalNeed = "second_holder" | "chair" | "chair_and_idva";

export function approvalNeed(tag: Tag, agencyType: AgencyType): ApprovalNeed {
  if (agencyType === "immigration_enforcement") return "chair_and_idva";
  return tag === "immigration" ? "chair" : "second_holder";
}

export const APPROVAL_NEED_TEXT: Record<ApprovalNeed, string> = {
  second_holder: "a second case holder (chair, coordinator or IDVA) who did not record it",
  chair: "a MARAC chair who did not record it (it shares immigration information)",
  chair_and_idva: "both a MARAC chair and an IDVA, neither of whom recorded it (it shares with Immigration Enforcement)",
};

export type Approval = { readonly userId: string; readonly role: Role };

const HOLDER_ROLES: readonly Role[] = ["chair", "coordinator", "idva"];

/** The roles still needed, given the approvals so far. Empty: the override may take effect. */
export function rolesStillNeeded(need: ApprovalNeed, approvals: readonly Approval[]): Role[][] {
  const has = (role: Role) => approvals.some((a) => a.role === role);
  switch (need) {
    case "second_holder":
      return approvals.some((a) => HOLDER_ROLES.includes(a.role)) ? [] : [[...HOLDER_ROLES]];
    case "chair":
      return has("chair") ? [] : [["chair"]];
    case "chair_and_idva":
      return [...(has("chair") ? [] : [["chair" as Role]]), ...(has("idva") ? [] : [["idva" as Role]])];
  }
}

/** Why this person may not approve, or null. */
export function approvalProblem(need: ApprovalNeed, recordedBy: string, approvals: readonly Approval[], approver: Approval): string | null {
  if (approver.userId === recordedBy) return "A second person must approve: you recorded this override.";
  if (approvals.some((a) => a.userId === approver.userId)) return "You have already approved this override.";
  const needed = rolesStillNeeded(need, approvals);
  if (needed.length === 0) return "This override has already been approved.";
  if (!needed.some((roles) => roles.includes(approver.role))) {
    return `This override needs ${APPROVAL_NEED_TEXT[need]}; your approval as ${approver.role === "coordinator" ? "a coordinator" : `an ${approver.role}`} is not one of those still needed.`;
  }
  return null;
}

export type OverrideState = "pending" | "in_effect" | "ended" | "revoked";

export type OverrideLife = { readonly approvedAt: Date | null; readonly revokedAt: Date | null; readonly endDate: string };

/** Where an override is in its life at `now`. It ends on its date without anyone acting. */
export function overrideState(o: OverrideLife, now: Date): OverrideState {
  if (o.revokedAt) return "revoked";
  if (endsAt(o.endDate).getTime() <= now.getTime()) return "ended";
  return o.approvedAt ? "in_effect" : "pending";
}

/** The grant an approved, unrevoked override gives the projection (which checks expiry itself). */
export function grantOf(o: { id: string; caseId: string; agencyId: string; tag: Tag; endDate: string; decisionRef: string; recordedBy: string }): Grant {
  return { grantId: o.id, caseId: o.caseId, agencyId: o.agencyId, tag: o.tag, expiresAt: endsAt(o.endDate), maracDecisionRef: o.decisionRef, grantedBy: o.recordedBy };
}

/**
 * What may go to Immigration Enforcement, in the tiers of the GMP and NPCC response to "Safe to
 * share?": basic information by default; additional information only with the victim's views
 * obtained first (or why that was impracticable) and a note on why it is proportionate.
 */
export const IE_ITEMS = {
  date_of_birth: { tier: "basic", label: "Date of birth" },
  current_address: { tier: "basic", label: "Current address" },
  crime_type: { tier: "basic", label: "Type of crime reported" },
  allegation_details: { tier: "additional", label: "Details of the allegation" },
  protective_measures: { tier: "additional", label: "Protective measures put in place" },
} as const;
export type IeItem = keyof typeof IE_ITEMS;
export const IE_ITEM_KEYS = Object.keys(IE_ITEMS) as IeItem[];
export const IE_BASIC_ITEMS = IE_ITEM_KEYS.filter((k) => IE_ITEMS[k].tier === "basic");
export const IE_ADDITIONAL_ITEMS = IE_ITEM_KEYS.filter((k) => IE_ITEMS[k].tier === "additional");

/** Her view on an additional item: recorded, or why it could not be obtained. Weighed, not determinative. */
export const ITEM_VIEWS = ["share", "do_not_share", "impracticable"] as const;
export type ItemView = (typeof ITEM_VIEWS)[number];
export const ITEM_VIEW_TEXT: Record<ItemView, string> = {
  share: "she agreed to it being shared",
  do_not_share: "she did not want it shared",
  impracticable: "her view could not be obtained",
};
