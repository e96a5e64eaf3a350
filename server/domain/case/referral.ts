import { z } from "zod";
import { TAGS, type Tag } from "../tags";
import { isoDate, optionalText, requiredText, yesNoUnknown } from "./common";
import { optionalTaggedText } from "./text";

export const referringSchema = z.strictObject({
  /** The referring agency's id in this MARAC area, if it is a member agency. */
  agencyId: optionalText("The referring agency id", 100),
  agencyName: requiredText("the referring agency", 200),
  officerName: requiredText("the referring officer's name", 200),
  officerRole: optionalText("The referring officer's role", 200),
  officerPhone: optionalText("The referring officer's phone number", 50),
  officerEmail: z.email({ error: "Enter the referring officer's email address in the form name@example.org." }).optional(),
  referralDate: isoDate("the referral date"),
});
export type Referring = z.infer<typeof referringSchema>;

/** The four SafeLives referral criteria, with the referrer's reasons. */
export const criteriaSchema = z.strictObject({
  visibleHighRisk: z.boolean({ error: "Say whether the case meets visible high risk." }).default(false),
  professionalJudgement: z.boolean({ error: "Say whether the referral rests on professional judgement." }).default(false),
  potentialEscalation: z.boolean({ error: "Say whether the case meets potential escalation." }).default(false),
  repeat: z.boolean({ error: "Say whether this is a repeat referral." }).default(false),
  /** Required in practice for professional judgement; the form enforces that, not the record. */
  reasons: optionalTaggedText,
  policeIncidentsLast12Months: z
    .int({ error: "Police-reported incidents must be a whole number." })
    .min(0, { error: "Police-reported incidents cannot be negative." })
    .optional(),
  lastMaracReferralDate: isoDate("the date of the last MARAC referral").optional(),
  lastMaracCaseNumber: optionalText("The last MARAC case number", 100),
});
export type Criteria = z.infer<typeof criteriaSchema>;

export const consentSchema = z.strictObject({
  victimAware: yesNoUnknown("Whether the victim is aware of the referral"),
  consentGiven: yesNoUnknown("Whether the victim has given consent"),
  /** Why the victim is not aware or has not consented. */
  reasonIfNot: optionalTaggedText,
  /** The lawful basis for sharing without consent, in the referrer's words. */
  lawfulBasis: optionalText("The lawful basis for sharing", 1000),
});
export type Consent = z.infer<typeof consentSchema>;

/** The victim's structured choice about sharing one kind of information. */
export const SHARING_CHOICES = ["share", "do_not_share", "not_asked"] as const;
export type SharingChoice = (typeof SHARING_CHOICES)[number];

const sharingChoice = z
  .enum(SHARING_CHOICES, { error: "A sharing choice must be share, do not share or not asked." })
  .default("not_asked");

const perTagShape = Object.fromEntries(TAGS.map((tag) => [tag, sharingChoice])) as Record<Tag, typeof sharingChoice>;

export const victimViewsSchema = z.strictObject({
  /** The victim's views on sharing, in their own words. */
  inTheirWords: optionalTaggedText,
  perTag: z.strictObject(perTagShape).prefault({}),
});
export type VictimViews = z.infer<typeof victimViewsSchema>;
