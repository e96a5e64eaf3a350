import { z } from "zod";
import { aliases, gender, isoDate, optionalText, requiredText } from "./common";
import { optionalTaggedText } from "./text";

export const perpetratorSchema = z.strictObject({
  name: requiredText("the perpetrator's name", 200),
  aliases: aliases("the perpetrator"),
  dateOfBirth: isoDate("the perpetrator's date of birth").optional(),
  gender: gender("The perpetrator's gender"),
  relationshipToVictim: optionalText("The perpetrator's relationship to the victim", 200),
  address: optionalText("The perpetrator's address", 500),
  offendingHistory: optionalTaggedText,
  bailAndOrders: optionalTaggedText,
});
export type Perpetrator = z.infer<typeof perpetratorSchema>;

/** A child or other member of the victim's household (one row each, as on the SafeLives form). */
export const householdMemberSchema = z.strictObject({
  name: requiredText("the household member's name", 200),
  dateOfBirth: isoDate("the household member's date of birth").optional(),
  isChild: z.boolean({ error: "Say whether the household member is a child." }),
  relationshipToVictim: optionalText("The household member's relationship to the victim", 200),
  relationshipToPerpetrator: optionalText("The household member's relationship to the perpetrator", 200),
  address: optionalText("The household member's address", 500),
  school: optionalText("The household member's school or nursery", 200),
});
export type HouseholdMember = z.infer<typeof householdMemberSchema>;
