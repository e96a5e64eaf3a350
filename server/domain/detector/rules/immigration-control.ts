import type { Rule } from "./types";

/**
 * Immigration rules about control tactics and how a person came to the UK: sponsorship,
 * threats to report someone to the Home Office or immigration, and arrival on a dependent route.
 */

export const IMMIGRATION_CONTROL_RULES: readonly Rule[] = [
  {
    id: "imm.sponsor-dependence",
    tag: "immigration",
    description:
      "Sponsorship: \"he sponsored her\", \"his sponsorship\", \"her sponsor\", \"withdrew his " +
      "sponsorship\" (not charity sponsorship: fun runs, in aid of, fundraising; not an AA or NA " +
      "sponsor, a business sponsoring a club, or an employer paying for a course).",
    requires: ["sponsor"],
    pattern: /\bsponsor\w*/i,
    unless:
      /\b(?:charit\w*|fun\s+run|marathon|in\s+aid\s+of|fundrais\w*|raise\s+money|raising\s+money|raised|sponsored\s+(?:walk|run|swim|silence|cycle|bike\s+ride|skydive|event|hike|challenge)|sponsor\s+(?:form|money)|justgiving|football|sponsorship\s+(?:deal|scheme)|shirt|kit|sponsored\s+\d+\s?k|(?:AA|NA|Alcoholics\s+Anonymous|Narcotics\s+Anonymous|recovery|12[\s-]step)\b[^.!?\n]{0,20}\bsponsor|sponsor\s+(?:at|from)\s+(?:his|her|their|the)\s+(?:AA|NA|Alcoholics|Narcotics|recovery|meeting|group)|sponsors?\s+the\s+(?:local\s+)?\w+\s+(?:club|team|league)|sponsored\s+by\s+(?:a|the)\s+(?:local\s+)?(?:supermarket|business|company|firm|shop|bank)|sponsored\s+by\s+(?:her|his|their)\s+(?:employer|company|work|firm)\s+to\s+(?:complete|do|attend|take|study\s+for)\s+(?:a|an|her|his|the)\s+(?:NVQ|course|qualification|degree|training|diploma|apprenticeship))\b/i,
  },
  {
    id: "imm.sponsor-abbrev",
    tag: "immigration",
    requires: ["cos"],
    description: "CoS (certificate of sponsorship), upper-and-lower case exactly, so not \"cos\" (because).",
    pattern: /\bCoS\b/,
  },
  {
    id: "imm.threat-to-report",
    tag: "immigration",
    requires: ["ukvi", "immigration", "ie", "ho", "border"],
    description:
      "Threats or fears of being reported to the Home Office, UKVI, IE or \"immigration\" " +
      "(\"he'll ring the Home Office\", \"grass her up to immigration\", \"one phone call to " +
      "immigration\"). Threats to report to DWP or social services are not covered.",
    pattern:
      /\b(?:report\w*|tell\w*|told|grass\w*|inform\w*|shop|shopping|shopped|ring\w*|rang|call\w*|phone\w*|contact\w*|dob\w*)\s+(?:(?:her|him|them|you|me|us|on\s+her|on\s+him|her\s+up|him\s+up|her\s+in|him\s+in|her\s+details|his\s+details|her\s+address)\s+)?(?:up\s+)?(?:to\s+)?(?:the\s+)?(?:Home\s+Office|UKVI|immigration|IE|HO|border\s+(?:force|agency))\b/i,
  },
  {
    id: "imm.entry-route",
    tag: "immigration",
    requires: ["came", "come", "arrived", "entered", "brought"],
    description:
      "Arrival on a dependent route: \"came over as his wife\", \"came to the UK as a student\", " +
      "\"arrived here on his sponsorship\" (not \"came to the UK with her family\").",
    pattern:
      /\b(?:came|come|arrived|entered|brought)\s+(?:(?:to|into)\s+(?:the\s+)?(?:UK|U\.K\.?|England|Britain|this\s+country|country)|over|here)\s+(?:(?:in|during)\s+\d{4}\s+)?(?:as|on)\s+(?:a|an|his|her|their)\s+(?:spouse|spousal|wife|bride|husband|partner|fianc\w*|student|dependant|visitor|domestic\s+worker|worker|sponsorship)\b/i,
  },
];
