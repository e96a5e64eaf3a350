import { IMMIGRATION_CONTROL_RULES } from "./immigration-control";
import { IMMIGRATION_GUARDS } from "./immigration-guards";
import { IMMIGRATION_PRESENCE_RULES } from "./immigration-presence";
import type { Rule, RuleFamily } from "./types";

/**
 * Immigration-status rules (labelling rules: /work/shared/corpus/README.md).
 *
 * A sentence is `immigration` if it states or directly implies anyone's immigration status.
 * Patterns are case-insensitive unless an abbreviation would collide with an ordinary word
 * ("HO", "IE", "LTR", "CoS"), in which case a separate case-sensitive pattern covers it.
 * Misspellings seen in practice are part of the patterns ("asylumn", "presettled", "spousel").
 */

/** Whose: "her", "his", "mum's", "V's", "the perpetrator's"... (bounded, no nesting). */
const WHOSE =
  "(?:her|his|their|its|my|your|our|own|(?:mum|mother|dad|father|v|victim|perp|perpetrator|partner|husband|wife|child|son|daughter|children|family|client|spouse|sister|brother|baby)['’]s?)";

/** Something that ties a visa to the UK rather than to a holiday abroad. */
const UK_ANCHOR =
  "\\b(?:UK|U\\.K|Britain|British|England|Wales|Scotland|here|Home\\s+Office|UKVI|leave|expir\\w*|overstay\\w*|spous\\w*|sponsor\\w*|dependant|student|tier|worker|partner|fianc\\w*|refus\\w*|curtail\\w*|lapsed|status|renew\\w*|visitor)\\b";
const HOLIDAY_CONTEXT =
  "\\b(?:holidays?|trip|honeymoon|vacation|tourist|travel(?:l?ing|l?ed|s)?\\s+(?:to|abroad)|fly(?:ing)?\\s+(?:out\\s+)?to|going\\s+(?:out\\s+)?to|abroad|overseas\\s+trip|funeral|wedding\\s+in|visit(?:ing|s|ed)?|schengen|ESTA)\\b";

const re = (source: string, flags = "i"): RegExp => new RegExp(source, flags);

const ROUTE_AND_DOCUMENT_RULES: readonly Rule[] = [
  {
    id: "imm.ddvc",
    tag: "immigration",
    requires: ["ddvc", "mvdac", "destitut", "migrant", "concession", "rule", "settlement", "appendix", "(dv)", "smv", "recourse"],
    description:
      "Domestic-abuse immigration routes: DDVC, MVDAC (and their full names), the DV rule, " +
      "Appendix Victim of Domestic Abuse, SET(DV), the Support for Migrant Victims scheme.",
    pattern:
      /\b(?:DDVC|MVDAC|destitut\w*\s+domestic\s+(?:violence|abuse)|migrant\s+victims?\s+(?:of\s+)?domestic\s+abuse|(?:DV|DA|domestic\s+(?:violence|abuse))\s+(?:concession|rule|settlement)|appendix\s+(?:victims?\s+of\s+domestic\s+abuse|VDA|FM\s+DV)|SET\s?\(DV\)|support\s+for\s+migrant\s+victims|SMV\s+scheme|no\s+recourse\s+fund)\b/i,
  },
  {
    id: "imm.euss",
    tag: "immigration",
    requires: ["euss", "settle", "certificate", "zambrano", "derivative", "permit"],
    description:
      "EU Settlement Scheme: EUSS, settled / pre-settled status (also \"pre settled\", " +
      "\"presettled\"), certificate of application, Zambrano and derivative rights, EEA family permits.",
    pattern:
      /\b(?:EUSS|EU\s+settle(?:d|ment)|pre[\s-]?settle(?:d|ment)|settled\s+status|settled\s+or\s+pre|certificate\s+of\s+application|Zambrano|derivative\s+right|(?:EEA|EU)\s+family\s+permit)\b/i,
  },
  {
    id: "imm.settlement",
    tag: "immigration",
    requires: ["settlement", "(m)", "(o)", "(f)", "(lr)", "(pr)"],
    description:
      "Settlement as an immigration route: applying / eligible for settlement, settlement " +
      "applications or routes, SET(M) and similar forms (money settlements are guarded).",
    pattern:
      /\b(?:(?:apply|applied|applying|application|applications|eligible|eligibility|qualif\w{0,8}|granted|route|path(?:way)?)\s+(?:for|to|of|towards)\s+settlement|settlement\s+(?:application|visa|route|on\s+the|under|protection)|SET\s?\((?:M|O|F|LR|PR)\))/i,
  },
  {
    id: "imm.visa",
    tag: "immigration",
    description:
      "Any visa or eVisa (\"spouse visa\", \"on a visa\", \"no visa now\"), unless the sentence is " +
      "about a holiday or trip abroad and nothing ties the visa to the UK. Visa cards are guarded.",
    requires: ["visa"],
    pattern: /\b(?:e-?)?visas?\b/i,
    unless: re(`^(?=[\\s\\S]*${HOLIDAY_CONTEXT})(?![\\s\\S]*${UK_ANCHOR})`),
  },
  {
    id: "imm.visa-route",
    tag: "immigration",
    requires: ["tier", "skilled", "worker", "graduate", "route", "permit", "sponsorship", "clearance", "ukraine", "reunion", "arap", "acrs", "scheme", "vprs", "(o)", "(overseas)"],
    description:
      "Visa routes named without the word visa: Tier 1-5, Skilled Worker, the 5- or 10-year " +
      "partner route, work permit, entry clearance, BN(O), Homes for Ukraine, family reunion, ARAP/ACRS.",
    pattern:
      /\b(?:tier\s?[1-5]|skilled\s+worker|health\s+and\s+care\s+worker|graduate\s+route|(?:partner|spouse|parent|private\s+life|(?:ten|10|five|5)[\s-]year)\s+(?:partner\s+|parent\s+|family\s+)?route|work\s+permit|certificate\s+of\s+sponsorship|entry\s+clearance|homes\s+for\s+ukraine|ukraine\s+(?:family\s+|sponsorship\s+|permission\s+|extension\s+)?scheme|family\s+reunion|ARAP|ACRS|resettlement\s+scheme|VPRS|BN\s?\(O\)|british\s+national\s+\(overseas\))/i,
  },
  {
    id: "imm.leave",
    tag: "immigration",
    description:
      "Leave in the immigration sense: leave to remain / enter, indefinite, limited, further, " +
      "discretionary leave, leave outside the rules, 3C leave, \"no leave\", \"without leave\", " +
      "visa / leave / extension / spouse applications.",
    requires: ["leave", "3c", "application"],
    pattern:
      /\b(?:leave\s+to\s+(?:remain|enter)|indefinite\s+leave|limited\s+leave|further\s+leave|discretionary\s+leave|leave\s+outside\s+(?:the\s+)?(?:immigration\s+)?rules|(?:section|s\.?)\s?3C|3C\s+leave|leave\s+in\s+line|(?:visa|leave|extension|renewal|spouse|spousal|partner|dependant)\s+applications?|(?:no|without|lost|lose|losing)\s+(?:(?:UK|valid|lawful|any|current|legal|immigration|further)\s+){0,2}leave\b(?!\s+(?:from|of\s+absence|for\s+work|left|entitlement|allowance)))/i,
  },
  {
    id: "imm.leave-abbrev",
    tag: "immigration",
    requires: ["ilr", "flr", "llr", "lotr", "ltr", "ile", "i.l.r"],
    description: "Leave abbreviations, upper case only: ILR, FLR (FLR(M), FLR(FP)), LLR, LOTR, LTR, ILE, I.L.R.",
    pattern: /\b(?:ILR|FLR|LLR|LOTR|LTR|ILE|I\.L\.R)\b/,
  },
  {
    id: "imm.leave-own",
    tag: "immigration",
    description:
      "Someone's leave with a status verb: \"her leave runs out\", \"his leave expired\", \"her " +
      "student leave ended\", \"leave as his spouse\" (not \"let her leave\", not annual leave).",
    requires: ["leave"],
    pattern: re(
      `\\b${WHOSE}\\s+(?:[a-z]{1,15}\\s+)?leave\\s+(?:(?:has|had|was|is|will|would|may|might|has\\s+been|had\\s+been|never|ever|not|already|just|now|also|still|soon|only)\\s+){0,3}(?:expir\\w*|end(?:s|ed)?|ran\\s+out|runs?\\s+out|lapse[sd]?|extended|extension|curtail\\w*|cut\\s+short|revoked|cancell?ed|refused|granted|renew\\w*|valid|conditions?|due\\s+(?:to\\s+)?(?:expire|end|run|for)|in\\s+line|to\\s+remain|to\\s+enter|tied|depends|dependent|linked|as\\s+(?:a|an|his|her|their)\\s+(?:spouse|partner|wife|husband|dependant|refugee|student|worker|fianc\\w*)|of\\s+(?:her|his|their)\\s+own|under)\\b`,
    ),
  },
  {
    id: "imm.right-to-remain",
    tag: "immigration",
    description:
      "Right or permission to remain, stay, reside, enter, work or rent (not \"right to remain " +
      "silent\", not a right to stay in a property); a lawful basis to remain; being told to " +
      "leave the UK.",
    requires: ["leave", "basis", "right", "permission"],
    pattern:
      /\b(?:(?:must|required\s+to|told\s+to|ordered\s+to|given\s+notice\s+to)\s+leave\s+(?:the\s+UK|the\s+U\.K\.?|the\s+country|this\s+country|Britain)|(?:lawful|legal)\s+basis\s+(?:to|for)\s+(?:remain|stay|be|being|living)|(?:right|permission)\s+to\s+(?:remain(?!\s+silent)|stay(?!\s+(?:in|at)\s+(?:the|her|his|their)\s+(?:property|house|home|family\s+home|flat|refuge|tenancy|address))|reside|enter\s+(?:the\s+)?(?:UK|country|Britain)|work(?!\s+(?:flexibly|from\s+home|part[\s-]time))|rent|be\s+(?:in\s+the\s+UK|here|in\s+this\s+country)|live\s+(?:and\s+work\s+)?(?:in\s+the\s+UK|in\s+this\s+country|here)))\b/i,
  },
  {
    id: "imm.asylum",
    tag: "immigration",
    requires: ["asyl", "assyl", "aslyum", "uasc", "refugee", "humanitarian", "claim", "nass", "support", "accommodation", "contingency", "serco", "mears", "clearsprings", "stateless"],
    description:
      "Asylum and protection: asylum (also \"asylumn\", \"assylum\", \"aslyum\"), asylum seeker, " +
      "UASC, refugee, humanitarian protection, fresh / human-rights claim, asylum support " +
      "(section 4 / 95, NASS), initial or contingency accommodation, Serco/Mears/Clearsprings housing, statelessness.",
    pattern:
      /\b(?:as{1,2}yl(?:u|e)?mn?|aslyum|asylum\w*|UASC|refugees?|humanitarian\s+protection|(?:fresh|protection|human\s+rights|article\s+[38])\s+claims?|NASS|(?:section|s\.?)\s?(?:4|95|98)\s+support|initial\s+accommodation|contingency\s+(?:hotel|accommodation)|(?:Serco|Mears|Clearsprings)(?:\s+Ready\s+Homes)?\s+(?:accommodation|housing|property|hotel|house)|stateless\w*)\b/i,
  },
  {
    id: "imm.nrpf",
    tag: "immigration",
    requires: ["nrpf", "n.r.p.f", "recourse", "funds"],
    description: "No recourse to public funds: NRPF, \"no recourse\" (not \"no recourse to her savings\"), access to public funds.",
    pattern:
      /\b(?:NRPF|N\.R\.P\.F|no\s+recourse\b(?!\s+to\s+(?!public)[a-z])|recourse\s+to\s+public\s+funds|(?:access|entitle\w*|eligib\w*|claim|no)\s+(?:to\s+|for\s+)?public\s+funds|public\s+funds\s+(?:condition|restriction))/i,
  },
  {
    id: "imm.change-of-conditions",
    tag: "immigration",
    requires: ["conditions"],
    description: "A change-of-conditions request to lift an NRPF condition (not a change to bail or licence conditions).",
    pattern: /\bchange\s+of\s+conditions\b/i,
    unless: /\b(?:bail|licence|license|order|tenancy|contract|employment|sentence)\b/i,
  },
  {
    id: "imm.brp",
    tag: "immigration",
    description:
      "Status documents: BRP, biometric residence permit/card, residence card or permit, " +
      "permanent residence, share code (not a DVLA one), UKVI account, immigration papers.",
    requires: ["brp", "biometric", "residence", "share", "ukvi", "status", "immigration"],
    pattern:
      /\b(?:BRPs?|biometric\s+residen\w*|residence\s+(?:card|permit|document)s?|permanent\s+residence|share\s+code|UKVI\s+account|status\s+letter|immigration\s+(?:documents?|papers|paperwork))\b/i,
    unless: /\b(?:DVLA|driving\s+licen[cs]e|car\s+hire|hire\s+car|penalty\s+points)\b/i,
  },
  {
    id: "imm.home-office",
    tag: "immigration",
    requires: ["off", "ukvi", "visas", "ukba", "border", "nccu"],
    description:
      "The Home Office or UKVI dealing with a person (applications, decisions, letters, reporting, " +
      "accommodation, holding a passport). Funding, guidance and jobs are guarded.",
    pattern:
      /\b(?:Home\s+Off(?:ice|ce|fice)|UKVI|UK\s+Visas|Visas\s+and\s+Immigration|UKBA|(?:UK\s+)?Border\s+Agency|NCCU)\b/i,
  },
  {
    id: "imm.home-office-abbrev",
    tag: "immigration",
    requires: ["ho"],
    description: "\"HO\" for the Home Office (upper case only): \"HO confirmed\", \"HO reference\".",
    pattern: /\bHO\b/,
  },
  {
    id: "imm.immigration",
    tag: "immigration",
    requires: ["migra", "immirgra", "oisc", "regulari"],
    description:
      "The words immigration, immigrant, migrant in any form: in a case note they nearly always " +
      "concern someone's status (immigration bail, advice, solicitor, tribunal, officers); OISC " +
      "(regulated immigration advisers); regularising a stay or status. " +
      "Someone's job in immigration control is guarded.",
    pattern: /\b(?:immigra\w*|imigra\w*|immirgra\w*|migrants?|OISC|regulari[sz]\w*)\b/i,
  },
  {
    id: "imm.enforcement-contact",
    tag: "immigration",
    requires: ["cent", "yarl", "brook", "harmondsworth", "tinsley", "dungavel", "morton", "derwentside", "campsfield", "eaton", "becket", "sandford", "festival", "dallas"],
    description:
      "Immigration Enforcement and detention: IE, IRC, removal / detention / reporting centres " +
      "and named removal centres and reporting offices.",
    pattern:
      /\b(?:removal\s+cent(?:re|er)s?|detention\s+cent(?:re|er)s?|reporting\s+cent(?:re|er)s?|Yarl['’]?s\s+Wood|Brook\s+House|Harmondsworth|Colnbrook|Tinsley\s+House|Dungavel|Morton\s+Hall|Derwentside|Campsfield|Eaton\s+House|Becket\s+House|Sandford\s+House|Festival\s+Court|Dallas\s+Court)\b/i,
  },
  {
    id: "imm.enforcement-abbrev",
    tag: "immigration",
    requires: ["ie", "irc"],
    description: "Immigration Enforcement and removal centre abbreviations, upper case only: IE, IRC.",
    pattern: /\b(?:IE|IRC)\b/,
  },
];

/** The immigration family: routes and documents, presence and status, control tactics. */
export const IMMIGRATION_FAMILY: RuleFamily = {
  tag: "immigration",
  rules: [...ROUTE_AND_DOCUMENT_RULES, ...IMMIGRATION_PRESENCE_RULES, ...IMMIGRATION_CONTROL_RULES],
  guards: IMMIGRATION_GUARDS,
};
