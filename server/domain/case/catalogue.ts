import type { Tag } from "../tags";
import { type CatalogueFor, group, leaf, list, text } from "./catalogue-types";
import type { Dash, DashAnswer } from "./dash";
import type { HouseholdMember, Perpetrator } from "./people";
import type { Consent, Criteria, Referring, VictimViews } from "./referral";
import type { CaseRecord } from "./schema";
import type { Victim } from "./victim";

/**
 * The classification catalogue (design.md section 3): every field of the case record -> its tags.
 * An empty list is a decision ("untagged"), not an omission. Each object level is checked with
 * `satisfies CatalogueFor<...>`, so a new field without a decision fails tsc, and
 * catalogue.test.ts proves the catalogue and the zod schema have exactly the same paths.
 */

const IDENTITY = "Identity: untagged so member agencies can search their own records (design.md section 3).";
const FREE_TEXT = "Untagged field; sentences inside carry their own tags (detector suggestions plus manual tags).";
const RISK = "Risk information every member agency needs for safety planning; untagged.";
const CRITERIA = "Referral criteria are untagged (design.md section 3): every agency needs to know why the case is heard.";
const SAFE_CONTACT = "Reveals where or how the victim (or a child) can be reached: safe_contact.";
const CRIMINAL = "Offending, bail and orders: criminal.";

const REFERRING = {
  agencyId: leaf([], "The referring agency is untagged (design.md section 3)."),
  agencyName: leaf([], "The referring agency is untagged (design.md section 3)."),
  officerName: leaf([], "A professional, not the victim: untagged so agencies can follow up."),
  officerRole: leaf([], "A professional, not the victim: untagged."),
  officerPhone: leaf([], "The professional's work contact, not a safe contact for the victim: untagged."),
  officerEmail: leaf([], "The professional's work contact, not a safe contact for the victim: untagged."),
  referralDate: leaf([], "Untagged: needed for repeat matching and agendas."),
} as const satisfies CatalogueFor<Referring>;

const VICTIM = {
  name: leaf([], IDENTITY),
  aliases: leaf([], IDENTITY),
  dateOfBirth: leaf([], IDENTITY),
  gender: leaf([], "Gender as on the SafeLives form (M/F): untagged. Gender-identity details belong in lgbtPlus (sexuality)."),
  address: leaf(["safe_contact"], "Current, new or refuge address. " + SAFE_CONTACT),
  phone: leaf(["safe_contact"], "Safe phone number. " + SAFE_CONTACT),
  phoneSafeToCall: leaf(["safe_contact"], "Whether the number is safe to call is part of the safe-contact arrangement."),
  safeContactNotes: text(["safe_contact"], "Safe times to call, whether to leave a message. " + SAFE_CONTACT),
  email: leaf(["safe_contact"], "Email address. " + SAFE_CONTACT),
  firstLanguage: leaf([], "Untagged: agencies need it to speak to the victim safely (never through the perpetrator). Language alone is not immigration status (design.md section 3 does not list it)."),
  interpreterNeeded: leaf([], "Untagged for the same reason as first language."),
  ethnicity: leaf([], "Diversity data on the SafeLives form; not a design.md section 3 category: untagged."),
  disability: group(["health"], "Whether the victim is disabled and the details: health. The yes/no flag is tagged too, so a withheld group looks the same whatever the answer.", {
    disabled: leaf([], "Inside the health-tagged disability group."),
    details: text([], "Inside the health-tagged disability group."),
  }),
  lgbtPlus: group(["sexuality"], "Sexual orientation and gender identity: sexuality.", {
    identifiesAsLgbtPlus: leaf([], "Inside the sexuality-tagged group."),
    details: text([], "Inside the sexuality-tagged group."),
  }),
  pregnantOrBabyUnder18Months: leaf(["health"], "Pregnancy: health (design.md section 3)."),
  nationality: leaf(["immigration"], "Nationality: immigration (design.md section 3, domain.md 6)."),
  immigrationStatus: leaf(["immigration"], "Immigration or asylum status: immigration. Default unknown, never required."),
  noRecourseToPublicFunds: leaf(["immigration"], "The NRPF condition is an immigration condition: immigration."),
  immigrationNeeds: text(["immigration"], "Immigration-related safeguarding needs: immigration."),
  afraidOf: text([], "Who the victim is afraid of is threat information every agency needs. " + FREE_TEXT),
  safeToTalkTo: text(["safe_contact"], "Who the victim says is safe to talk to: safe_contact (design.md section 3)."),
  notSafeToTalkTo: text([], "Untagged on purpose: every agency must know whom not to approach, or it may alert the perpetrator. " + FREE_TEXT),
} as const satisfies CatalogueFor<Victim>;

const PERPETRATOR = {
  name: leaf([], IDENTITY),
  aliases: leaf([], IDENTITY),
  dateOfBirth: leaf([], IDENTITY),
  gender: leaf([], IDENTITY),
  relationshipToVictim: leaf([], "Untagged: agencies need it to recognise the case."),
  address: leaf(["safe_contact"], "Often the victim's own address too (or reveals where she is not), so fail closed: safe_contact."),
  offendingHistory: text(["criminal"], CRIMINAL),
  bailAndOrders: text(["criminal"], CRIMINAL + " Bail and order conditions can also name the victim's address; spans handle that."),
} as const satisfies CatalogueFor<Perpetrator>;

const HOUSEHOLD_MEMBER = {
  name: leaf([], "Inside the children-tagged list."),
  dateOfBirth: leaf([], "Inside the children-tagged list."),
  isChild: leaf([], "Inside the children-tagged list."),
  relationshipToVictim: leaf([], "Inside the children-tagged list."),
  relationshipToPerpetrator: leaf([], "Inside the children-tagged list."),
  address: leaf(["safe_contact"], "Inside the children-tagged list, and an address: children + safe_contact."),
  school: leaf(["safe_contact"], "Children's schools are safe_contact (design.md section 3); with the list tag: children + safe_contact."),
} as const satisfies CatalogueFor<HouseholdMember>;

/** Dash answers are untagged risk factors, except where the answer itself reveals health or offending. */
const dashAnswer = <const T extends readonly Tag[]>(tags: T, note: string) =>
  group(tags, note, {
    answer: leaf([], "Takes the question's tags."),
    comment: text([], "Takes the question's tags; sentences inside carry their own."),
    sourceIfNotVictim: leaf([], "Takes the question's tags."),
  } as const satisfies CatalogueFor<DashAnswer>);

const DASH_ANSWERS = {
  q1: dashAnswer([], "Injury from the current incident: a risk factor, untagged."),
  q2: dashAnswer([], RISK),
  q3: dashAnswer([], RISK),
  q4: dashAnswer([], "Isolation: a risk factor, untagged. (Immigration dependency in the comment is caught by sentence tags.)"),
  q5: dashAnswer(["health"], "Depression or suicidal thoughts reveal the victim's mental health: health."),
  q6: dashAnswer([], RISK),
  q7: dashAnswer([], "Conflict over child contact is a risk factor; it names no child: untagged."),
  q8: dashAnswer([], RISK),
  q9: dashAnswer(["health"], "Pregnancy or a baby under 18 months: health."),
  q10: dashAnswer([], RISK),
  q11: dashAnswer([], RISK),
  q12: dashAnswer([], RISK),
  q13: dashAnswer([], RISK),
  q14: dashAnswer([], RISK),
  q15: dashAnswer([], RISK),
  q16: dashAnswer([], "Sexual abuse is a risk factor, not sexual orientation: untagged."),
  q17: dashAnswer([], RISK),
  q18: dashAnswer([], RISK),
  q19: dashAnswer([], RISK),
  q20: dashAnswer([], "Financial issues: a risk factor, untagged. (NRPF in the comment is caught by sentence tags.)"),
  q21: dashAnswer(["health"], "The abuser's drug, alcohol or mental-health problems: health."),
  q22: dashAnswer([], "Suicide threats by the abuser are a homicide-risk behaviour every agency needs: untagged."),
  q23: dashAnswer(["criminal"], "Broken bail, injunctions or orders: criminal."),
  q24: dashAnswer(["criminal"], "Criminal history: criminal."),
} as const satisfies CatalogueFor<Dash["answers"]>;

const DASH = {
  answers: group([], "The Dash score is untagged (design.md section 3); each answer has its own decision.", DASH_ANSWERS),
  additionalConsiderations: text([], "The professional's further considerations. " + FREE_TEXT),
} as const satisfies CatalogueFor<Dash>;

const CRITERIA_FIELDS = {
  visibleHighRisk: leaf([], CRITERIA),
  professionalJudgement: leaf([], CRITERIA),
  potentialEscalation: leaf([], CRITERIA),
  repeat: leaf([], CRITERIA),
  reasons: text([], "Reasons for referral. " + FREE_TEXT),
  policeIncidentsLast12Months: leaf([], "The count behind the potential-escalation criterion: untagged."),
  lastMaracReferralDate: leaf([], "Behind the repeat criterion: untagged."),
  lastMaracCaseNumber: leaf([], "A case number: untagged (design.md section 3)."),
} as const satisfies CatalogueFor<Criteria>;

const CONSENT = {
  victimAware: leaf([], "Agencies must know whether the victim knows of the referral before they contact her: untagged."),
  consentGiven: leaf([], "Untagged, for the same reason."),
  reasonIfNot: text([], "Why the victim is not aware or has not consented. " + FREE_TEXT),
  lawfulBasis: leaf([], "The legal basis for sharing: untagged."),
} as const satisfies CatalogueFor<Consent>;

/** A choice about sharing tag X tells whether the victim has X-type concerns, so it carries tag X. */
const PER_TAG_VIEWS = {
  immigration: leaf(["immigration"], "A choice about immigration information hints that there is some: immigration."),
  safe_contact: leaf(["safe_contact"], "Carries the tag it is about."),
  health: leaf(["health"], "Carries the tag it is about."),
  sexuality: leaf(["sexuality"], "Carries the tag it is about."),
  criminal: leaf(["criminal"], "Carries the tag it is about."),
  children: leaf(["children"], "Carries the tag it is about."),
} as const satisfies CatalogueFor<VictimViews["perTag"]>;

const VICTIM_VIEWS = {
  inTheirWords: text([], "The victim's views on sharing, in her words. " + FREE_TEXT),
  perTag: group([], "Structured choices, one per tag; each carries the tag it is about.", PER_TAG_VIEWS),
} as const satisfies CatalogueFor<VictimViews>;

export const CASE_CATALOGUE = {
  caseId: leaf([], "Internal identifier: untagged."),
  caseNumber: leaf([], "The case number is untagged (design.md section 3)."),
  referring: group([], "Referring agency and officer.", REFERRING),
  victim: group([], "The adult victim.", VICTIM),
  perpetrators: list([], "Untagged list (agencies need to know who the perpetrators are); some fields inside are tagged.", PERPETRATOR),
  householdMembers: list(["children"], "Children and other household members: children. The whole list is tagged, so a withheld list reveals neither its length nor how many are children.", HOUSEHOLD_MEMBER),
  dash: group([], "The Dash risk identification checklist.", DASH),
  criteria: group([], CRITERIA, CRITERIA_FIELDS),
  consent: group([], "Victim's awareness of the referral and consent.", CONSENT),
  victimViews: group([], "The victim's views on sharing (shown beside every override decision).", VICTIM_VIEWS),
  narrative: text([], "The referral narrative. " + FREE_TEXT),
} as const satisfies CatalogueFor<CaseRecord>;

export type CaseCatalogue = typeof CASE_CATALOGUE;
