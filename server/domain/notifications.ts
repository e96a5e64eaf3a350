import { addDays, formatDate } from "./referral/dates";

/**
 * In-app notifications (decision 057). A notification says only what kind of thing is waiting, the
 * case number at most (and only where the recipient may open that case), a date, and a link. Its
 * text is built here from those facts when it is read: nothing anyone typed is ever stored in one.
 */
export const NOTIFICATION_KINDS = [
  "agenda_published",
  "research_due",
  "action_assigned",
  "action_due",
  "action_overdue",
  "referral_accepted",
  "referral_declined",
  "approval_request",
  "password_reset",
  "contact_details_changed",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationFacts = { kind: NotificationKind; caseNumber: string | null; meetingDate: string | null; dueDate: string | null };

const on = (date: string | null) => (date ? ` on ${formatDate(date)}` : "");
const forCase = (n: string | null) => (n ? ` for case ${n}` : "");

/** The sentence shown on the notifications page. */
export function notificationText({ kind, caseNumber, meetingDate, dueDate }: NotificationFacts): string {
  switch (kind) {
    case "agenda_published":
      return `The agenda for the MARAC meeting${on(meetingDate)} has been published. Your agency's pack is ready.`;
    case "research_due":
      return `Your agency's research for the MARAC meeting${on(meetingDate)} is due${dueDate ? ` by ${formatDate(dueDate)}` : ""}.`;
    case "action_assigned":
      return `A MARAC action${forCase(caseNumber)} has been given to your agency.`;
    case "action_due":
      return `A MARAC action${forCase(caseNumber)} is due${on(dueDate)}.`;
    case "action_overdue":
      return `A MARAC action${forCase(caseNumber)} is overdue.`;
    case "referral_accepted":
      return `Your agency's referral${caseNumber ? ` ${caseNumber}` : ""} has been accepted for MARAC.`;
    case "referral_declined":
      return `Your agency's referral${caseNumber ? ` ${caseNumber}` : ""} was not accepted for MARAC. Open it to read why.`;
    case "approval_request":
      return "A change to an account or an agency is waiting for your approval.";
    case "password_reset":
      return "Your password was reset through an approved request. If you did not ask for this, tell your MARAC coordinator.";
    case "contact_details_changed":
      return `The victim's address or safe contact details${forCase(caseNumber)} have changed since your agency received a pack or minutes. Destroy printed copies of the pack or minutes${forCase(caseNumber)} and use the new pack.`;
  }
}

/** The one line an email says: the kind of thing waiting, never a case number, date or name. */
export function emailLine(kind: NotificationKind): string {
  switch (kind) {
    case "agenda_published":
      return "A MARAC agenda has been published and your agency's pack is ready.";
    case "research_due":
      return "Your agency's research for a MARAC meeting is due.";
    case "action_assigned":
      return "A MARAC action has been given to your agency.";
    case "action_due":
      return "A MARAC action for your agency is due soon.";
    case "action_overdue":
      return "A MARAC action for your agency is overdue.";
    case "referral_accepted":
    case "referral_declined":
      return "A decision has been made on a referral your agency made.";
    case "approval_request":
      return "A change is waiting for your approval.";
    case "password_reset":
      return "Your MARAC Desk password was reset through an approved request. If you did not ask for this, tell your MARAC coordinator.";
    case "contact_details_changed":
      return "Printed copies of a MARAC pack or minutes your agency holds must be destroyed and replaced.";
  }
}

/** How many days ahead an action due, or research due, is announced. */
export const DUE_SOON_DAYS = 3;

/** Whether an open action is due within the next few days (and not yet overdue). */
export function isDueSoon(dueDate: string, today: string): boolean {
  return dueDate >= today && dueDate <= addDays(today, DUE_SOON_DAYS);
}

/** The victim's fields that say where or how she can be reached (all tagged safe_contact). */
const VICTIM_CONTACT_FIELDS = ["victim.address", "victim.phone", "victim.phoneSafeToCall", "victim.safeContactNotes", "victim.email"];

/** Whether a change to a case (its changed paths) touches the victim's address or safe contact details. */
export function touchesVictimContact(changedPaths: readonly string[]): boolean {
  return changedPaths.some((p) => VICTIM_CONTACT_FIELDS.some((f) => p === f || p.startsWith(`${f}.`)));
}
