/** Agency types of design.md section 4. Each agency record in a MARAC area has exactly one. */
export const AGENCY_TYPES = [
  "idva",
  "by_and_for",
  "police",
  "childrens_social_care",
  "adult_social_care",
  "health",
  "mental_health",
  "housing",
  "probation",
  "education",
  "substance_misuse",
  "immigration_enforcement",
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export const AGENCY_TYPE_LABELS: Record<AgencyType, string> = {
  idva: "IDVA (specialist domestic abuse service)",
  by_and_for: "By-and-for or migrant support service",
  police: "Police",
  childrens_social_care: "Children's social care",
  adult_social_care: "Adult social care",
  health: "Health (GP, acute, midwifery, health visiting)",
  mental_health: "Mental health",
  housing: "Housing",
  probation: "Probation",
  education: "Education",
  substance_misuse: "Substance misuse",
  immigration_enforcement: "Immigration Enforcement",
};

/**
 * Immigration Enforcement does not attend MARAC (SafeLives guidance; "Safe to share?"
 * recommendation 1). Agencies of this type can exist as records, never as members.
 */
export function canBeMaracMember(type: AgencyType): boolean {
  return type !== "immigration_enforcement";
}
