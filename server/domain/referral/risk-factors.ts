import type { DashQuestionId } from "../case/dash";
import type { Tag } from "../tags";

/**
 * A risk factor an IDVA or chair can flag on a case (issue 5, "Risk-factor flags").
 *
 * Tags follow design.md section 3 and agree with the classification catalogue's decision for the
 * matching Dash question (case/catalogue.ts), so a flag never shows what the answer it mirrors hides:
 * - untagged: risk behaviours every member agency needs to plan for safety (strangulation, stalking,
 *   threats to kill, weapons, coercive control, escalation...). Sexual abuse is a risk factor, not
 *   sexual orientation, so it is not `sexuality`; conflict over child contact names no child, so it
 *   is not `children`; 'honour'-based abuse and forced marriage are risk behaviours (the tag list has
 *   no ethnicity or religion tag, and the flag records neither); the abuser's suicide threats are a
 *   homicide-risk behaviour, untagged like Dash q22.
 * - `health`: pregnancy or a new baby (q9), the victim's depression or suicidal thoughts (q5), the
 *   abuser's drug, alcohol or mental-health problems (q21).
 * - `criminal`: broken bail, injunctions or orders (q23).
 * - `immigration`: the abuser using the victim's immigration status to control them. It reveals that
 *   the victim's status is insecure, which is exactly what design.md section 3 restricts; no Dash
 *   question asks it (domain.md 2.3).
 */
export interface RiskFactor {
  readonly id: string;
  /** Plain English, as the flag is shown. */
  readonly label: string;
  readonly tags: readonly Tag[];
  /** The Dash RIC question the flag mirrors, if one does. */
  readonly dashQuestion?: DashQuestionId;
}

export const RISK_FACTORS = [
  { id: "non_fatal_strangulation", label: "Non-fatal strangulation, choking, suffocation or drowning", tags: [], dashQuestion: "q15" },
  { id: "stalking", label: "Stalking or harassment", tags: [], dashQuestion: "q8" },
  { id: "threats_to_kill", label: "Threats to kill the victim, the children or someone else", tags: [], dashQuestion: "q14" },
  { id: "recent_separation", label: "Recent separation, or trying to separate", tags: [], dashQuestion: "q6" },
  { id: "pregnancy_or_new_baby", label: "Pregnancy or a new baby (under 18 months)", tags: ["health"], dashQuestion: "q9" },
  { id: "escalation", label: "Escalation: the abuse is happening more often or getting worse", tags: [], dashQuestion: "q11" },
  { id: "weapons", label: "Weapons or objects used to hurt the victim, or access to weapons", tags: [], dashQuestion: "q13" },
  { id: "honour_based_abuse_or_forced_marriage", label: "'Honour'-based abuse or forced marriage", tags: [] },
  { id: "coercive_control", label: "Coercive control or excessive jealousy", tags: [], dashQuestion: "q12" },
  { id: "child_contact_conflict", label: "Conflict over child contact", tags: [], dashQuestion: "q7" },
  { id: "sexual_abuse", label: "Sexual abuse", tags: [], dashQuestion: "q16" },
  { id: "perpetrator_suicide_threats", label: "The abuser has threatened or attempted suicide", tags: [], dashQuestion: "q22" },
  { id: "financial_control", label: "Financial control or dependence on the abuser", tags: [], dashQuestion: "q20" },
  { id: "isolation", label: "Isolation from family, friends or services", tags: [], dashQuestion: "q4" },
  { id: "immigration_status_abuse", label: "The abuser uses the victim's immigration status to control them", tags: ["immigration"] },
  { id: "victim_extreme_fear", label: "The victim is very frightened", tags: [], dashQuestion: "q2" },
  { id: "victim_depression_or_suicidal_thoughts", label: "The victim is depressed or has suicidal thoughts", tags: ["health"], dashQuestion: "q5" },
  { id: "perpetrator_substance_or_mental_health", label: "The abuser's drug, alcohol or mental-health problems", tags: ["health"], dashQuestion: "q21" },
  { id: "breach_of_bail_or_orders", label: "The abuser has broken bail, an injunction or an order", tags: ["criminal"], dashQuestion: "q23" },
  { id: "abuser_has_hurt_others", label: "The abuser has hurt someone else (children, relatives, previous partners)", tags: [], dashQuestion: "q18" },
] as const satisfies readonly RiskFactor[];

export type RiskFactorId = (typeof RISK_FACTORS)[number]["id"];

const BY_ID: ReadonlyMap<string, RiskFactor> = new Map(RISK_FACTORS.map((f) => [f.id, f]));

/** The risk factor with this id, or undefined for an id not in the list (e.g. a withdrawn entry). */
export function riskFactorById(id: string): RiskFactor | undefined {
  return BY_ID.get(id);
}

export function isRiskFactorId(id: string): id is RiskFactorId {
  return BY_ID.has(id);
}
