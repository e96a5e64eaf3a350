import type { AgencyType } from "../agency-types";

/**
 * The lawful basis the MARAC records for sharing with each type of agency, as the information-sharing
 * protocol states it. Defaults drawn from the data-protection framing in docs/domain.md section 4.1
 * (UK GDPR Art 6 and 9, DPA 2018 Sch 1 para 18, Part 3 for police, Crime and Disorder Act s.115,
 * Children Act 2004, Caldicott); each MARAC confirms them with its agencies' data protection officers.
 */
const GENERAL =
  "UK GDPR Article 6(1)(e) (public task), or 6(1)(d) (vital interests) where there is a threat to life. " +
  "Special category data (such as health or sexuality): Article 9(2)(g) (substantial public interest) with " +
  "DPA 2018 Schedule 1 paragraph 18 (safeguarding of children and individuals at risk). " +
  "Criminal offence data: a DPA 2018 Schedule 1 Part 3 condition. " +
  "Disclosure to a relevant authority: Crime and Disorder Act 1998 section 115 (a power, not a duty).";

export const DEFAULT_LAWFUL_BASES: Readonly<Record<AgencyType, string>> = {
  idva: GENERAL,
  by_and_for: GENERAL,
  police:
    "DPA 2018 Part 3 (processing for law enforcement purposes), with consultation and disclosure logged as section 62 requires. " +
    "Disclosure to a relevant authority: Crime and Disorder Act 1998 section 115 (a power, not a duty).",
  childrens_social_care: `${GENERAL} Children Act 2004 sections 11 and 16E.`,
  adult_social_care: GENERAL,
  health: `${GENERAL} The Caldicott principles apply.`,
  mental_health: `${GENERAL} The Caldicott principles apply.`,
  housing: GENERAL,
  probation: GENERAL,
  education: `${GENERAL} Children Act 2004 section 11.`,
  substance_misuse: `${GENERAL} The Caldicott principles apply.`,
  immigration_enforcement:
    "None. Immigration Enforcement is not a MARAC member and receives nothing under this protocol; immigration information never goes to it (hard rule).",
};
