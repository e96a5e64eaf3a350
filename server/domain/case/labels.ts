import { formatDate, isIsoDay } from "../dates";
import { IMMIGRATION_STATUS_LABELS } from "./victim";

/** Plain-English labels for case fields, keyed by catalogue path without list indices. */
export const FIELD_LABELS: Record<string, string> = {
  "referring.agencyName": "Referring agency",
  "referring.agencyId": "Referring agency reference",
  "referring.officerName": "Referred by",
  "referring.officerRole": "Referrer's role",
  "referring.officerPhone": "Referrer's phone",
  "referring.officerEmail": "Referrer's email",
  "referring.referralDate": "Date of referral",
  "victim.name": "Name",
  "victim.aliases": "Also known as",
  "victim.dateOfBirth": "Date of birth",
  "victim.gender": "Gender",
  "victim.address": "Address",
  "victim.phone": "Phone",
  "victim.phoneSafeToCall": "Safe to call this phone",
  "victim.safeContactNotes": "Safe times and contact notes",
  "victim.email": "Email",
  "victim.firstLanguage": "First language",
  "victim.interpreterNeeded": "Interpreter needed",
  "victim.ethnicity": "Ethnicity",
  "victim.disability": "Disability",
  "victim.disability.disabled": "Disabled",
  "victim.disability.details": "Details",
  "victim.lgbtPlus": "LGBT+",
  "victim.lgbtPlus.identifiesAsLgbtPlus": "Identifies as LGBT+",
  "victim.lgbtPlus.details": "Details",
  "victim.pregnantOrBabyUnder18Months": "Pregnant or baby under 18 months",
  "victim.nationality": "Nationality",
  "victim.immigrationStatus": "Immigration status",
  "victim.noRecourseToPublicFunds": "No recourse to public funds",
  "victim.immigrationNeeds": "Immigration-related safeguarding needs",
  "victim.afraidOf": "Who the victim is afraid of",
  "victim.safeToTalkTo": "Safe to talk to",
  "victim.notSafeToTalkTo": "Not safe to talk to",
  "perpetrators.name": "Name",
  "perpetrators.aliases": "Also known as",
  "perpetrators.dateOfBirth": "Date of birth",
  "perpetrators.gender": "Gender",
  "perpetrators.relationshipToVictim": "Relationship to the victim",
  "perpetrators.address": "Address",
  "perpetrators.offendingHistory": "Offending history",
  "perpetrators.bailAndOrders": "Bail conditions and orders",
  "householdMembers.name": "Name",
  "householdMembers.dateOfBirth": "Date of birth",
  "householdMembers.isChild": "Child",
  "householdMembers.relationshipToVictim": "Relationship to the victim",
  "householdMembers.relationshipToPerpetrator": "Relationship to the perpetrator",
  "householdMembers.address": "Address",
  "householdMembers.school": "School or nursery",
  "criteria.visibleHighRisk": "Visible high risk",
  "criteria.professionalJudgement": "Professional judgement",
  "criteria.potentialEscalation": "Potential escalation",
  "criteria.repeat": "Repeat referral",
  "criteria.reasons": "Reasons for referral",
  "criteria.policeIncidentsLast12Months": "Police-reported incidents in the last 12 months",
  "criteria.lastMaracReferralDate": "Date of last MARAC referral",
  "criteria.lastMaracCaseNumber": "Last MARAC case number",
  "consent.victimAware": "Victim aware of the referral",
  "consent.consentGiven": "Consent given",
  "consent.reasonIfNot": "If not, why not",
  "consent.lawfulBasis": "Lawful basis for sharing without consent",
  "victimViews.inTheirWords": "In the victim's words",
  "victimViews.perTag.immigration": "Immigration information",
  "victimViews.perTag.safe_contact": "Safe contact details",
  "victimViews.perTag.health": "Health information",
  "victimViews.perTag.sexuality": "Sexual orientation and gender identity",
  "victimViews.perTag.criminal": "Criminal history",
  "victimViews.perTag.children": "Children's details",
  "dash.additionalConsiderations": "Professional's additional considerations",
  narrative: "Narrative",
};

const VALUE_LABELS: Record<string, string> = {
  yes: "Yes",
  no: "No",
  unknown: "Not known",
  dont_know: "Don't know",
  female: "Female",
  male: "Male",
  other: "Other",
  not_known: "Not known",
  share: "Agrees it may be shared",
  do_not_share: "Does not want it shared",
  not_asked: "Not asked",
};
// Immigration statuses have their own labels; "unknown" and "other" keep the general ones above.
for (const [k, v] of Object.entries(IMMIGRATION_STATUS_LABELS)) VALUE_LABELS[k] ??= v;

/** A stored value as a person reads it: never a raw code, never an ISO date. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null || value === "") return "Not given";
  if (value instanceof Date) return formatDate(value);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.length === 0 ? "None" : value.map(formatValue).join(", ");
  if (typeof value === "string") {
    if (isIsoDay(value)) return formatDate(value);
    return VALUE_LABELS[value] ?? value;
  }
  if (typeof value === "number") return String(value);
  return "";
}

/**
 * A field's label from its full path ("victim.disability.disabled" is "Disabled"). A path with no
 * label of its own reads as words in sentence case ("someNewField" is "Some new field"), never as
 * the raw key.
 */
export function labelFor(path: string): string {
  const key = path.replace(/\[\d+\]/g, "");
  const known = FIELD_LABELS[key];
  if (known) return known;
  const words = (key.split(".").at(-1) ?? key).replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
