import type { Rule, RuleFamily } from "./types";

/** Postcodes, phone numbers and house or flat numbers all contain a digit. */
const DIGITS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/**
 * Contact details -> `safe_contact`. Only forms that are unambiguous in a case note: a full UK
 * postcode, a UK phone number, an email address, a house number with a street name, a flat number.
 * A bare street or town name is not flagged ("not to enter Elm Road" names no address).
 * Every pattern is bounded, so a long run of letters or digits costs linear time.
 */
export const SAFE_CONTACT_RULES: readonly Rule[] = [
  {
    id: "contact.postcode",
    tag: "safe_contact",
    requires: DIGITS,
    description: "A full UK postcode in capitals: \"LS6 2QT\", \"M1 1AE\", \"SW1A 1AA\".",
    pattern: /\b(?:GIR\s?0AA|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\b/,
  },
  {
    id: "contact.phone",
    tag: "safe_contact",
    requires: DIGITS,
    description:
      "A UK phone number: 0 or +44 then 9-10 more digits, spaces or hyphens allowed " +
      "(\"07700 900123\", \"+44 7700 900123\", \"0113-496-0000\").",
    pattern: /(?:\+44\s?(?:\(0\)\s?)?|\(?\b0)\d{2,5}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)/,
  },
  {
    id: "contact.email",
    tag: "safe_contact",
    description: "An email address.",
    requires: ["@"],
    pattern: /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,6}/,
  },
  {
    id: "contact.street-address",
    tag: "safe_contact",
    requires: DIGITS,
    description:
      "A house number followed by a capitalised street name and a street word: \"14 Elm Road\", " +
      "\"3a Beech Close\"; or \"Flat 4\".",
    pattern:
      /\b(?:\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][A-Za-z'’-]{1,20}\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Court|Place|Gardens|Terrace|Grove|Hill|Park|Rise|View|Walk|Mews|Square|Row|Parade|Green|Vale|Meadows?|Fields|Gate|Wharf|Quay|Yard)|Flat\s+\d{1,4}[A-Za-z]?)\b/,
  },
];

export const SAFE_CONTACT_FAMILY: RuleFamily = { tag: "safe_contact", rules: SAFE_CONTACT_RULES, guards: [] };
