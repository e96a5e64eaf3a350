import { z } from "zod";
import { aliases, gender, isoDate, optionalText, requiredText, yesNoUnknown } from "./common";
import { optionalTaggedText } from "./text";

/**
 * Immigration status. `unknown` is the default and the field is never required: staff must not ask
 * or check only to establish status (NPCC guidance, April 2020). Forms built on this say so.
 */
export const IMMIGRATION_STATUSES = [
  "unknown",
  "british_or_irish_citizen",
  "settled",
  "pre_settled",
  "visa_or_limited_leave",
  "spouse_or_partner_visa",
  "asylum_seeker",
  "refugee_or_humanitarian_protection",
  "no_current_leave",
  "other",
] as const;
export type ImmigrationStatus = (typeof IMMIGRATION_STATUSES)[number];

export const IMMIGRATION_STATUS_LABELS: Record<ImmigrationStatus, string> = {
  unknown: "Not known (do not ask only to find this out)",
  british_or_irish_citizen: "British or Irish citizen",
  settled: "Settled (indefinite leave or EU Settlement Scheme settled status)",
  pre_settled: "EU Settlement Scheme pre-settled status",
  visa_or_limited_leave: "Visa or other limited leave",
  spouse_or_partner_visa: "Spouse or partner visa (dependent on the sponsor)",
  asylum_seeker: "Asylum seeker",
  refugee_or_humanitarian_protection: "Refugee or humanitarian protection",
  no_current_leave: "No current leave (for example visa expired)",
  other: "Other",
};

export const victimSchema = z.strictObject({
  name: requiredText("the victim's name", 200),
  aliases: aliases("the victim"),
  dateOfBirth: isoDate("the victim's date of birth").optional(),
  gender: gender("The victim's gender"),
  address: optionalText("The victim's address", 500),
  phone: optionalText("The victim's phone number", 50),
  phoneSafeToCall: yesNoUnknown("Whether the phone is safe to call"),
  /** Safe times to call, whether a message may be left, other contact notes. */
  safeContactNotes: optionalTaggedText,
  email: z.email({ error: "Enter the victim's email address in the form name@example.org." }).optional(),
  firstLanguage: optionalText("The victim's first language", 100),
  interpreterNeeded: yesNoUnknown("Whether an interpreter is needed"),
  ethnicity: optionalText("The victim's ethnicity", 100),
  disability: z.strictObject({
    disabled: yesNoUnknown("Whether the victim is disabled"),
    details: optionalTaggedText,
  }).prefault({}),
  lgbtPlus: z.strictObject({
    identifiesAsLgbtPlus: yesNoUnknown("Whether the victim identifies as LGBT+"),
    details: optionalTaggedText,
  }).prefault({}),
  pregnantOrBabyUnder18Months: yesNoUnknown("Whether the victim is pregnant or has a baby under 18 months"),
  nationality: optionalText("The victim's nationality", 100),
  immigrationStatus: z
    .enum(IMMIGRATION_STATUSES, { error: "Choose an immigration status from the list, or leave it as not known." })
    .default("unknown"),
  noRecourseToPublicFunds: yesNoUnknown("Whether the victim has no recourse to public funds"),
  /** Immigration-related safeguarding needs, in the referrer's words. */
  immigrationNeeds: optionalTaggedText,
  /** All potential threats, not only the main perpetrator (SafeLives form). */
  afraidOf: optionalTaggedText,
  safeToTalkTo: optionalTaggedText,
  notSafeToTalkTo: optionalTaggedText,
});
export type Victim = z.infer<typeof victimSchema>;
