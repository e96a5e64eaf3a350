import { type CaseRecord, type CaseRecordInput, caseRecordSchema } from "../case/schema";
import { reviewEverything } from "../review/record";
import type { Span, TaggedText } from "../case/text";
import type { Viewer } from "../policy/access";
import type { AgencyType } from "../agency-types";
import type { Role } from "../roles";
import type { Tag } from "../tags";
import { type BuiltCase, buildCase } from "./build-case";
import { markerSource } from "./sources";

/** Joins sentences with single spaces and puts a span on each tagged one. */
export function sentences(...parts: readonly (string | readonly [string, ...Tag[]])[]): TaggedText {
  let text = "";
  const spans: Span[] = [];
  for (const part of parts) {
    const [sentence, ...tags] = typeof part === "string" ? [part] : part;
    if (text !== "") text += " ";
    if (tags.length > 0) spans.push({ start: text.length, end: text.length + sentence.length, tags, source: "manual" });
    text += sentence;
  }
  return { text, spans };
}

/** A realistic, fully invented referral: for demos, docs and tests that read like practice. */
export function makeSampleCase(): CaseRecord {
  const input: CaseRecordInput = {
    caseId: "case-sample-0001",
    caseNumber: "MARAC-2025-0042",
    referring: {
      agencyId: "agency-idva",
      agencyName: "Northshire IDVA Service",
      officerName: "Sam Okafor",
      officerRole: "Senior IDVA",
      officerPhone: "01632 960 111",
      officerEmail: "sam.okafor@idva.example.org",
      referralDate: "2025-02-03",
    },
    victim: {
      name: "Amina Rahman",
      aliases: ["Amina R."],
      dateOfBirth: "1991-06-14",
      gender: "female",
      address: "Flat 2, 14 Mill Lane, Northtown NT1 4AB",
      phone: "07700 900 123",
      phoneSafeToCall: "yes",
      safeContactNotes: sentences(["Call weekdays between 10:00 and 12:00 only; do not leave a voicemail.", "safe_contact"]),
      email: "a.rahman@example.org",
      firstLanguage: "Bengali",
      interpreterNeeded: "yes",
      ethnicity: "Asian or Asian British: Bangladeshi",
      disability: { disabled: "yes", details: sentences("Hearing impairment in one ear after an assault in 2023.") },
      lgbtPlus: { identifiesAsLgbtPlus: "no" },
      pregnantOrBabyUnder18Months: "yes",
      nationality: "Bangladeshi",
      immigrationStatus: "spouse_or_partner_visa",
      noRecourseToPublicFunds: "yes",
      immigrationNeeds: sentences("Her spouse visa expires in June and her husband is her sponsor.", "She needs specialist immigration advice about the DDVC."),
      afraidOf: sentences("Her husband, Karim Rahman, and his brother, who has threatened her by phone."),
      safeToTalkTo: sentences(["Her friend Rukhsana at the community centre.", "safe_contact"]),
      notSafeToTalkTo: sentences("Her mother-in-law, who reports everything to Karim."),
    },
    perpetrators: [
      {
        name: "Karim Rahman",
        dateOfBirth: "1985-11-02",
        gender: "male",
        relationshipToVictim: "Husband",
        address: "Flat 2, 14 Mill Lane, Northtown NT1 4AB",
        offendingHistory: sentences("Cautioned for common assault against a previous partner in 2019."),
        bailAndOrders: sentences("On police bail not to contact the victim until 2025-03-01."),
      },
    ],
    householdMembers: [
      { name: "Yusuf Rahman", dateOfBirth: "2024-01-20", isChild: true, relationshipToVictim: "Son", relationshipToPerpetrator: "Son", address: "Flat 2, 14 Mill Lane, Northtown NT1 4AB", school: "Little Acorns Nursery" },
    ],
    dash: {
      answers: {
        q1: { answer: "yes", comment: sentences("Bruising to both arms; not the first injury.") },
        q2: { answer: "yes" },
        q4: { answer: "yes", comment: sentences("He keeps her passport and she cannot go out alone.", ["He says she will be deported if she leaves.", "immigration"]) },
        q5: { answer: "no" },
        q9: { answer: "yes", comment: sentences("Baby born January 2024.") },
        q14: { answer: "yes", sourceIfNotVictim: "PC Dale Hughes" },
        q20: { answer: "yes", comment: sentences(["She has no recourse to public funds and no income of her own.", "immigration"]) },
        q24: { answer: "dont_know" },
      },
      additionalConsiderations: sentences("Language barrier: needs a female Bengali interpreter who is not from the local community."),
    },
    criteria: {
      visibleHighRisk: true,
      reasons: sentences("14 ticks on the Dash RIC.", ["Victim's insecure status is being used as control.", "immigration"]),
      policeIncidentsLast12Months: 2,
    },
    consent: { victimAware: "yes", consentGiven: "yes", lawfulBasis: "Consent; Crime and Disorder Act 1998 s.115 for partners' statutory functions." },
    victimViews: {
      inTheirWords: sentences("I want the police to know what he did.", ["I do not want anyone to tell the Home Office where I am.", "immigration", "safe_contact"]),
      perTag: { immigration: "do_not_share", safe_contact: "share", health: "share", criminal: "share", children: "share" },
    },
    narrative: sentences(
      "Police attended after a neighbour reported screaming.",
      ["The victim is on a spouse visa that expires in June.", "immigration"],
      ["She is staying with her friend at 3 Elm Close.", "safe_contact"],
      "The perpetrator was arrested and bailed.",
      ["She is 10 weeks pregnant and has been seen by her GP.", "health"],
    ),
  };
  return reviewEverything(caseRecordSchema.parse(input));
}

/**
 * A fully filled case where every string is a unique marker `${prefix}-<path>` (emails use a slug
 * of it), every optional value is present, lists have two items and every free text has one
 * untagged sentence plus one sentence per tag. Built from the schema, so new fields are covered.
 */
export function makeMarkerCase(prefix = "MARKER"): CaseRecord {
  return buildCase(markerSource(prefix)).record;
}

/** The marker case together with each marker's path and the tags a viewer needs to see it. */
export function makeMarkerCaseWithTokens(prefix = "MARKER"): BuiltCase {
  return buildCase(markerSource(prefix));
}

/** A viewer of the given role and agency type (agency id derived from the type unless given). */
export function makeViewer(role: Role, agencyType: AgencyType, agencyId = `agency-${agencyType}`): Viewer {
  return { userId: `user-${role}-${agencyType}`, role, agencyId, agencyType };
}
