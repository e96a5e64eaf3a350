import type { Rule } from "./types";

/**
 * Immigration rules about a person's presence and status in general terms: overstaying, being
 * "illegal", having no status or no papers, removal and deportation, citizenship applications,
 * NHS overseas-visitor charging, and status in general ("her immigration status", "her status").
 */

/** Whose: "her", "his", "mum's", "V's"... */
const WHOSE =
  "(?:her|his|their|its|my|your|our|own|(?:mum|mother|dad|father|v|victim|perp|perpetrator|partner|husband|wife|child|son|daughter|children|family|client|spouse|sister|brother|baby)['’]s?)";
const Q = "['‘’\"“”]?";
const PLACE = "(?:the\\s+)?(?:UK|U\\.K\\.?|country|Britain|England|Wales|Scotland)";

const re = (source: string, flags = "i"): RegExp => new RegExp(source, flags);

export const IMMIGRATION_PRESENCE_RULES: readonly Rule[] = [
  {
    id: "imm.overstayer",
    tag: "immigration",
    requires: ["stay", "undocumented", "clandestine", "boat", "lorry", "dinghy"],
    description:
      "Overstaying and irregular entry: overstay(ed/er), \"over stayed\", undocumented, " +
      "clandestine entry, arriving by small boat or in a lorry.",
    pattern:
      /\b(?:over[\s-]?stay\w*|undocumented|clandestine\w*|small\s+boats?|(?:came|arrived|entered|smuggled|brought)\s+(?:[a-z]{1,12}\s+){0,4}(?:in|on)\s+(?:the\s+back\s+of\s+)?a\s+(?:lorry|small\s+boat|dinghy))\b/i,
  },
  {
    id: "imm.illegal",
    tag: "immigration",
    description:
      "Being \"illegal\" or \"not legal\" in the UK, said of a person (\"you're illegal here\", " +
      "\"in the UK illegally\", \"illegal immigrant\"); not \"it is illegal to...\".",
    requires: ["legal", "lawful", "rights"],
    pattern: re(
      `\\b(?:illegal\\s+(?:immigrants?|migrants?|entrants?|entry|workers?|aliens?|status)|illegally\\s+(?:in|entered|into|present|resident)\\s+${PLACE}|(?:in|into|to|entered)\\s+${PLACE}\\s+illegally|(?:living|staying|working|resident|present|here|remained|remaining)\\s+illegally|(?:you['’]?re|you\\s+are|you\\s+were|she['’]?s|she\\s+is|she\\s+was|he['’]?s|he\\s+is|he\\s+was|they['’]?re|they\\s+are|they\\s+were|i['’]?m|i\\s+am|being|been)\\s+(?:here\\s+|now\\s+|still\\s+)?${Q}(?:an\\s+)?(?:illegal|not\\s+legal)\\b|illegal\\s+(?:here|in\\s+${PLACE})|unlawful(?:ly)?\\s+(?:in\\s+${PLACE}|present|presence|resident|residence|stay)|no\\s+rights\\s+(?:here|in\\s+(?:this|the)\\s+country|in\\s+the\\s+UK)|lawfully\\s+(?:in\\s+${PLACE}|present|resident))`,
    ),
  },
  {
    id: "imm.no-status",
    tag: "immigration",
    requires: ["status"],
    description:
      "Having no status or an insecure one: \"no status\", \"without legal status\", \"lost her " +
      "status\", \"insecure / irregular / precarious status\" (not \"no status update\").",
    pattern:
      /\b(?:(?:no|without|lost|lose|losing|loses)\s+(?:(?:her|his|their|legal|lawful|immigration|UK|valid|current|secure|any)\s+){0,2}status\b(?!\s+(?:update|updates|change|report|check|meeting|review|of\s+the|as|with))|(?:insecure|irregular|precarious|uncertain|unresolved|unsettled)\s+(?:(?:immigration|legal|residence|residency)\s+)?status|status\s+(?:is|was|remains|has\s+been|is\s+still)\s+(?:insecure|irregular|precarious))/i,
  },
  {
    id: "imm.no-papers",
    tag: "immigration",
    description:
      "Papers in the status sense: \"no papers\", \"without papers\", \"her papers will never " +
      "come\", \"waiting for her papers\" (not papers for a car, a dog or a rented room, not divorce papers).",
    requires: ["paper", "status", "document"],
    pattern: re(
      `\\b(?:no\\s+${Q}papers|without\\s+(?:any\\s+)?papers|${WHOSE}\\s+papers\\s+(?:(?:will|would|may|might|could|have|has|had|are|were|is|was|still|never|not|n['’]t|yet|to|ever)\\s+){0,3}(?:come|came|arrive|arrived|through|be\\s+sorted|be\\s+granted|pending|refused|granted)|the\\s+papers\\s+(?:(?:will|would|may|might|could|have|has|had|are|still|never|not|ever)\\s+){1,3}(?:come|arrive|come\\s+through)|(?:waiting|wait|waits|waited)\\s+(?:for|on)\\s+${WHOSE}\\s+(?:immigration\\s+)?(?:papers|status|documents)|(?:got|get|gets|getting|receive[sd]?|receiving|had)\\s+${WHOSE}\\s+(?:immigration\\s+)?papers|papers\\s+(?:come|came)\\s+through)\\b`,
    ),
    unless:
      /\b(?:car|vehicle|van|motorbike|moped|scooter|dog|puppy|horse|V5C?|log\s?book|MOT|insurance|divorce|decree|court|custody|solicitor['’]s\s+bill|flat|room|tenancy|landlord|lease|rent|rents)\b/i,
  },
  {
    id: "imm.status",
    tag: "immigration",
    requires: ["status"],
    description:
      "Status in the immigration sense: immigration / legal / residency / visa status, status in " +
      "the UK, or someone's bare \"status\" (\"her status depends on him\"); not case, housing, " +
      "relationship, benefit or order status.",
    pattern: re(
      `\\b(?:(?:immigration|legal|residency|residence|migration|migrant|visa|asylum|citizenship|settlement|UK|refugee)\\s+status\\b|status\\s+(?:in|within)\\s+${PLACE}|status\\s+here\\b|${WHOSE}\\s+${Q}status\\b(?!\\s+(?:as|of|on|in|within|with|among|amongst|at|update|updates|report|check|review|meeting|bar|message|post)\\b))`,
    ),
  },
  {
    id: "imm.status-dependence",
    tag: "immigration",
    requires: ["depend", "tied", "linked", "conditional", "relies", "relying", "rests"],
    description:
      "Status tied to someone: \"her visa is tied to his job\", \"her status depends on the " +
      "marriage\", \"dependant on his visa / work permit / claim\", \"named as a dependant on\".",
    pattern: re(
      `\\b(?:(?:${WHOSE}\\s+(?:immigration\\s+|legal\\s+)?status|visas?|immigration\\s+status)\\b[^.!?\\n]{0,30}\\b(?:depends|dependent|dependant|tied|linked|conditional|relies|relying|rests)\\b|dependants?\\s+(?:on|of|under)\\s+(?:her|his|their|the|mum['’]s|dad['’]s)\\s+(?:visa|work\\s+permit|leave|claim|application|status|sponsorship|asylum)|(?:named|listed|included)\\s+as\\s+(?:a\\s+|her\\s+|his\\s+)?dependants?\\s+(?:on|in))`,
    ),
  },
  {
    id: "imm.removal",
    tag: "immigration",
    description:
      "Removal from the UK: deport(ed/ation) and misspellings, removal directions / orders / " +
      "notices, facing removal, removed from the UK, foreign national offender, being sent or " +
      "kicked out of the country or back to one's own country (not furniture removal, not " +
      "removal from a tenancy, not taking children abroad).",
    requires: ["deport", "depot", "remov", "foreign", "fno", "sen", "kick", "throw", "ship"],
    pattern:
      /\b(?:deport\w*|depot(?:ed|ation)|removal\s+(?:directions?|orders?|notices?|decisions?|window)|(?:facing|face|faces|liable\s+to|subject\s+to|threat\s+of|risk\s+of|fears?\s+of|feared|administrative|enforced)\s+removal|removed\s+(?:from|out\s+of)\s+(?:the\s+UK|the\s+U\.K\.?|this\s+country|the\s+country|Britain|England)|(?:she|he|i|you|v|victim|mum|dad|perp|perpetrator)\s+(?:(?:will|would|could|might|may|is\s+going\s+to|['’]ll|fears?|feared)\s+){0,2}(?:be|get|being|getting)\s+removed\b(?!\s+(?:from|off|out|by|to\s+(?:a|the)\s+(?:refuge|hospital|cell|station)))|foreign\s+national\s+offenders?|FNO|(?:sent|send|sends|sending|kicked|kick|thrown|throw|shipped|ship)\s+(?:her|him|them|you|me|us)?\s?(?:out\s+of\s+(?:the\s+UK|this\s+country|the\s+country)|back\s+(?:home\s+)?to\s+(?:her|his|their|your|my|our)\s+(?:own\s+|home\s+)?country))\b/i,
  },
  {
    id: "imm.citizenship",
    tag: "immigration",
    requires: ["naturali", "citizen", "life"],
    description:
      "Naturalisation and citizenship applications (a bare \"British citizen\" is nationality, " +
      "not status, and is not flagged).",
    pattern:
      /\b(?:naturali[sz]\w*|citizenship\s+(?:application|ceremony|test|route|fee)|(?:apply|applied|applying|application|register\w*|eligible|entitled)\s+(?:for|as|to)\s+(?:a\s+)?(?:British\s+)?citizen(?:ship)?|Life\s+in\s+the\s+UK\s+test)\b/i,
  },
  {
    id: "imm.nhs-charging",
    tag: "immigration",
    requires: ["visitor", "charg", "bill", "invoice", "debt"],
    description: "NHS overseas-visitor charging: overseas visitor, NHS / hospital / maternity charges or bills, health surcharge.",
    pattern:
      /\b(?:overseas\s+visitors?|(?:NHS|hospital|maternity|antenatal)\s+(?:charg\w*|bills?|invoices?|debt)|charged\s+(?:by|for)\s+(?:the\s+|her\s+|his\s+)?(?:NHS|hospital|maternity|antenatal)|health\s+surcharge)\b/i,
  },
];
