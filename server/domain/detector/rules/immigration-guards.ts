import type { Guard } from "./types";

/**
 * False friends of the immigration rules. Each guard blanks out a phrase that contains a trigger
 * word in a non-immigration sense, before the immigration rules run. Only the phrase is blanked:
 * a sentence that also says something about status is still flagged.
 *
 * Some false friends are handled inside the rule instead (its `unless`), where the clue is
 * anywhere in the sentence: a visa for a holiday abroad, charity sponsorship, "no papers" for a
 * car, a DVLA share code.
 */
export const IMMIGRATION_GUARDS: readonly Guard[] = [
  {
    id: "guard.visa-card",
    description: "Visa the payment card: \"Visa card\", \"Visa debit\", \"visa contactless\".",
    requires: ["visa"],
    pattern: /\bvisa[\s-]+(?:debit|credit|card|cards|electron|contactless|gift card|prepaid)\b/gi,
  },
  {
    id: "guard.visa-card-brand",
    description:
      "Visa the card brand, capitalised: \"Visa ending 4421\", \"a Visa and a Mastercard\", " +
      "\"Amex or Visa\", \"Visa transactions / statement / account\".",
    requires: ["visa"],
    requiresCased: ["Visa"],
    pattern:
      /\bVisa\s+(?:ending|number|no\.?|#|transactions?|statements?|account|payments?|purchases?|refunds?|spending|receipts?|transaction\s+history)\b|\bVisa,?\s+(?:no|or|and|nor)\s+(?:an?\s+)?(?:Mastercard|Amex|Maestro)\b|\bVisa\s+(?:and|or|&)\s+(?:an?\s+)?(?:Mastercard|Amex|American\s+Express|Maestro)\b|\b(?:Mastercard|Amex|American\s+Express|Maestro)\s+(?:and|or|&)\s+(?:an?\s+)?Visa\b/g,
  },
  {
    id: "guard.leave-from-work",
    description:
      "Leave in the employment or court sense: annual, sick, maternity, compassionate leave; " +
      "\"on leave\"; leave of absence; leave to appeal (a court's permission).",
    requires: ["leave"],
    pattern:
      /\b(?:annual|sick|maternity|paternity|parental|compassionate|study|special|unpaid|bereavement|carer['’]?s|adoption|garden(?:ing)?|holiday|emergency|medical|shore|home|school|summer|christmas|half[- ]term|a day['’]?s|a week['’]?s|two weeks['’]?)\s+leave\b|\bleave\s+(?:to\s+appeal|of\s+absence|from\s+(?:work|her\s+job|his\s+job|school|college)|of\s+the\s+court|to\s+apply\s+to\s+the\s+court|to\s+withdraw)\b|\bon\s+leave\b(?!\s+(?:to\s+(?:remain|enter)|outside))/gi,
  },
  {
    id: "guard.home-office-services",
    description:
      "The Home Office as a funder, publisher or employer: \"Home Office funded\", \"Home Office " +
      "guidance\", \"research commissioned by the Home Office\", \"works for the Home Office\".",
    requires: ["office"],
    pattern:
      /\bHome\s+Office(?:['’]s)?[\s-]+(?:funded|funding|funds|grants?|guidance|statutory\s+guidance|research|statistics|stats|policy|strategy|pilot|approved|counting\s+rules|circular|ministers?|commissioned|contracted|sponsored|DA\s+strategy|domestic\s+abuse\s+(?:strategy|guidance|plan)|VAWG)\b|\b(?:funded|funding|grant|grants|commissioned|published|issued|guidance|research|statistics|report|strategy|circular|sponsored|contracted|endorsed|pilot(?:ed)?|paid)\s+(?:(?:in\s+part|jointly|partly|partially|centrally)\s+)?(?:by|from|of)\s+the\s+Home\s+Office\b|\b(?:works?|working|worked|employed|employee|job|civil\s+servant|contractor|staff|manager|secondment|seconded)\s+(?:as\s+[a-z ]{1,30}\s+)?(?:for|at|by|with|in|to)\s+the\s+Home\s+Office\b/gi,
  },
  {
    id: "guard.home-office-publications",
    description:
      "The Home Office as the author of a named scheme, guidance, template or fund, written with " +
      "capitals or in brackets: \"Home Office Domestic Abuse Perpetrator Fund\", \"the Home Office " +
      "website\", \"Domestic Abuse Statutory Guidance (Home Office)\", \"joint Home Office/MoJ protocol\".",
    requires: ["office"],
    requiresCased: ["Office"],
    pattern:
      /\bHome\s+Office(?:['’]s)?\s+(?:[A-Z][A-Za-z&/-]*\s+){0,5}(?:[Gg]uidance|[Ss]trategy|[Pp]ilot|[Ff]und|[Ss]cheme|[Tt]emplate|[Pp]rotocol|[Pp]anel|[Pp]rogramme|[Tt]oolkit|[Ww]ebsite|[Dd]efinition|[Cc]ontractor|[Ee]mployee|[Ee]mployer|[Mm]oney|[Ff]igures|[Dd]ata\s+on)\b|\((?:the\s+)?Home\s+Office\)|\bjoint\s+Home\s+Office\b|\bHome\s+Office\s*\/\s*(?:MoJ|DHSC|DfE|DLUHC|MHCLG)\b/g,
  },
  {
    id: "guard.asylum-building",
    description:
      "Asylum as an old word for a psychiatric hospital: \"once an asylum\", \"belonged in an " +
      "asylum\", \"the asylum in Colney Hatch\" (not \"an asylum claim / seeker / hotel\").",
    requires: ["asylum"],
    requiresCased: ["asylum"],
    pattern:
      /\b(?:an?|the|lunatic|old|former|Victorian)\s+asylum\b(?!\s+(?:claims?|seekers?|support|hotels?|accommodation|interviews?|case|applications?|appeals?|route|process|team|screening|decisions?|hearings?|system|status|caseworker|grant|refusal|was\s+(?:refused|granted)))(?=[^.!?\n]{0,60}\b(?:building|hospital|psychiatric|mental|unit|attendant|worked|belong\w*|calls?|called|phrase|18\d\d|19\d\d)\b|\s+in\s+[A-Z])/g,
  },
  {
    id: "guard.home-office-room",
    description:
      "A home office as a room, written in lower case: \"the home office at the back\", " +
      "\"working from his home office\" (the department is written with capitals).",
    requires: ["office"],
    requiresCased: ["office"],
    pattern:
      /\b(?:(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Aa]|[Tt]he)\s+home\s+office\s+(?:at|in|upstairs|downstairs|room|desk|chair|space|set[\s-]?up|which|where|is\s+where)|(?:in|from|into|converted|spare)\s+(?:his|her|their|the|a)\s+home\s+office|home\s+office\s+(?:of|room|desk|chair|furniture|set[\s-]?up))\b/g,
  },
  {
    id: "guard.ho-abbrev-services",
    description: "\"HO funded\", \"HO funding\", \"HO guidance\" (the abbreviation, case-sensitive).",
    requires: ["ho"],
    requiresCased: ["HO"],
    pattern: /\bHO[\s-]+(?:funded|funding|grant|guidance|research|counting\s+rules)\b/g,
  },
  {
    id: "guard.border-jobs",
    description:
      "Someone's job at the border or in immigration control (Border Force, UK Border Agency, " +
      "immigration officer, airport), which says nothing about anyone's status.",
    requires: ["border", "immigration", "ukba"],
    pattern:
      /\b(?:(?:is|was|works?|worked|working|employed|job|career)\s+(?:as\s+)?(?:an?\s+)?(?:for\s+|at\s+|with\s+|by\s+)?(?:the\s+)?)(?:UK\s+Border\s+Agency|UKBA|Border\s+Force|immigration\s+officer|immigration\s+caseworker)\b/gi,
  },
  {
    id: "guard.money-settlement",
    description: "Settlement in the money sense: financial, divorce, tenancy or insurance settlement.",
    requires: ["settlement"],
    pattern:
      /\b(?:financial|divorce|ancillary|property|cash|court|tenancy|out[\s-]of[\s-]court|compensation|insurance|debt|full\s+and\s+final|payment|pension|injury)\s+settlements?\b|\bsettlement\s+(?:agreement|figure|offer|payment|sum|money|of\s+the\s+(?:debt|claim|bill|account|arrears))\b/gi,
  },
  {
    id: "guard.deportment",
    description: "\"Deportment\" (manner or posture), not deportation.",
    requires: ["deportment"],
    pattern: /\bdeportment\b/gi,
  },
  {
    id: "guard.refugee-week",
    description: "Refugee Week and similar public events, not a person's status.",
    requires: ["refugee"],
    pattern: /\brefugee\s+(?:week|day)\b/gi,
  },
];
